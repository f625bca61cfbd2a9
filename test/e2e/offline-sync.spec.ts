import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { createHubClient } from '../../main/sync/hub-client.ts';
import { freePort, startHubProcess, stopProcess, type HubProcess } from './hub-process.ts';
import { signInAsDemo, startBrowserShell, type BrowserShell } from './shell.ts';
import {
  generateLink,
  newSelectionWithTwoUnits,
  openShareModal,
  visitUntil,
} from './share-pages.ts';

/**
 * A rep at a trade show: the desktop follows a standalone hub, the hub goes away, the
 * rep keeps working, and when the hub is back the changes reach it by themselves.
 */
let hubDir: string;
let port: number;
let hub: HubProcess | null = null;
let shell: BrowserShell;

test.beforeAll(async () => {
  hubDir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-hub-'));
  port = await freePort();
  hub = await startHubProcess(hubDir, port);
  shell = await startBrowserShell({ hubUrl: `http://127.0.0.1:${port}` });
});

/** One change made on the admin's computer at the brand's office, straight to the hub. */
async function pushFromTheOffice(name: string, args: unknown) {
  const admin = createHubClient(`http://127.0.0.1:${port}`);
  const device = await admin.signIn({
    email: 'maja@nordlys-atelier.example',
    password: 'nordlys-showroom',
    deviceName: 'Brand office',
  });
  const pushed = await admin.push(device.token, {
    clientId: device.deviceId,
    mutations: [{ seq: 1, name, args, at: new Date().toISOString() }],
  });
  return pushed.results[0];
}

test.afterAll(async () => {
  await shell.stop();
  if (hub) await stopProcess(hub);
  rmSync(hubDir, { recursive: true, force: true });
});

