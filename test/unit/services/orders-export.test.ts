import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBrand } from '../../../main/demo/generate.ts';
import { generateDemoOrders } from '../../../main/demo/orders.ts';
import { formatDecimal } from '../../../main/domain/money.ts';
import { ORDER_CSV_COLUMNS, ordersCsv } from '../../../main/services/export/orders-csv.ts';
import { listOrders } from '../../../main/services/orders.ts';
import { openStore, type Store } from '../../../main/store/database.ts';

/** The Orders view's CSV: the filtered orders' lines, one row each, read back whole. */
let dir = '';
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-orders-csv-'));
  store = await openStore(join(dir, 'showroom.sqlite'), 'replica');
  await generateDemoBrand(store.db, { styles: 30, seed: 4 });
  await generateDemoOrders(store.db, { count: 120, seed: 4 });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('orders CSV', () => {
  it('has a row per SKU line of exactly the filtered orders, and parses back', async () => {
    const filters = { status: 'Confirmed' as const };
    const file = await ordersCsv(store.db, filters, new Date('2026-09-02T10:00:00Z'));
    expect(file.fileName).toBe('Orders – 2026-09-02.csv');
    const content = text(file.bytes);
    expect(content.startsWith('\ufeff')).toBe(true);
    const rows = parse<Record<string, string>>(content, { bom: true, columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...ORDER_CSV_COLUMNS]);

    const { orders } = await listOrders(store.db, { filters, limit: 200 });
    expect(new Set(rows.map((row) => row.order_number))).toEqual(
      new Set(orders.map((order) => order.number)),
    );
    expect(rows.every((row) => row.status === 'Confirmed')).toBe(true);
    const lines = await store.db
      .selectFrom('order_lines as l')
      .innerJoin('orders as o', 'o.id', 'l.order_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('o.status', '=', 'Confirmed')
      .executeTakeFirstOrThrow();
    expect(rows).toHaveLength(lines.n);

    // Each order's lines add up to its subtotal; each line is quantity × unit price.
    for (const order of orders) {
      const own = rows.filter((row) => row.order_number === order.number);
      const sum = own.reduce((total, row) => total + Number(row.line_total), 0);
      const subtotal = await store.db
        .selectFrom('orders')
        .select(['subtotal_minor', 'currency'])
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      expect(sum.toFixed(2)).toBe(
        Number(
          formatDecimal({ amountMinor: subtotal.subtotal_minor, currency: subtotal.currency }),
        ).toFixed(2),
      );
      for (const row of own) {
        expect(row.style_number).not.toBe('');
        expect(row.barcode).toMatch(/^\d{13}$/);
        expect(Number(row.line_total)).toBeCloseTo(Number(row.unit_price) * Number(row.quantity));
        expect(row.currency).toBe(order.total.currency);
      }
    }
  });

  it('narrows to a search the way the list does', async () => {
    const [first] = (await listOrders(store.db, { filters: {}, limit: 1 })).orders;
    const typed = first!.number!.toLowerCase().replace(/-0+(\d)/, '-$1');
    const file = await ordersCsv(store.db, { search: typed }, new Date());
    const rows = parse<Record<string, string>>(text(file.bytes), { bom: true, columns: true });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.order_number === first!.number)).toBe(true);
  });
});
