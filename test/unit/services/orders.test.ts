import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBrand } from '../../../main/demo/generate.ts';
import { generateDemoOrders } from '../../../main/demo/orders.ts';
import { formatDecimal } from '../../../main/domain/money.ts';
import { ORDER_CSV_COLUMNS, ordersCsv } from '../../../main/services/export/orders-csv.ts';
import { listOrders, orderFilterChoices } from '../../../main/services/orders.ts';
import { cancelOrder, confirmOrder } from '../../../main/sync/mutators/orders.ts';
import { enqueue, LocalChangeRefused } from '../../../main/sync/replica.ts';
import type { OrderFilters, OrderSummary } from '../../../preload/contract/index.ts';
import { openStore, replicaDb, type Store } from '../../../main/store/database.ts';

/**
 * The Orders view's service on a replica of generated orders: pages newest first without
 * gaps, each filter and search selecting exactly its orders, the CSV of the filtered
 * orders read back whole, and order changes judged on the replica before the hub.
 */
let dir = '';
let store: Store;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-orders-csv-'));
  store = await openStore(join(dir, 'showroom.sqlite'), 'replica');
  await generateDemoBrand(store.db, { styles: 30, seed: 4 });
  await generateDemoOrders(store.db, { count: 120, seed: 4 });
  await replicaDb(store.db)
    .insertInto('sync_state')
    .values({ id: 1, hub_kind: 'embedded' })
    .execute();
});

/** Every order the filters select, page after page of `limit`. */
async function allPages(filters: OrderFilters, limit: number): Promise<OrderSummary[]> {
  const seen: OrderSummary[] = [];
  let page = await listOrders(store.db, { filters, limit });
  seen.push(...page.orders);
  while (page.next) {
    page = await listOrders(store.db, { filters, after: page.next, limit });
    seen.push(...page.orders);
  }
  return seen;
}

/** The ids of the orders a condition on `o` (orders) and `s` (its selection) selects. */
async function idsWhere(condition: (row: Row) => boolean): Promise<string[]> {
  const rows = await store.db
    .selectFrom('orders as o')
    .leftJoin('selections as s', 's.id', 'o.selection_id')
    .leftJoin('buyers as b', 'b.id', 'o.buyer_id')
    .select([
      'o.id',
      'o.status',
      'o.source',
      'o.buyer_id',
      'o.created_at',
      'o.po_number',
      'o.number',
    ])
    .select(['s.owner_id', 'b.name as buyer_name'])
    .execute();
  return rows
    .filter(condition)
    .map((row) => row.id)
    .sort();
}
type Row = {
  status: string;
  source: string;
  buyer_id: string | null;
  created_at: string;
  po_number: string;
  number: string | null;
  owner_id: string | null;
  buyer_name: string | null;
};

