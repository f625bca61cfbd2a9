import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { freePort, startHubProcess, stopProcess, type HubProcess } from './hub-process.ts';
import { startPullGate, type PullGate } from './pull-gate.ts';
import { signInAsDemo, startBrowserShell, type BrowserShell } from './shell.ts';

/**
 * A rep's first sign-in on a new computer: the brand downloads from a standalone hub,
 * page by page, through a gate that holds each page until the test has looked.
 */
let hubDir: string;
let hub: HubProcess;
let gate: PullGate;
let shell: BrowserShell;

test.beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-first-sync-'));
  const port = await freePort();
  hub = await startHubProcess(hubDir, port);
  gate = await startPullGate(port, 300);
  shell = await startBrowserShell({ hubUrl: gate.url });
});

test.afterAll(async () => {
  await shell.stop();
  await gate.close();
  await stopProcess(hub);
  rmSync(hubDir, { recursive: true, force: true });
});

/** How many styles and prices the desktop's replica holds so far. */
function arrived(): { styles: number; prices: number } {
  const db = new BetterSqlite3(join(shell.dataDir, 'showroom.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        'select (select count(*) from products) as styles, (select count(*) from prices) as prices',
      )
      .get() as { styles: number; prices: number };
  } finally {
    db.close();
  }
}

test('while a first sync runs, the catalog says it is arriving, how far, and no card claims a missing price', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(shell.url);
  await page.getByRole('button', { name: 'Use Jonas Berg' }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();

  // Signed in, and the first page of the brand not here yet.
  await gate.held();
  await expect(page.getByRole('searchbox', { name: 'Search styles' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('first-sync-nothing-yet.png') });
  await expect(page.getByText(/^Catalog arriving…/).first()).toBeVisible();
  await expect(page.getByText(/No styles yet/)).toHaveCount(0);

  // Page by page, until the styles are in and their prices still on the way.
  while (arrived().styles === 0) {
    gate.release();
    await gate.held();
  }
  expect(arrived().prices).toBe(0);
  const card = page.getByRole('article').first();
  await expect(card).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('first-sync-styles-in.png') });
  await expect(card).toContainText('Prices arriving…');
  await expect(page.getByText('No price on this pricelist')).toHaveCount(0);
  await expect(page.getByText(/^Catalog arriving… \d+%, [\d,]+ styles so far$/)).toBeVisible();

  // The same moment in Japanese.
  const japanese = await browser.newContext({
    locale: 'ja-JP',
    viewport: { width: 1280, height: 800 },
  });
  const ja = await japanese.newPage();
  await ja.goto(shell.url);
  await expect(ja.getByRole('article').first()).toContainText('価格を受信中…');
  await expect(ja.getByText(/^カタログを受信中…/)).toBeVisible();
  await ja.screenshot({ path: testInfo.outputPath('first-sync-styles-in-ja.png') });
  await japanese.close();

  // Once everything is in, the count and the prices are the brand's.
  gate.open();
  await expect(page.getByRole('button', { name: /^Sync status: Online/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/^\d+ styles$/)).toBeVisible();
  await expect(card).toContainText(/WHS\s*€\d/);
  await expect(page.getByText(/Catalog arriving/)).toHaveCount(0);
});

test('a rep is offered no catalog import, which only admins may do', async ({ page }, testInfo) => {
  gate.open();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(shell.url);
  // Signed in by the test before, or not when this one runs alone.
  const signIn = page.getByRole('button', { name: 'Use Jonas Berg' });
  await expect(signIn.or(page.getByRole('article').first())).toBeVisible();
  if (await signIn.isVisible()) await signInAsDemo(page, 'Jonas Berg');
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Pricelist' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Import CSV/ })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('rep-catalog.png') });
});
