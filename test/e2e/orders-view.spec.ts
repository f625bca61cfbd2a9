import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { readAvailability } from '../../main/hub/orders/stock-allocation.ts';
import { openStore, replicaDb } from '../../main/store/database.ts';
import { placeHubOrder, type HubOrder } from '../support/orders.ts';
import { expect, test } from './shell.ts';

const JONAS = 'jonas@nordlys-atelier.example';
const AIKO = 'aiko@nordlys-atelier.example';

/** As a person types a number: lower case, without the zeros. */
const typed = (number: string) => number.toLowerCase().replace(/-0+(\d)/, '-$1');

test('the Orders view filters, searches, opens an order, confirms and cancels it with a reason, and exports CSV', async ({
  page,
  shell,
  browser,
}, testInfo) => {
  // Booth orders placed at the built-in hub, two of Jonas's buyers' and one of Aiko's.
  const hubFile = join(shell.dataDir, 'hub', 'hub.sqlite');
  const hub = await openStore(hubFile, 'hub');
  let first: HubOrder;
  let aikos: HubOrder;
  let third: HubOrder;
  try {
    first = await placeHubOrder(hub.db, {
      ownerEmail: JONAS,
      quantity: 4,
      onHand: 10,
      po: 'PO-7781',
      sizeRun: true,
      shipTo: {
        name: 'Sable Goods',
        line1: '12 Redchurch Street',
        line2: '',
        postalCode: 'E2 7DJ',
        city: 'London',
        region: '',
        country: 'GB',
        phone: '',
      },
    });
    aikos = await placeHubOrder(hub.db, {
      ownerEmail: AIKO,
      quantity: 2,
      onHand: 10,
      skip: 1,
      po: 'PO-5120',
    });
    third = await placeHubOrder(hub.db, { ownerEmail: JONAS, quantity: 3, onHand: 10, skip: 2 });
  } finally {
    await hub.close();
  }

  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(shell.url);
  await page.getByRole('button', { name: /^Sync status/ }).click();
  await page
    .getByRole('dialog', { name: 'Sync' })
    .getByRole('button', { name: 'Sync now' })
    .click();
  await page.keyboard.press('Escape');
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: 'Orders' })
    .click();

  const list = page.getByRole('table', { name: 'Orders' });
  const rows = list.getByRole('row');
  await expect(rows.filter({ hasText: first.number! })).toBeVisible({ timeout: 20_000 });
  await expect(rows.filter({ hasText: aikos.number! })).toContainText('Aiko Tanaka');
  await page.screenshot({ path: testInfo.outputPath('orders-list.png') });

  // By rep: Aiko's buyer's order alone.
  const filters = page.getByRole('search', { name: 'Filter orders' });
  await filters.getByRole('combobox', { name: 'Rep' }).selectOption({ label: 'Aiko Tanaka' });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(aikos.number!);
  await expect(rows.nth(1)).toContainText('PO: PO-5120');
  await filters.getByRole('button', { name: 'Clear filters' }).click();

  // A number as typed, and the start of a PO.
  const search = filters.getByRole('searchbox', { name: 'Search' });
  await search.fill(typed(first.number!));
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(first.number!);
  await search.fill('po-51');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(aikos.number!);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Confirmed' });
  await expect(page.getByText('No orders match these filters.')).toBeVisible();
  // Orders placed at the booth and still "Order": these three (the shell is shared with
  // other files, whose orders came through links).
  await filters.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Order' });
  await filters.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Booth' });
  await expect(rows).toHaveCount(4);

  // The order whole: its size grid, facts, one event; Confirm and Cancel offered.
  await list.getByRole('button', { name: first.number! }).click();
  const detail = page.getByRole('article', { name: `Order ${first.number!}` });
  await expect(detail.getByRole('heading', { name: `Order ${first.number!}` })).toBeVisible();
  await expect(detail.getByText('PO-7781')).toBeVisible();
  await expect(detail.getByText('Pay outside the app')).toBeVisible();
  await expect(detail.getByText('12 Redchurch Street').first()).toBeVisible();
  await expect(detail.getByText('United Kingdom').first()).toBeVisible();
  const history = detail.getByRole('region', { name: 'Status history' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(detail.getByRole('region', { name: 'Mail' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('order-detail.png'), fullPage: true });
  await history.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('order-detail-history.png') });
  await page.setViewportSize({ width: 1024, height: 768 });
  await detail.getByRole('heading', { name: `Order ${first.number!}` }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('order-detail-1024.png') });

  await detail.getByRole('button', { name: 'Confirm order' }).click();
  await expect(detail.getByText('Confirmed', { exact: true }).first()).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Confirm order' })).toHaveCount(0);
  await expect(history.getByRole('row')).toHaveCount(3);

  await detail.getByRole('button', { name: 'Cancel order' }).click();
  const dialog = page.getByRole('dialog', { name: `Cancel order ${first.number!}?` });
  await dialog.getByRole('button', { name: 'Cancel order' }).click();
  await expect(dialog.getByText('Say why the order is cancelled.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('x'.repeat(501));
  await dialog.getByRole('button', { name: 'Cancel order' }).click();
  await expect(dialog.getByText('At most 500 characters.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('cancel-dialog.png') });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('The buyer withdrew');
  await dialog.getByRole('button', { name: 'Cancel order' }).click();
  await expect(dialog).toBeHidden();
  await expect(history.getByRole('row')).toHaveCount(4);
  await expect(history.getByRole('row').last()).toContainText('Confirmed → Cancelled');
  await expect(history.getByRole('row').last()).toContainText('The buyer withdrew');
  await expect(detail.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  await expect(detail.getByText('Waiting to sync')).toHaveCount(0, { timeout: 20_000 });
  await history.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('order-cancelled-1024.png') });

  // The hub has it: cancelled, and the four units it held are available again.
  const after = await openStore(hubFile, 'hub');
  try {
    const order = await after.db
      .selectFrom('orders')
      .select('status')
      .where('id', '=', first.orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe('Cancelled');
    const { available } = await readAvailability(after.db, first.warehouseId, [first.skuId]);
    expect(available.get(first.skuId)).toBe(10);
  } finally {
    await after.close();
  }

  // CSV of the filtered orders: the two still placed, a row per SKU line.
  await page.setViewportSize({ width: 1280, height: 860 });
  await detail.getByRole('button', { name: 'All orders' }).click();
  await expect(rows).toHaveCount(3);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('orders-list-1024.png') });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = parse<Record<string, string>>(readFileSync(file), { bom: true, columns: true });
  expect(new Set(csv.map((row) => row.order_number))).toEqual(
    new Set([aikos.number!, expect.any(String)]),
  );
  expect(csv.every((row) => row.status === 'Order')).toBe(true);
  expect(csv.map((row) => row.order_number)).not.toContain(first.number!);

  // In Japanese, as a Japanese rep reads the same order.
  const japanese = await (await browser.newContext({ locale: 'ja-JP' })).newPage();
  await japanese.setViewportSize({ width: 1280, height: 860 });
  await japanese.goto(shell.url);
  await japanese.getByRole('button', { name: '注文', exact: true }).click();
  await japanese
    .getByRole('table', { name: '注文' })
    .getByRole('button', { name: first.number! })
    .click();
  await expect(japanese.getByRole('heading', { name: `注文 ${first.number!}` })).toBeVisible();
  await expect(japanese.getByText('確定 → キャンセル')).toBeVisible();
  await japanese.screenshot({ path: testInfo.outputPath('order-detail-ja.png') });

  // A change of the order the hub refused (someone else moved it first) shows in its
  // detail, in words, until dismissed. Written into the replica as a pull brings it.
  const replica = await openStore(join(shell.dataDir, 'showroom.sqlite'), 'replica');
  try {
    await replicaDb(replica.db)
      .insertInto('sync_refusals')
      .values({
        device_id: 'this-device',
        seq: 9_999,
        mutation: 'order.confirm.v1',
        subject: `order:${third.orderId}`,
        summary: 'Confirm order',
        code: 'order_not_in_state',
        reason: 'This order cannot confirm now.',
        args: JSON.stringify({ orderId: third.orderId, reason: '' }),
        at: new Date().toISOString(),
        dismissed_at: null,
      })
      .execute();
  } finally {
    await replica.close();
  }
  await page
    .getByRole('table', { name: 'Orders' })
    .getByRole('button', { name: third.number! })
    .click();
  const refused = page.getByRole('alert').filter({ hasText: 'The hub refused “Confirm order”' });
  await expect(refused).toContainText('the order had already moved on');
  await page.screenshot({ path: testInfo.outputPath('order-refused.png') });
  await refused.getByRole('button', { name: 'Dismiss' }).click();
  await expect(refused).toHaveCount(0);
});