describe('the orders list', () => {
  it('pages newest first, each order once, whatever the page size', async () => {
    const orders = await allPages({}, 37);
    expect(orders).toHaveLength(120);
    expect(new Set(orders.map((order) => order.id)).size).toBe(120);
    const times = orders.map((order) => order.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('selects exactly the orders of each filter, alone and together', async () => {
    const sample = (await listOrders(store.db, { filters: {}, limit: 60 })).orders;
    const some = sample[17]!;
    const rep = some.rep!.id;
    const from = sample[40]!.createdAt;
    const before = sample[5]!.createdAt;
    const { buyer_id: buyerId } = await store.db
      .selectFrom('orders')
      .select('buyer_id')
      .where('buyer_id', 'is not', null)
      .$narrowType<{ buyer_id: string }>()
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const cases: [OrderFilters, (row: Row) => boolean][] = [
      [{ status: 'Cancelled' }, (row) => row.status === 'Cancelled'],
      [{ source: 'share_link' }, (row) => row.source === 'share_link'],
      [{ repId: rep }, (row) => row.owner_id === rep],
      [{ buyerId, status: 'Order' }, (row) => row.buyer_id === buyerId && row.status === 'Order'],
      [
        { placedFrom: from, placedBefore: before },
        (row) => row.created_at >= from && row.created_at < before,
      ],
    ];
    for (const [filters, condition] of cases) {
      const listed = (await allPages(filters, 25)).map((order) => order.id).sort();
      expect(listed, JSON.stringify(filters)).toEqual(await idsWhere(condition));
    }
  });

  it('finds a number as typed, any part of a buyer’s name, the start of a PO', async () => {
    const withPo = await store.db
      .selectFrom('orders')
      .select(['po_number', 'number'])
      .where('po_number', '!=', '')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const number = withPo.number!;
    expect(
      (await allPages({ search: number.toLowerCase().replace(/-0+(\d)/, '-$1') }, 50)).map(
        (order) => order.number,
      ),
    ).toEqual([number]);
    const po = withPo.po_number.slice(0, 5).toLowerCase();
    expect((await allPages({ search: po }, 50)).map((order) => order.id).sort()).toEqual(
      await idsWhere((row) => row.po_number.toLowerCase().startsWith(po)),
    );
    const buyer = (await store.db.selectFrom('buyers').select('name').executeTakeFirstOrThrow())
      .name;
    const part = buyer.slice(2, 8).toLowerCase();
    expect((await allPages({ search: part }, 50)).map((order) => order.id).sort()).toEqual(
      await idsWhere(
        (row) =>
          (row.buyer_name ?? '').toLowerCase().includes(part) ||
          row.po_number.toLowerCase().startsWith(part),
      ),
    );
    expect(await allPages({ search: '100%_' }, 50)).toEqual([]);
  });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('the orders filters', () => {
  it('offer the buyers with orders, not every buyer of the brand', async () => {
    const some = await store.db.selectFrom('buyers').selectAll().executeTakeFirstOrThrow();
    await store.db
      .insertInto('buyers')
      .values({ ...some, id: 'buyer-without-orders', name: 'Quiet Store' })
      .execute();
    const { buyers } = await orderFilterChoices(store.db);
    const withOrders = await store.db.selectFrom('orders').select('buyer_id').distinct().execute();
    expect(buyers.map((buyer) => buyer.id).sort()).toEqual(
      withOrders.map((row) => row.buyer_id).sort(),
    );
    expect(buyers.map((buyer) => buyer.name)).not.toContain('Quiet Store');
  });
});

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

describe('order changes on the replica', () => {
  /** An order in `status` and the rep of its selection, and a rep who is not. */
  async function orderIn(status: string) {
    const order = await store.db
      .selectFrom('orders as o')
      .innerJoin('selections as s', 's.id', 'o.selection_id')
      .select(['o.id', 's.owner_id'])
      .where('o.status', '=', status as 'Order')
      .orderBy('o.id')
      .executeTakeFirstOrThrow();
    const other = await store.db
      .selectFrom('staff_users')
      .select('id')
      .where('role', '=', 'rep')
      .where('id', '!=', order.owner_id)
      .executeTakeFirstOrThrow();
    const rep = { deviceId: 'device-1', userId: order.owner_id, role: 'rep' as const };
    return { orderId: order.id, rep, otherRep: { ...rep, userId: other.id } };
  }
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof LocalChangeRefused ? error.code : error),
    );

  it('refuses another rep’s buyer’s order, a second confirm and a cancel without a reason', async () => {
    const { orderId, rep, otherRep } = await orderIn('Order');
    const at = new Date();
    expect(
      await refusal(enqueue(store.db, otherRep, confirmOrder, { orderId, reason: '' }, at)),
    ).toBe('forbidden');
    expect(await refusal(enqueue(store.db, rep, cancelOrder, { orderId, reason: '   ' }, at))).toBe(
      'cancel_reason_required',
    );
    expect(await refusal(enqueue(store.db, rep, confirmOrder, { orderId, reason: '' }, at))).toBe(
      null,
    );
    expect(await refusal(enqueue(store.db, rep, confirmOrder, { orderId, reason: '' }, at))).toBe(
      'order_not_in_state',
    );
    const events = await store.db
      .selectFrom('order_events')
      .select(['id', 'from_state', 'to_state', 'actor_id'])
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute();
    // The next event under the id the hub gives it, so the hub's copy replaces it.
    expect(events.at(-1)).toEqual({
      id: `${orderId}:${events.length - 1}`,
      from_state: 'Order',
      to_state: 'Confirmed',
      actor_id: rep.userId,
    });
  });
});
