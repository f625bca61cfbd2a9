import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { HUB_DATABASE_FILE } from '../../main/hub/start.ts';
import { openStore } from '../../main/store/database.ts';
import { takeCardsThroughStandIn } from '../support/card-payments.ts';
import { setStock } from '../support/dtc.ts';
import { readHubStore, spawnHub, type HubProcess } from '../support/hub-process.ts';
import type { StripeStandIn } from '../support/stripe-stand-in.ts';
import { signInAsDemo, startBrowserShell, styleNumbersOf, type BrowserShell } from './shell.ts';

/**
 * A one-time DTC checkout link from the showroom to three phones, as the spec walks it,
 * on one running hub that takes cards through the local Stripe stand-in: an operator
 * creates a customer and a selection with a special price, saves it, and at Checkout
 * makes a Link with the quantities locked and shipping and tax ignored; a phone claims
 * it and pays by card; a second phone, which opened the link before that purchase, buys
 * its own copy; a third, opened after, finds the basket empty and is told the link was
 * used. The showroom then shows the link purchased and the selection deleted by the
 * order, with the two orders under Direct to consumer.
 */

const PHONE = { width: 375, height: 800 };
const stamp = Date.now().toString(36);
let dir = '';
let hub: HubProcess;
let stripe: StripeStandIn;
let shell: BrowserShell;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-dtc-links-'));
  const store = await openStore(join(dir, HUB_DATABASE_FILE), 'hub');
  await seedDemoBrand(store.db, { styles: 40, seed: 11, catalogDatesFrom: new Date() });
  stripe = await takeCardsThroughStandIn(store.db, dir, () => hub.url);
  await store.close();
  hub = await spawnHub(dir, ['--stripe-api', stripe.url]);
  shell = await startBrowserShell({ hubUrl: hub.url });
});

