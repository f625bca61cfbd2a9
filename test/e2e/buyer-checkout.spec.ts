import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { shippingWarehouse } from '../../main/hub/orders/stock-allocation.ts';
import { HUB_DATABASE_FILE } from '../../main/hub/start.ts';
import { hubDb, openStore } from '../../main/store/database.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { insertSharedSelection } from '../support/shared-selection.ts';
import { expectAccessible } from './share-pages.ts';

/**
 * A buyer on a phone completes a prepayment checkout from a share link: the ship-to
 * address, the brand's shipping rate for its country, "Pay outside the app", and the
 * confirmation with the order's number. A checkout asking more than is in stock is
 * refused at the size, with nothing ordered.
 */

let dir = '';
let hub: HubProcess;
/** Share links: to two units of a SKU with stock, and to five of a SKU with three left. */
const links = { stocked: '', short: '' };
let shortSize = '';
let country = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-e2e-checkout-'));
  const store = await openStore(join(dir, HUB_DATABASE_FILE), 'hub');
  await seedDemoBrand(store.db, { styles: 20, seed: 7, catalogDatesFrom: new Date() });
  const db = hubDb(store.db);
  await db.updateTable('brand_settings').set({ prepayment_checkout: 1 }).execute();
  const buyer = await db
    .selectFrom('buyers as b')
    .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
    .select('b.id')
    .where('p.currency', '=', 'EUR')
    .where('b.language', '=', 'en')
    .orderBy('b.id')
    .executeTakeFirstOrThrow();
  // A buyer without a discount: their page has no 0 % line.
  await db.updateTable('buyers').set({ discount_bp: 0 }).where('id', '=', buyer.id).execute();
  const warehouseId = (await shippingWarehouse(store.db, buyer.id))!;
  const skus = await db
    .selectFrom('skus')
    .innerJoin('products as style', 'style.id', 'skus.product_id')
    .select(['skus.id', 'skus.size'])
    .where('style.style_number', 'like', 'SS27-%')
    .orderBy('skus.id')
    .limit(2)
    .execute();
  for (const [sku, units] of [
    [skus[0]!, 50],
    [skus[1]!, 3],
  ] as const) {
    await db
      .insertInto('stock')
      .values({ warehouse_id: warehouseId, sku_id: sku.id, quantity: units })
      .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doUpdateSet({ quantity: units }))
      .execute();
  }
  shortSize = skus[1]!.size;
  const standard = await db
    .selectFrom('shipping_rate_groups')
    .select('rates')
    .where('name', '=', 'Standard')
    .executeTakeFirstOrThrow();
  country = (JSON.parse(standard.rates) as { country: string; currency: string }[]).find(
    (rate) => rate.currency === 'EUR',
  )!.country;
  links.stocked = await insertSharedSelection(store.db, {
    buyerId: buyer.id,
    skuIds: [skus[0]!.id],
    name: 'Spring at the booth',
    quantity: 2,
  });
  links.short = await insertSharedSelection(store.db, {
    buyerId: buyer.id,
    skuIds: [skus[1]!.id],
    name: 'More than there is',
    quantity: 5,
  });
  await store.close();
  hub = await spawnHub(dir);
});

test.afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function phonePage(browser: Browser): Promise<Page> {
  const phone = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  return phone.newPage();
}