test('changes made while the hub is down wait, then sync by themselves when it is back', async ({
  page,
}) => {
  await page.goto(shell.url);
  await expect(page.getByRole('radio', { name: 'Another hub' })).toBeChecked();
  await expect(page.getByRole('heading', { name: 'Sign in to Nordlys Atelier' })).toBeVisible();
  await signInAsDemo(page, 'Jonas Berg');
  await expect(page.getByRole('article').first()).toBeVisible();

  await stopProcess(hub!);
  hub = null;
  const status = page.getByRole('button', { name: /^Sync status/ });
  await expect(status).toHaveAccessibleName(/^Sync status: Offline/, { timeout: 20_000 });
  // The sync's details say what went wrong in the showroom's words, not the hub client's.
  await status.click();
  await expect(
    page.getByText('The hub could not be reached. Changes wait on this computer until it can.', {
      exact: true,
    }),
  ).toBeVisible();
  await page.keyboard.press('Escape');

  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Buyers' })
    .click();
  await page.getByRole('button', { name: 'New buyer' }).click();
  const dialog = page.getByRole('dialog', { name: 'New buyer' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Galerie Hors Ligne');
  await dialog.getByRole('radio', { name: 'Offline buyer' }).check();
  await dialog.getByRole('textbox', { name: 'Country' }).fill('fr');
  // A rep gives no discount: an admin does.
  await expect(dialog.getByRole('textbox', { name: 'Discount (%)' })).toHaveCount(0);
  await expect(dialog).toContainText('An admin gives discounts');
  await dialog.getByRole('button', { name: 'Create buyer' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('searchbox', { name: 'Search buyers' }).fill('Galerie Hors');

  const row = page
    .getByRole('list', { name: 'Buyers' })
    .getByRole('listitem')
    .filter({ hasText: 'Galerie Hors Ligne' });
  await expect(row).toContainText('Waiting to sync');
  await expect(status).toHaveAccessibleName(/1 waiting to sync/);
  await page.screenshot({ path: 'test-results/offline-buyer-waiting.png' });

  hub = await startHubProcess(hubDir, port);
  await expect(status).toHaveAccessibleName(/^Sync status: Online/, { timeout: 30_000 });
  await expect(status).not.toHaveAccessibleName(/waiting to sync/);
  await expect(row).not.toContainText('Waiting to sync');

  const db = new BetterSqlite3(join(hubDir, 'hub.sqlite'), { readonly: true });
  let buyer: { id: string; pricelist_id: string; country_code: string; discount_bp: number };
  try {
    buyer = db
      .prepare('select id, pricelist_id, country_code, discount_bp from buyers where name = ?')
      .get('Galerie Hors Ligne') as typeof buyer;
  } finally {
    db.close();
  }
  expect(buyer).toMatchObject({ country_code: 'FR', discount_bp: 0 });

  // At the office, the admin gives the new buyer 7.5 % off; the rep's list shows it.
  expect(
    await pushFromTheOffice('buyer.updateTerms.v1', {
      buyerId: buyer.id,
      terms: { pricelistId: buyer.pricelist_id, discountBp: 750, language: 'en' },
    }),
  ).toEqual({ seq: 1, status: 'applied' });
  await expect(row).toContainText('7.5 %', { timeout: 30_000 });
});

test('a change the hub refuses is shown where it was made, and can be corrected and sent again', async ({
  page,
}) => {
  const writeHub = (statement: string, ...params: string[]) => {
    const db = new BetterSqlite3(join(hubDir, 'hub.sqlite'));
    try {
      db.prepare(statement).run(...params);
    } finally {
      db.close();
    }
  };
  writeHub("insert into pricelists (id, name, currency) values ('pop-up', 'Pop-up CHF', 'CHF')");
  await page.goto(shell.url);
  const status = page.getByRole('button', { name: /^Sync status/ });
  await status.click();
  await page
    .getByRole('dialog', { name: 'Sync' })
    .getByRole('button', { name: 'Sync now' })
    .click();
  await page.keyboard.press('Escape');

  await stopProcess(hub!);
  hub = null;
  await expect(status).toHaveAccessibleName(/^Sync status: Offline/, { timeout: 20_000 });
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Buyers' })
    .click();
  await page.getByRole('button', { name: 'New buyer' }).click();
  const dialog = page.getByRole('dialog', { name: 'New buyer' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Boutique Éphémère');
  await dialog.getByRole('textbox', { name: 'Country' }).fill('CH');
  await dialog
    .getByRole('combobox', { name: 'Pricelist' })
    .selectOption({ label: 'Pop-up CHF (CHF)' });
  await dialog.getByRole('button', { name: 'Create buyer' }).click();
  await expect(dialog).toBeHidden();

  // Meanwhile, at the office, the pop-up pricelist is withdrawn.
  writeHub("delete from pricelists where id = 'pop-up'");
  hub = await startHubProcess(hubDir, port);

  const refusal = page.getByRole('alert').filter({ hasText: 'Create buyer “Boutique Éphémère”' });
  await expect(refusal).toContainText('The hub refused this change:', { timeout: 30_000 });
  await expect(refusal).toContainText('no longer exists');
  await expect(status).toHaveAccessibleName(/1 refused/);
  await page.screenshot({ path: 'test-results/refused-buyer.png' });

  await refusal.getByRole('button', { name: 'Edit and send again' }).click();
  const retry = page.getByRole('dialog', { name: 'New buyer' });
  await expect(retry.getByRole('textbox', { name: 'Name' })).toHaveValue('Boutique Éphémère');
  await retry
    .getByRole('combobox', { name: 'Pricelist' })
    .selectOption({ label: 'Europe EUR (EUR)' });
  await retry.getByRole('button', { name: 'Create buyer' }).click();
  await expect(refusal).toBeHidden();
  await expect(status).toHaveAccessibleName(/^Sync status: Online/, { timeout: 30_000 });
  await expect(status).not.toHaveAccessibleName(/refused|waiting/);
});

test('a selection is built, exported, duplicated and deleted with the hub unreachable, and reaches it later', async ({
  page,
}) => {
  const readHub = <Row>(statement: string, ...params: string[]): Row[] => {
    const db = new BetterSqlite3(join(hubDir, 'hub.sqlite'), { readonly: true });
    try {
      return db.prepare(statement).all(...params) as Row[];
    } finally {
      db.close();
    }
  };
  const [style] = readHub<{ style_number: string; barcode: string }>(
    `select p.style_number, s.barcode from products p join skus s on s.product_id = p.id
     order by p.style_number desc, s.position limit 1`,
  );
  await page.goto(shell.url);
  const status = page.getByRole('button', { name: /^Sync status/ });
  await expect(status).toHaveAccessibleName(/^Sync status: Online/, { timeout: 30_000 });
  await stopProcess(hub!);
  hub = null;
  await expect(status).toHaveAccessibleName(/^Sync status: Offline/, { timeout: 20_000 });

  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('button', { name: 'Selections' }).click();
  await page.getByRole('button', { name: 'New selection' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New selection' });
  await dialog.getByRole('searchbox', { name: 'Buyer' }).fill('Galerie Hors');
  await dialog.getByRole('button', { name: /Galerie Hors Ligne/ }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Booth order');
  await dialog.getByRole('button', { name: 'Create selection' }).click();
  await expect(page.getByRole('heading', { name: 'Booth order', level: 2 })).toBeVisible();

  await page.keyboard.type(style!.barcode);
  await page.keyboard.press('Enter');
  await page.keyboard.type(style!.barcode);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/now 2\./)).toBeVisible();
  await expect(page.getByLabel('Totals')).toContainText(/Units\s*2/);
  // Galerie Hors Ligne buys at 7.5 % off.
  await expect(page.getByLabel('Totals')).toContainText('Discount (7.5 %)');
  await expect(page.locator('article').getByText('Waiting to sync')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+E');
  expect((await download).suggestedFilename()).toMatch(/Booth order.*\.pdf$/);
  await page.keyboard.press('Control+D');
  await expect(page.getByRole('heading', { name: 'Copy of Booth order', level: 2 })).toBeVisible();
  await page.keyboard.press('Control+Backspace');
  await page
    .getByRole('dialog', { name: 'Delete “Copy of Booth order”?' })
    .getByRole('button', { name: 'Delete selection' })
    .click();
  await expect(page.getByRole('list', { name: 'Selections' })).not.toContainText('Copy of');
  await page.screenshot({ path: 'test-results/offline-selection.png' });
  expect(readHub('select id from selections')).toEqual([]);

  hub = await startHubProcess(hubDir, port);
  await expect(status).toHaveAccessibleName(/^Sync status: Online/, { timeout: 30_000 });
  await expect(status).not.toHaveAccessibleName(/waiting to sync/);
  await expect(page.locator('article').getByText('Waiting to sync')).toBeHidden();
  expect(
    readHub<{ name: string; quantity: number }>(
      `select s.name, l.quantity from selections s join selection_lines l on l.selection_id = s.id`,
    ),
  ).toEqual([{ name: 'Booth order', quantity: 2 }]);
});

test('a share link generated with the hub unreachable says it goes live on sync, and opens once it has', async ({
  page,
  browser,
}) => {
  // Another admin's device switches share links on at the hub.
  await pushFromTheOffice('brand.updateShareLinkSettings.v1', {
    enabled: true,
    expiryDays: 14,
    prepaymentCheckout: false,
  });

  await page.goto(shell.url);
  const status = page.getByRole('button', { name: /^Sync status/ });
  await expect(status).toHaveAccessibleName(/^Sync status: Online/, { timeout: 30_000 });
  await newSelectionWithTwoUnits(page, 'Shared from the stand');
  let modal = await openShareModal(page);
  await expect(modal).toContainText('It expires after 14 days.', { timeout: 20_000 });
  await modal.getByRole('button', { name: 'Close' }).last().click();

  await stopProcess(hub!);
  hub = null;
  await expect(status).toHaveAccessibleName(/^Sync status: Offline/, { timeout: 20_000 });
  modal = await openShareModal(page);
  const url = await generateLink(modal);
  await expect(modal).toContainText('Made on this computer: it goes live on the next sync');
  await expect(modal.getByRole('table')).toContainText('Waiting to sync');
  // A computer that refuses clipboard access: the address is selected for Ctrl+C instead.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error('Not allowed'));
  });
  await modal.getByRole('button', { name: 'Copy link' }).click();
  await expect(modal.getByRole('status').filter({ hasText: 'press Ctrl+C' })).toBeVisible();
  const selected = await modal
    .getByRole('textbox', { name: 'Link address' })
    .evaluate((input: HTMLInputElement) =>
      input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0),
    );
  expect(selected).toBe(url);
  await page.screenshot({ path: 'test-results/offline-share-link.png' });

  hub = await startHubProcess(hubDir, port);
  await expect(modal.getByRole('table')).toContainText('Live', { timeout: 30_000 });
  await expect(modal).not.toContainText('goes live on the next sync');
  const buyer = await (await browser.newContext()).newPage();
  await visitUntil(buyer, 'Shared from the stand', () => buyer.goto(url));
});
