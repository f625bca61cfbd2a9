import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../main/hub/start.ts';

/**
 * The real buyer app, built by Vite, served by the hub under its strict CSP and opened
 * in Chromium: nothing may be blocked, and the page must work by keyboard and at phone
 * width.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let dir: string;
let buyerAppDir: string;
let hub: RunningHub;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-buyer-'));
  buyerAppDir = join(dir, 'buyer');
  await build({
    configFile: fileURLToPath(new URL('../../vite.buyer.config.ts', import.meta.url)),
    logLevel: 'error',
    build: { outDir: buyerAppDir, emptyOutDir: true },
  });
  hub = await startHub({ dataDir: join(dir, 'data'), port: 0, buyerAppDir });
  await hub.store.db
    .insertInto('brand_settings')
    .values({
      id: 1,
      name: 'Maison Kaori',
      default_language: 'en',
      updated_at: new Date().toISOString(),
    })
    .execute();
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}`);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

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

  it('opens share-link addresses and fits a 375 px phone without sideways scrolling', async () => {
    const { page, problems } = await open('/s/someToken123', { width: 375 });
    // isVisible() does not wait; on a busy machine the page may still be rendering.
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      375,
    );
    expect(problems).toEqual([]);
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