test('a buyer on a phone completes a prepayment checkout with an address and a shipping rate', async ({
  browser,
}, testInfo) => {
  const buyer = await phonePage(browser);
  await buyer.goto(`${hub.url}/s/${links.stocked}`);
  await expect(buyer.getByRole('heading', { name: 'Spring at the booth' })).toBeVisible();
  const form = buyer.getByRole('form', { name: 'Order this selection' });
  await expect(form.getByRole('group', { name: 'Ship to' })).toBeVisible();
  await expect(form.getByText('Choose the country to see the shipping rates.')).toBeVisible();
  await expect(form.getByRole('radio', { name: 'Pay outside the app' })).toBeChecked();
  await expect(buyer.getByText(/^Discount/)).toHaveCount(0);
  await form.scrollIntoViewIfNeeded();
  await buyer.screenshot({ path: testInfo.outputPath('phone-checkout-empty.png'), fullPage: true });

  // Completing with nothing typed: each missing thing is said at its field.
  await form.getByRole('button', { name: 'Complete checkout' }).click();
  await expect(form.getByText('Type your name.')).toBeVisible();
  await expect(form.getByRole('combobox', { name: 'Country' })).toHaveAccessibleDescription(
    'Choose a country.',
  );
  await expect(form.getByRole('textbox', { name: 'City' })).toHaveAccessibleDescription(
    'Fill this in.',
  );
  // A country the brand does not ship to in the order's currency says so.
  await form.getByRole('combobox', { name: 'Country' }).selectOption('JP');
  await expect(form.getByText('We do not ship to Japan in EUR.', { exact: false })).toBeVisible();
  await form.getByRole('textbox', { name: 'PO number (optional)' }).fill('P'.repeat(80));
  await form.getByRole('button', { name: 'Complete checkout' }).click();
  await expect(
    form.getByRole('textbox', { name: 'PO number (optional)' }),
  ).toHaveAccessibleDescription('Shorten this to 64 characters or fewer.');
  await buyer.screenshot({
    path: testInfo.outputPath('phone-checkout-errors.png'),
    fullPage: true,
  });
  await expectAccessible(buyer);

  // Filled in: the rate for the country, its charge in the total.
  await form.getByRole('textbox', { name: 'Your name' }).fill('Ines Duarte');
  await form.getByRole('textbox', { name: 'Email' }).fill('ines@boutique.example');
  await form.getByRole('textbox', { name: 'Name or company' }).fill('Harper & Vine');
  await form.getByRole('textbox', { name: 'Address line 1' }).fill('Torstraße 1');
  await form.getByRole('textbox', { name: 'City' }).fill('Berlin');
  await form.getByRole('combobox', { name: 'Country' }).selectOption(country);
  await expect(form.getByRole('radio', { name: /^Standard · / })).toBeChecked();
  await expect(form.getByLabel('What the order comes to')).toContainText('Shipping');
  await form.getByRole('textbox', { name: 'PO number (optional)' }).fill('PO-7781');
  await form.getByRole('button', { name: 'Complete checkout' }).click();

  const done = buyer.getByRole('heading', { name: 'Order placed' });
  await expect(done).toBeFocused();
  await expect(buyer.getByText(/Order number\s*SO-\d{4}-\d{5}/)).toBeVisible();
  await expect(buyer.getByRole('status')).toContainText('Shipping (Standard)');
  await buyer.screenshot({
    path: testInfo.outputPath('phone-checkout-confirmation.png'),
    fullPage: true,
  });
  await expectAccessible(buyer);
});

test('a checkout over availability is refused at the size, nothing ordered', async ({
  browser,
}, testInfo) => {
  const buyer = await phonePage(browser);
  await buyer.goto(`${hub.url}/s/${links.short}`);
  await expect(buyer.getByRole('heading', { name: 'More than there is' })).toBeVisible();
  const form = buyer.getByRole('form', { name: 'Order this selection' });
  await form.getByRole('textbox', { name: 'Your name' }).fill('Ines Duarte');
  await form.getByRole('textbox', { name: 'Email' }).fill('ines@boutique.example');
  await form.getByRole('textbox', { name: 'Name or company' }).fill('Harper & Vine');
  await form.getByRole('textbox', { name: 'Address line 1' }).fill('Torstraße 1');
  await form.getByRole('textbox', { name: 'City' }).fill('Berlin');
  await form.getByRole('combobox', { name: 'Country' }).selectOption(country);
  await expect(form.getByRole('radio', { name: /^Standard · / })).toBeChecked();
  await form.getByRole('button', { name: 'Complete checkout' }).click();
  const sizes = buyer.getByRole('table', { name: 'Quantities per size' });
  await expect(sizes.getByRole('cell')).toContainText(`Only 3 left in ${shortSize}`);
  await expect(form).toContainText('Nothing was ordered');
  await sizes.scrollIntoViewIfNeeded();
  await buyer.screenshot({ path: testInfo.outputPath('phone-checkout-short.png') });
});
