import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBuyerAccounts } from '../../main/hub/demo-brand.ts';
import { tokenHash } from '../../main/hub/auth/tokens.ts';
import { shippingWarehouse } from '../../main/hub/orders/stock-allocation.ts';
import type { RunningHub } from '../../main/hub/start.ts';
import { hubDb } from '../../main/store/database.ts';
import { CHROMIUM_PATH, launchChromium } from '../support/chromium.ts';
import { insertSharedSelection, shareSizeRuns } from '../support/shared-selection.ts';
import { startTestHub } from '../support/hub-engine.ts';

/**
 * The real buyer app, built by Vite, served by the hub under its strict CSP and opened
 * in Chromium: nothing may be blocked, and the page must work by keyboard and at phone
 * width.
 */

let dir: string;
let buyerAppDir: string;
let hub: RunningHub;
let browser: Browser;
/** A live share link to a selection for a buyer whose trading terms speak each language. */
const tokens: Record<'en' | 'ja', string> = { en: '', ja: '' };

/** The spec's words for every link that does not open. */
const EXPIRED =
  'Your access link has expired. Please log in to continue browsing or contact the brand for assistance.';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-buyer-'));
  buyerAppDir = join(dir, 'buyer');
  await build({
    configFile: fileURLToPath(new URL('../../vite.buyer.config.ts', import.meta.url)),
    logLevel: 'error',
    build: { outDir: buyerAppDir, emptyOutDir: true },
  });
  hub = await startTestHub({ dataDir: join(dir, 'data'), port: 0, buyerAppDir, demo: 20 });
  await hub.store.db.updateTable('brand_settings').set({ name: 'Maison Kaori' }).execute();
  for (const language of ['en', 'ja'] as const) {
    tokens[language] = await shareSizeRuns(hub.store.db, {
      language,
      skus: 24,
      name: language === 'ja' ? '春の展示会' : 'Spring order',
    });
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A GET whose body comes as sent, compressed or not (fetch would unpack it). */
function rawGet(
  url: string,
  acceptEncoding: string,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

interface Opened {
  page: Page;
  problems: string[];
}

async function open(
  path: string,
  options: { width?: number; locale?: string } = {},
): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    locale: options.locale ?? 'en-US',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI);
    });`,
  });
  await page.goto(`${hub.url}${path}`);
  await page.getByText('Powered by Trunkshow').waitFor();
  return { page, problems };
}

describe('buyer web app under the hub', () => {
  it('is built without inline scripts or styles', () => {
    const html = readFileSync(join(buyerAppDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toMatch(/\ssrc="\/assets\//);
    expect(html).not.toMatch(/<style\b|\sstyle=/);
  });

  it('greets the buyer with the brand name, in English by default, with no CSP errors', async () => {
    const { page, problems } = await open('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Welcome to Maison Kaori',
    );
    await expect(
      page.getByText('Open the link Maison Kaori sent you to see your selection.').isVisible(),
    ).resolves.toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe('Maison Kaori');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('speaks Japanese from ?lang=ja or a Japanese browser', async () => {
    for (const [path, locale] of [
      ['/?lang=ja', 'en-US'],
      ['/', 'ja-JP'],
    ] as const) {
      const { page, problems } = await open(path, { locale });
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Maison Kaori へようこそ',
      );
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('serves its script compressed and cached for good, its page fresh', async () => {
    const html = readFileSync(join(buyerAppDir, 'index.html'), 'utf8');
    // The page's scripts, its entry and what it preloads; the largest shows compression best
    // (the entry itself is small since React's renderer left it).
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map(
      (match) => match[1]!,
    );
    const script = scripts
      .map((path) => ({ path, size: readFileSync(join(buyerAppDir, path)).length }))
      .sort((a, b) => b.size - a.size)[0]!.path;
    const plain = readFileSync(join(buyerAppDir, script));
    for (const encoding of ['br', 'gzip'] as const) {
      const response = await rawGet(`${hub.url}${script}`, `${encoding}, deflate`);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['vary']).toMatch(/accept-encoding/i);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(response.body.length).toBeLessThan(plain.length / 3);
      const unpacked =
        encoding === 'br' ? brotliDecompressSync(response.body) : gunzipSync(response.body);
      expect(unpacked.equals(plain)).toBe(true);
    }
    const identity = await rawGet(`${hub.url}${script}`, 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(plain)).toBe(true);
    const page = await fetch(`${hub.url}/s/${tokens.en}`, { headers: { 'accept-encoding': 'br' } });
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain(script);
  });

  it("treats every address under /s/ alike: it leaves the address bar, and a link that does not open says the spec's words", async () => {
    for (const path of [
      '/s/someToken123',
      `/s/${tokens.en}.`,
      `/s/${tokens.en.slice(0, 20)}`,
      '/s/',
      `/s/${'x'.repeat(43)}`,
    ]) {
      const { page, problems } = await open(path, { width: 375 });
      const heading = page.getByRole('heading', { level: 1 });
      expect(await heading.textContent()).toBe(EXPIRED);
      expect(new URL(page.url()).pathname).toBe('/shared');
      expect(await page.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe('/login');
      expect(
        await page.evaluate<number>('document.documentElement.scrollWidth'),
      ).toBeLessThanOrEqual(375);
      // The hub's answer to the token, 404, is the only thing the console notes.
      expect(problems.filter((problem) => !problem.includes('404'))).toEqual([]);
      await page.context().close();
    }
  }, 60_000);

  it('shows a shared selection on a 375 px phone: every card within the list, the discount taken off', async () => {
    const { page, problems } = await open(`/s/${tokens.en}`, { width: 375 });
    await page.getByRole('heading', { name: 'Spring order' }).waitFor();
    const overflowing = await page.evaluate<string[]>(`
      [...document.querySelectorAll('main, .shared, .shared__lines, .shared__line')]
        .filter((element) => element.scrollWidth > element.clientWidth)
        .map((element) => element.className + ': ' + element.scrollWidth + ' > ' + element.clientWidth)
    `);
    expect(overflowing).toEqual([]);
    const discount = page.locator('.shared__totals div').filter({ hasText: 'Discount' });
    expect(await discount.locator('dd').textContent()).toMatch(/^\u2212\$\d/);
    // The first picture, the largest thing on this screen, loads at once.
    const first = page.locator('img.shared__picture').first();
    await first.waitFor();
    expect(await first.getAttribute('loading')).toBe('eager');
    expect(await first.getAttribute('fetchpriority')).toBe('high');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("speaks the language of the buyer's trading terms, whatever the browser's", async () => {
    const { page, problems } = await open(`/s/${tokens.ja}`, { locale: 'en-US' });
    await page.getByRole('heading', { name: '春の展示会' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await expect(page.getByText(/様向けセレクション$/).isVisible()).resolves.toBe(true);
    // The checkout form arrives in its own chunk, after the selection.
    await page.getByRole('heading', { name: 'このセレクションを注文' }).waitFor();
    expect(await page.locator('.shared__totals dt').first().textContent()).toBe('小計');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("says what is wrong with the checkout contact at each field, in the page's language", async () => {
    const { page } = await open(`/s/${tokens.ja}`, { width: 375 });
    await page.getByRole('heading', { name: '春の展示会' }).waitFor();
    const checkouts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/share/checkout')) checkouts.push(request.url());
    });
    // An address a browser's email field takes, and the hub does not: no domain ending.
    await page.getByRole('textbox', { name: 'メールアドレス' }).fill('aiko@shop');
    await page.getByRole('button', { name: 'Request Checkout' }).click();
    const name = page.getByRole('textbox', { name: 'お名前' });
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('checkout-name');
    expect(await page.locator('#checkout-name-problem').textContent()).toBe(
      'お名前を入力してください。',
    );
    expect(await page.locator('#checkout-email-problem').textContent()).toBe(
      'name@shop.com のような形式でメールアドレスを入力してください。',
    );
    expect(checkouts).toEqual([]);

    // What the hub still refuses comes back by field and code, and shows at the field too.
    await page.route('**/api/share/checkout', (route) =>
      route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            code: 'invalid_input',
            message: 'The body is not valid: name: Too big.',
            issues: [{ path: 'name', code: 'too_big' }],
          },
        }),
      }),
    );
    await name.fill('Aiko Tanaka');
    await page.getByRole('textbox', { name: 'メールアドレス' }).fill('aiko@shop.example.jp');
    await page.getByRole('button', { name: 'Request Checkout' }).click();
    await page.locator('#checkout-name-problem').waitFor();
    expect(await page.locator('#checkout-name-problem').textContent()).toBe(
      '200 文字以内で入力してください。',
    );
    expect(await page.locator('#checkout-email-problem').count()).toBe(0);
    expect(await page.getByText('The body is not valid').count()).toBe(0);
    await page.context().close();
  });

  it("refuses a checkout over availability at the size, in the page's language, placing nothing", async () => {
    const db = hubDb(hub.store.db);
    const link = await db
      .selectFrom('share_links as l')
      .innerJoin('selections as s', 's.id', 'l.selection_id')
      .innerJoin('selection_lines as sl', 'sl.selection_id', 's.id')
      .innerJoin('skus as k', 'k.id', 'sl.sku_id')
      .select(['s.buyer_id', 'sl.sku_id', 'sl.quantity', 'k.size'])
      .where('l.token_hash', '=', tokenHash(tokens.ja))
      .where('sl.quantity', '>', 0)
      .orderBy('sl.sku_id')
      .executeTakeFirstOrThrow();
    const warehouseId = (await shippingWarehouse(hub.store.db, link.buyer_id))!;
    const left = link.quantity - 1;
    await db
      .insertInto('stock')
      .values({ warehouse_id: warehouseId, sku_id: link.sku_id, quantity: left })
      .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doUpdateSet({ quantity: left }))
      .execute();
    const orders = async () => (await db.selectFrom('orders').select('id').execute()).length;
    const before = await orders();

    const { page } = await open(`/s/${tokens.ja}`, { width: 375 });
    await page.getByRole('heading', { name: '春の展示会' }).waitFor();
    await page.getByRole('textbox', { name: 'お名前' }).fill('Aiko Tanaka');
    await page.getByRole('textbox', { name: 'メールアドレス' }).fill('aiko@shop.example.jp');
    await page.getByRole('button', { name: 'Request Checkout' }).click();
    const refusal = page.getByText(`：サイズ ${link.size} の在庫は残り ${left} 点です。`, {
      exact: false,
    });
    await refusal.waitFor();
    expect(await page.getByText('Not enough stock').count()).toBe(0);
    expect(await orders()).toBe(before);
    await page.context().close();
  });

  it('lets a buyer with an account log in, read a selection of their store with its pictures, and log out', async () => {
    const db = hubDb(hub.store.db);
    const [person] = (await demoBuyerAccounts(hub.store.db))!;
    const buyer = await db
      .selectFrom('buyer_memberships as m')
      .innerJoin('buyer_users as u', 'u.id', 'm.buyer_user_id')
      .innerJoin('buyers as b', 'b.id', 'm.buyer_id')
      .select(['b.id', 'b.pricelist_id'])
      .where('u.email', '=', person!.email)
      .executeTakeFirstOrThrow();
    const skus = await db
      .selectFrom('skus as s')
      .innerJoin('colorways as c', 'c.id', 's.colorway_id')
      .innerJoin('prices as p', (join) =>
        join.onRef('p.sku_id', '=', 's.id').on('p.pricelist_id', '=', buyer.pricelist_id),
      )
      .innerJoin('products as style', 'style.id', 'c.product_id')
      .select('s.id')
      .where('c.picture_id', 'is not', null)
      // SS27: published and open for orders, so the buyer sees it.
      .where('style.style_number', 'like', 'SS27-%')
      .limit(3)
      .execute();
    await insertSharedSelection(hub.store.db, {
      buyerId: buyer.id,
      skuIds: skus.map((sku) => sku.id),
      name: 'For your store',
    });

    const { page, problems } = await open('/login');
    await page.getByRole('button', { name: `Use ${person!.name} (${person!.store})` }).click();
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/selections');
    await page.getByRole('link', { name: /^For your store/ }).click();
    await page.getByRole('heading', { name: 'For your store' }).waitFor();
    // Pictures come by the session cookie, at their plain address.
    await expect
      .poll(() =>
        page.evaluate<number>("document.querySelector('img.shared__picture')?.naturalWidth ?? 0"),
      )
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    // The session ended at the hub: its pages send the buyer back to log in.
    await page.goto(`${hub.url}/selections`);
    await page.waitForURL('**/login?next=%2Fselections');
    // The hub's 401 to the ended session is the only thing the console notes.
    expect(problems.filter((problem) => !problem.includes('401'))).toEqual([]);
    await page.context().close();
  });

  it('works by keyboard: skip link first, then the language switch', async () => {
    const { page } = await open('/');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Skip to content');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('日本語');
    await page.keyboard.press('Enter');
    await page.getByText('Maison Kaori へようこそ').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ja');
    await page.context().close();
  });
});
