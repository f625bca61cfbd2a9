import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { keepPushingChanges } from '../support/other-device.ts';
import { freePort, startHubProcess, stopProcess, type HubProcess } from './hub-process.ts';
import { newSelectionWithTwoUnits } from './share-pages.ts';
import { signInAsDemo, startBrowserShell, type BrowserShell } from './shell.ts';

/**
 * The showroom never goes blank: Selections and a selection open right after the app
 * starts, however busy the machine or the sync, and a view that fails anyway says so in
 * its place while the header and the other views go on working.
 */
const SELECTION = 'Never blank';
const REP = 'jonas@nordlys-atelier.example';

let hubDir: string;
let dataDir: string;
let port: number;
let hub: HubProcess;
let shell: BrowserShell;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  hubDir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-hub-'));
  dataDir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-'));
  port = await freePort();
  hub = await startHubProcess(hubDir, port);
  shell = await startBrowserShell({ dataDir, hubUrl: `http://127.0.0.1:${port}` });
  const page = await browser.newPage();
  await page.goto(shell.url);
  await signInAsDemo(page, 'Jonas Berg');
  await newSelectionWithTwoUnits(page, SELECTION);
  await page.close();
});

test.afterAll(async () => {
  await shell.stop();
  await stopProcess(hub);
  rmSync(hubDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** Page errors and errors written to the console, as they happen. */
function errorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

/** Loads the showroom and, as soon as it lets us, opens Selections. */
async function startAndOpenSelections(page: Page) {
  await page.goto(shell.url);
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Selections' })
    .click();
}

/** Opens the selection from the list: its name heads the page, and nothing went wrong. */
async function openTheSelection(page: Page, errors: string[], which: string) {
  await page
    .getByRole('list', { name: 'Selections' })
    .getByRole('button', { name: new RegExp(SELECTION) })
    .click();
  await expect(page.getByRole('heading', { name: SELECTION, level: 2 })).toBeVisible();
  expect(errors, which).toEqual([]);
}

async function openRightAfterStart(page: Page, errors: string[], which: string) {
  await startAndOpenSelections(page);
  await openTheSelection(page, errors, which);
}

test('Selections and a selection open right after start, also after the hub or the app restarts', async ({
  page,
}) => {
  const errors = errorsOf(page);
  // First while the main side has not answered for the list yet, as when it is busy
  // applying a large sync: Selections says so, then shows the list when it comes.
  let answer = () => {};
  const answering = new Promise<void>((resolve) => (answer = resolve));
  await page.route('**/rpc/selections.list', async (route) => {
    await answering;
    await route.continue();
  });
  await startAndOpenSelections(page);
  await expect(page.getByText('Loading…')).toBeVisible();
  answer();
  await page.unrouteAll({ behavior: 'wait' });
  await openTheSelection(page, errors, 'open 1, the list on its way');

  for (let open = 2; open <= 5; open++) await openRightAfterStart(page, errors, `open ${open}`);

  await stopProcess(hub);
  hub = await startHubProcess(hubDir, port);
  for (let open = 6; open <= 7; open++) await openRightAfterStart(page, errors, `open ${open}`);

  // Away from the showroom first: its polls would find nobody at the old address.
  await page.goto('about:blank');
  await shell.stop();
  shell = await startBrowserShell({ dataDir, hubUrl: `http://127.0.0.1:${port}` });
  await openRightAfterStart(page, errors, 'open 8, on a fresh start');
});

test('Selections and a selection open right after start on a four times slower processor', async ({
  page,
}) => {
  const errors = errorsOf(page);
  const devTools = await page.context().newCDPSession(page);
  await devTools.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  for (let open = 1; open <= 6; open++) await openRightAfterStart(page, errors, `open ${open}`);
});

test('Selections and a selection open right after start while another device pushes changes', async ({
  page,
}) => {
  const errors = errorsOf(page);
  const other = await keepPushingChanges(`http://127.0.0.1:${port}`, REP);
  try {
    for (let open = 1; open <= 6; open++) {
      const before = other.pushed();
      await openRightAfterStart(page, errors, `open ${open}`);
      // The next open starts only once another change has reached the hub meanwhile.
      await expect.poll(() => other.pushed()).toBeGreaterThan(before);
    }
  } finally {
    await other.stop();
  }
});

/**
 * Gives the pricelist the selection is priced on another currency, in the desktop's
 * replica; answers the one it had.
 */
function swapCurrency(currency: string): string {
  const db = new BetterSqlite3(join(dataDir, 'showroom.sqlite'));
  try {
    const pricelist = db
      .prepare(
        `select p.id, p.currency from selections s join buyers b on b.id = s.buyer_id
         join pricelists p on p.id = b.pricelist_id where s.name = ?`,
      )
      .get(SELECTION) as { id: string; currency: string };
    db.prepare('update pricelists set currency = ? where id = ?').run(currency, pricelist.id);
    return pricelist.currency;
  } finally {
    db.close();
  }
}

test('a view that fails says so in its place, keeps the header and the other views, reloads, and tells the log', async ({
  page,
  browser,
}, testInfo) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const sections = page.getByRole('navigation', { name: 'Sections' });
  // Data the list cannot draw: no number format knows this currency, so formatting the
  // selection's total throws while Selections renders.
  const currency = swapCurrency('EURO');
  try {
    await page.goto(shell.url);
    await sections.getByRole('button', { name: 'Selections' }).click();
    const failure = page.getByRole('alert');
    await expect(
      failure.getByRole('heading', { name: 'Selections could not be shown' }),
    ).toBeVisible();
    await expect(failure).toContainText(
      'Something went wrong while showing it. The rest of Trunkshow still works.',
    );
    await page.screenshot({ path: testInfo.outputPath('view-failed-en.png') });
    await expect
      .poll(() => shell.output())
      .toContain("The showroom's view:selections failed: Invalid currency code");

    await sections.getByRole('button', { name: 'Buyers' }).click();
    await expect(
      page.getByRole('list', { name: 'Buyers' }).getByRole('listitem').first(),
    ).toBeVisible();
    await sections.getByRole('button', { name: 'Selections' }).click();
    await expect(failure.getByRole('button', { name: 'Reload this view' })).toBeVisible();

    const japanese = await browser.newContext({
      locale: 'ja-JP',
      viewport: { width: 1280, height: 800 },
    });
    const ja = await japanese.newPage();
    await ja.goto(shell.url);
    await ja.getByRole('navigation').getByRole('button', { name: 'セレクション' }).click();
    await expect(
      ja
        .getByRole('alert')
        .getByRole('heading', { name: '「セレクション」を表示できませんでした' }),
    ).toBeVisible();
    await expect(ja.getByRole('alert')).toContainText(
      '表示中に問題が発生しました。ほかの画面はそのまま使えます。',
    );
    await expect(ja.getByRole('button', { name: 'この画面を再読み込み' })).toBeVisible();
    await ja.screenshot({ path: testInfo.outputPath('view-failed-ja.png') });
    await japanese.close();
  } finally {
    swapCurrency(currency);
  }

  await page.getByRole('button', { name: 'Reload this view' }).click();
  await page
    .getByRole('list', { name: 'Selections' })
    .getByRole('button', { name: new RegExp(SELECTION) })
    .click();
  await expect(page.getByRole('heading', { name: SELECTION, level: 2 })).toBeVisible();
  // React also writes the caught error to the console; nothing escaped to the page.
  expect(pageErrors).toEqual([]);
});