test.afterAll(async () => {
  await shell?.stop();
  await hub?.stop();
  await stripe?.close();
  rmSync(dir, { recursive: true, force: true });
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

async function openOnPhone(browser: Browser, address: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await page.goto(address);
  return page;
}

/** The customer's details and a Tokyo address (the Japan market ships to Japan only). */
async function fillDetails(page: Page, name: string) {
  await page.getByLabel('Your name').fill(name);
  await page
    .getByLabel('Email', { exact: true })
    .fill(`${name.split(' ')[0]!.toLowerCase()}.${stamp}@example.jp`);
  await page.getByRole('textbox', { name: 'Name or company' }).fill(name);
  await page.getByRole('textbox', { name: 'Address line 1' }).fill('1-1 Marunouchi');
  await page.getByRole('textbox', { name: /^Postal code/ }).fill('100-0005');
  await page.getByRole('textbox', { name: 'City' }).fill('Tokyo');
  await page.getByRole('combobox', { name: 'Country' }).selectOption('JP');
}

test('a locked checkout link made in the showroom is bought by card, by a copy claimed before, and found used after', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await desk.goto(shell.url);
  await signInAsDemo(desk, 'Maja Lindqvist');
  const [styleNumber] = await styleNumbersOf(desk, 1);

  // The operator: Direct to consumer › Orders › Create selection, for a new customer.
  await desk
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Direct to consumer' })
    .click();
  const section = desk.getByRole('region', { name: 'Direct to consumer' });
  await section.getByRole('button', { name: 'Create selection' }).click();
  const create = desk.getByRole('dialog', { name: 'Create selection' });
  await create.getByRole('radio', { name: 'A new customer' }).check();
  await create.getByLabel('First name').fill('Aiko');
  await create.getByLabel('Last name').fill(`Tanaka ${stamp}`);
  await create.getByLabel('Email').fill(`aiko.${stamp}@example.jp`);
  await create.getByLabel('Market', { exact: true }).selectOption({ label: 'Japan (JPY)' });
  await create.getByRole('button', { name: 'Create selection' }).click();
  await expect(create).toBeHidden();

  // One unit of the first size, at a special price; Save keeps it.
  const selectionName = `For Aiko Tanaka ${stamp}`;
  const editor = section.getByRole('article', { name: selectionName });
  const quickEntry = editor.getByRole('combobox', { name: 'Add by style number or barcode' });
  await quickEntry.fill(styleNumber!);
  await quickEntry.press('Enter');
  const run = editor.getByRole('form', { name: new RegExp(`Quantities for ${styleNumber}`) });
  await run.getByRole('textbox').and(run.locator(':enabled')).first().fill('1');
  await run.press('Enter');
  const lines = editor.getByRole('table', { name: 'Products in this selection' });
  await lines.getByRole('textbox', { name: /^Special price of/ }).fill('9000');
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  // Checkout › Link: quantities locked, shipping and tax ignored.
  await editor.getByRole('button', { name: 'Checkout' }).click();
  const checkout = section.getByRole('article', { name: /^Checkout:/ });
  await checkout.getByRole('button', { name: 'Link', exact: true }).click();
  const popup = desk.getByRole('dialog', { name: 'Link' });
  await expect(popup.getByRole('radio', { name: /^Lock the saved quantities/ })).toBeChecked();
  await popup.getByRole('checkbox', { name: 'Ignore shipping' }).check();
  await popup.getByRole('checkbox', { name: 'Ignore tax' }).check();
  await popup.getByRole('button', { name: 'Create link' }).click();
  const made = desk.getByRole('dialog', { name: 'Link made' });
  const address = await made.getByRole('textbox').inputValue();
  expect(address.startsWith(`${hub.url}/dtc/`)).toBe(true);
  await made.getByRole('button', { name: 'Done' }).click();
  const links = checkout.getByRole('region', { name: 'Links of this selection' });
  await expect(links.getByRole('listitem', { name: 'Live' })).toBeVisible({ timeout: 20_000 });

  // The warehouse the Japan market ships from holds enough for two customers.
  const { skuId, warehouseId } = await readHubStore(dir, async (db) => {
    const line = await db
      .selectFrom('dtc_selection_lines as l')
      .innerJoin('dtc_selections as s', 's.id', 'l.selection_id')
      .innerJoin('markets as m', 'm.id', 's.market_id')
      .select(['l.sku_id as skuId', 'm.warehouse_id as warehouseId'])
      .where('s.name', '=', selectionName)
      .executeTakeFirstOrThrow();
    return line;
  });
  const store = await openStore(join(dir, HUB_DATABASE_FILE), 'hub');
  await setStock(store.db, warehouseId!, [skuId], 5);
  await store.close();

  // The first phone opens the link: its own copy, the special price, no tax or shipping.
  const first = await openOnPhone(browser, address);
  await expect(first.getByRole('heading', { name: 'Your basket', level: 1 })).toBeVisible();
  await expect(first.getByRole('listitem').first()).toContainText('Special price');
  await expect(first.getByText(/^Tax/)).toHaveCount(0);
  // A second phone opens it before anyone has bought: a copy of its own.
  const second = await openOnPhone(browser, address);
  await expect(second.getByRole('heading', { name: 'Your basket', level: 1 })).toBeVisible();

  await fillDetails(first, 'Kenji Sato');
  await first.getByRole('radio', { name: 'Stripe Credit Card Payment' }).check();
  await shot(first, 'dtc-link-phone-checkout');
  await first.getByRole('button', { name: 'Pay by card' }).click();
  await expect(first.getByRole('heading', { name: /^Pay / })).toBeVisible();
  await first.getByRole('button', { name: 'Pay' }).click();
  await expect(
    first.getByRole('status').filter({ hasText: 'your card payment is done' }),
  ).toBeVisible();
  await expect(first.getByText(/^Order number SO-/)).toBeVisible();
  await shot(first, 'dtc-link-phone-paid');

  await fillDetails(second, 'Yui Mori');
  await second.getByRole('button', { name: 'Place order' }).click();
  await expect(second.getByRole('heading', { name: 'Thank you for your order' })).toBeVisible();

  const third = await openOnPhone(browser, address);
  await expect(third.getByRole('heading', { name: 'This link was used' })).toBeVisible();
  await expect(third.getByText(/your basket is empty/)).toBeVisible();
  await shot(third, 'dtc-link-phone-used');

  // The hub: two orders through the link, the card one paid, the link dead with the first.
  const bought = await readHubStore(dir, async (db) => ({
    orders: await db
      .selectFrom('orders')
      .innerJoin('dtc_links as l', 'l.id', 'orders.dtc_link_id')
      .innerJoin('dtc_selections as s', 's.id', 'l.selection_id')
      .select(['orders.contact_name', 'orders.payment_status', 'orders.tax_minor'])
      .where('s.name', '=', selectionName)
      .orderBy('orders.contact_name')
      .execute(),
    link: await db
      .selectFrom('dtc_links as l')
      .innerJoin('dtc_selections as s', 's.id', 'l.selection_id')
      .select(['l.claim_count', 's.deleted_at'])
      .where('s.name', '=', selectionName)
      .executeTakeFirstOrThrow(),
  }));
  expect(bought.orders).toEqual([
    { contact_name: 'Kenji Sato', payment_status: 'paid', tax_minor: 0 },
    { contact_name: 'Yui Mori', payment_status: 'none', tax_minor: 0 },
  ]);
  expect(bought.link.claim_count).toBe(2);
  expect(bought.link.deleted_at).not.toBeNull();

  // The showroom learns it on its next pull: the link purchased, both orders listed.
  await expect(links.getByRole('listitem', { name: 'Purchased' })).toBeVisible({
    timeout: 30_000,
  });
  await shot(desk, 'dtc-link-desk-purchased');
  await section.getByRole('tab', { name: 'Orders' }).click();
  const orders = section.getByRole('table', { name: 'Orders through checkout links' });
  await expect(orders.getByRole('row').filter({ hasText: `Aiko Tanaka ${stamp}` })).toHaveCount(2);
  // Who bought is each order's own; the card one is paid.
  const paidRow = orders.getByRole('row').filter({ hasText: 'Kenji Sato' });
  await expect(paidRow.getByText('Paid', { exact: true })).toBeVisible();
  await shot(desk, 'dtc-link-desk-orders');
  // An order opens as every order does: its lines, address, payment and history.
  await paidRow.getByRole('button', { name: /^SO-/ }).click();
  const detail = section.getByRole('article', { name: /^Order SO-/ });
  // It is the selection's customer's order, as the list says; who bought is its contact.
  await expect(detail.locator('dt:text-is("Customer") + dd')).toHaveText(`Aiko Tanaka ${stamp}`);
  await expect(detail.locator('dt:text-is("Contact") + dd')).toContainText('Kenji Sato');
  await expect(detail.getByText('Stripe Credit Card Payment')).toBeVisible();
  await expect(detail.getByText(/^Paid on /)).toBeVisible();
  await expect(detail.getByText('1-1 Marunouchi')).toBeVisible();
  await shot(desk, 'dtc-link-desk-order');
  await detail.getByRole('button', { name: /^← / }).click();
  await expect(orders).toBeVisible();
  for (const page of [first, second, third]) await page.context().close();
});
