import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort, startHubProcess, stopProcess, type HubProcess } from './hub-process.ts';
import { signInAsDemo, startBrowserShell, type BrowserShell } from './shell.ts';

/**
 * A rep takes a buyer's order at the booth: availability per size while typing
 * quantities, the Place order dialog judged at each field, the order placed with the
 * hub stopped (a provisional number, waiting to sync), and its number from the hub once
 * it is back.
 */
let hubDir: string;
let port: number;
let hub: HubProcess | null = null;
let shell: BrowserShell;

test.beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-booth-'));
  port = await freePort();
  hub = await startHubProcess(hubDir, port);
  shell = await startBrowserShell({ hubUrl: `http://127.0.0.1:${port}` });
});

test.afterAll(async () => {
  await shell.stop();
  if (hub) await stopProcess(hub);
  rmSync(hubDir, { recursive: true, force: true });
});

test('a rep places a booth order with the hub stopped; it gets its number when the hub is back', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(shell.url);
  await signInAsDemo(page, 'Jonas Berg');
  await expect(page.getByRole('article').first()).toBeVisible();

  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Selections' })
    .click();
  await page.getByRole('button', { name: 'New selection' }).first().click();
  const create = page.getByRole('dialog', { name: 'New selection' });
  await create.getByRole('button').filter({ hasText: /·/ }).first().click();
  await create.getByRole('textbox', { name: 'Name' }).fill('Booth order');
  await create.getByRole('button', { name: 'Create selection' }).click();

  // The size run says, per size, what is left in the warehouse the buyer's market ships from.
  await page.getByRole('combobox', { name: 'Add by style number or barcode' }).fill('SS27-');
  await page.getByRole('listbox', { name: 'Matching styles' }).getByRole('option').first().click();
  const run = page.getByRole('form', { name: /^Quantities for / });
  await expect(run).toBeVisible();
  await expect(run).toContainText(/Available in \w+/);
  await expect(run.getByText(/^(\d[\d,]* left|None left)$/).first()).toBeVisible();
  await run.screenshot({ path: 'test-results/booth-size-run-availability.png' });
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Totals')).toContainText(/Units\s*2/);

  await page.getByRole('button', { name: 'Place order' }).click();
  const dialog = page.getByRole('dialog', { name: /^Place order for / });
  await expect(dialog.getByRole('table')).toContainText('×2');
  await expect(dialog.getByRole('combobox', { name: 'Shipping rate' })).toHaveValue(
    'demo-shipping-standard',
  );
  await dialog.screenshot({ path: 'test-results/booth-place-order-empty.png' });

  // Nothing is placed while a field is wrong; each says why where it is.
  const country = dialog.getByRole('combobox', { name: 'Country' });
  const buyersCountry = await country.inputValue();
  expect(buyersCountry).toMatch(/^[A-Z]{2}$/);
  await dialog.getByRole('textbox', { name: 'PO number (optional)' }).fill('P'.repeat(10_240));
  await country.selectOption('');
  await dialog.getByLabel('Ship start').fill('2027-05-01');
  await dialog.getByLabel('Cancel date').fill('2027-04-01');
  await dialog.getByRole('button', { name: 'Place order' }).click();
  await expect(dialog.getByText('Correct the marked fields; nothing was placed.')).toBeVisible();
  await expect(dialog.getByText('At most 64 characters.')).toBeVisible();
  await expect(dialog.getByText('Choose a country.')).toBeVisible();
  await expect(dialog.getByText('The cancel date is before the ship start.')).toBeVisible();
  await expect(dialog.getByText('Choose the ship-to country first.')).toBeVisible();
  await dialog.screenshot({ path: 'test-results/booth-place-order-errors.png' });
  await dialog.getByRole('textbox', { name: 'Approved by' }).scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: 'test-results/booth-place-order-errors-terms.png' });

  await stopProcess(hub!);
  hub = null;
  const status = page.getByRole('button', { name: /^Sync status/ });
  await expect(status).toHaveAccessibleName(/^Sync status: Offline/, { timeout: 20_000 });

  await dialog.getByRole('textbox', { name: 'PO number (optional)' }).fill('PO-2027-118');
  await country.selectOption(buyersCountry);
  await dialog.getByLabel('Cancel date').fill('2027-06-30');
  await dialog.getByRole('textbox', { name: 'Name or company' }).fill('Atlas & Vine');
  await dialog.getByRole('textbox', { name: 'Address line 1' }).fill('12 Market Street');
  await dialog.getByRole('textbox', { name: 'City' }).fill('Riverside');
  await dialog.getByRole('textbox', { name: 'Approved by' }).fill('Elsa Johansson');
  await dialog.getByRole('textbox', { name: 'Approved by' }).scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: 'test-results/booth-place-order-filled.png' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await dialog.screenshot({ path: 'test-results/booth-place-order-1024.png' });
  await page.setViewportSize({ width: 1280, height: 900 });

  await dialog.getByRole('button', { name: 'Place order' }).click();
  const placed = page.getByRole('dialog', { name: /^Order P-[A-Z0-9]{8}-\d+ placed$/ });
  await expect(placed).toContainText('Waiting to sync');
  await placed.screenshot({ path: 'test-results/booth-order-placed.png' });
  const name = await placed.getByRole('heading').first().textContent();
  const provisional = /P-[A-Z0-9]{8}-\d+/.exec(name ?? '')![0];
  await placed.getByRole('button', { name: 'Go to Orders' }).click();

  const row = page.getByRole('row').filter({ hasText: provisional });
  await expect(row).toContainText('Waiting to sync');
  await expect(row).toContainText('Booth');
  await page.screenshot({ path: 'test-results/booth-orders-waiting.png' });

  hub = await startHubProcess(hubDir, port);
  await expect(status).toHaveAccessibleName(/^Sync status: Online/, { timeout: 30_000 });
  const numbered = page.getByRole('row').filter({ hasText: /SO-\d{4}-\d{5}/ });
  await expect(numbered).toHaveCount(1, { timeout: 30_000 });
  await expect(numbered).not.toContainText('Waiting to sync');
  await expect(page.getByRole('row').filter({ hasText: provisional })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/booth-orders-numbered.png' });

  // The same showroom read in Japanese: the dialog and its field messages too.
  const context = await browser.newContext({
    locale: 'ja-JP',
    viewport: { width: 1024, height: 768 },
  });
  const japanese = await context.newPage();
  await japanese.goto(shell.url);
  await japanese
    .getByRole('navigation', { name: 'セクション' })
    .getByRole('button', { name: 'セレクション' })
    .click();
  await japanese.getByText('Booth order').first().click();
  await japanese.getByRole('button', { name: '注文する' }).click();
  const ja = japanese.getByRole('dialog', { name: /の注文$/ });
  await expect(ja.getByRole('combobox', { name: '配送料金' })).toBeEnabled();
  await ja.getByRole('combobox', { name: '配送先住所' }).selectOption('new');
  await ja.getByRole('combobox', { name: '国' }).selectOption('');
  await ja.getByRole('button', { name: '注文する' }).click();
  await expect(
    ja.getByText('印の付いた項目を修正してください。注文はされていません。'),
  ).toBeVisible();
  await expect(ja.getByText('先に配送先の国を選んでください。')).toBeVisible();
  await expect(ja.getByText(/Fill this in|Choose a country/)).toHaveCount(0);
  await context.close();
});
