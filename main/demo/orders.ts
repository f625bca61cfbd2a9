import { sql, type Insertable } from 'kysely';
import { applyDiscount } from '../domain/money.ts';
import { DEFAULT_ORDER_NUMBER_PREFIX, formatOrderNumber } from '../domain/order-number.ts';
import type { OrderState } from '../domain/order-states.ts';
import { insertInBatches } from '../store/batches.ts';
import type { StoreDb } from '../store/database.ts';
import type { StoreSchema } from '../store/schema.ts';
import { SeededRandom } from './random.ts';
import { inTransaction } from '../store/transactions.ts';

export interface DemoOrdersOptions {
  count: number;
  seed?: number;
  /** The newest order is placed shortly before this; the oldest about two years earlier. */
  now?: Date;
}

const DAY_MS = 86_400_000;
const SPAN_DAYS = 730;
/** Most orders are placed and confirmed; some wait, a few are cancelled. */
const STATUSES: readonly OrderState[] = [
  ...Array<OrderState>(9).fill('Order'),
  ...Array<OrderState>(7).fill('Confirmed'),
  ...Array<OrderState>(2).fill('Cancelled'),
  ...Array<OrderState>(2).fill('Checkout Requested'),
];
const CANCEL_REASONS = [
  'The buyer withdrew',
  'Duplicate of another order',
  'Store closed for renovation',
  'Delivery window cannot be met',
];

type Row<T extends keyof StoreSchema> = Insertable<StoreSchema[T]>;

/**
 * Orders for a demo brand already in the store, as years of trade fairs and share links
 * leave them: each rep's buyers order from a few selections, booth orders (most, with PO
 * numbers) and share-link checkouts, size runs of one colourway or two per style at the
 * buyer's prices and discount, numbered in placement order, with the events of each
 * order's status. For the Orders view's benchmark and for looking at a busy brand.
 */
export async function generateDemoOrders(db: StoreDb, options: DemoOrdersOptions): Promise<void> {
  const now = options.now ?? new Date('2026-09-01T09:00:00Z');
  const random = new SeededRandom(options.seed ?? 12, now);
  const staff = await db.selectFrom('staff_users').select(['id', 'role']).orderBy('id').execute();
  const reps = staff.filter((person) => person.role === 'rep');
  const buyers = await db
    .selectFrom('buyers as b')
    .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
    .select(['b.id', 'b.name', 'b.pricelist_id', 'b.discount_bp', 'p.currency'])
    .orderBy('b.id')
    .execute();
  const skus = await db
    .selectFrom('skus as k')
    .innerJoin('prices as p', 'p.sku_id', 'k.id')
    .select(['k.id', 'k.colorway_id', 'p.pricelist_id', 'p.wholesale_minor'])
    .orderBy('k.colorway_id')
    .orderBy('k.position')
    .execute();
  if (reps.length === 0 || buyers.length === 0 || skus.length === 0) {
    throw new Error('Generate the demo brand before its orders');
  }
  // Size runs: a colourway's SKUs with their prices, per pricelist.
  const runs = new Map<string, Map<string, { id: string; price: number }[]>>();
  for (const sku of skus) {
    const byColourway =
      runs.get(sku.pricelist_id) ?? new Map<string, { id: string; price: number }[]>();
    runs.set(sku.pricelist_id, byColourway);
    const run = byColourway.get(sku.colorway_id) ?? [];
    run.push({ id: sku.id, price: sku.wholesale_minor });
    byColourway.set(sku.colorway_id, run);
  }
  const runLists = new Map([...runs].map(([id, byColourway]) => [id, [...byColourway.values()]]));

  // Each buyer is looked after by one rep, and orders from a handful of selections.
  const selections: Row<'selections'>[] = [];
  const selectionsOf = new Map<string, { id: string; owner: string }[]>();
  const at = now.toISOString();
  for (const buyer of buyers) {
    const owner = random.pick(reps).id;
    const own = Array.from({ length: random.int(2, 6) }, (_, n) => ({
      id: random.id(),
      owner,
      name: `${buyer.name} ${n + 1}`,
    }));
    selectionsOf.set(buyer.id, own);
    for (const selection of own) {
      selections.push({
        id: selection.id,
        buyer_id: buyer.id,
        owner_id: owner,
        name: selection.name,
        notes: '',
        created_at: at,
        updated_at: at,
      });
    }
  }

  const placedAt = Array.from(
    { length: options.count },
    () => now.getTime() - random.int(1, SPAN_DAYS * 24 * 60) * 60_000,
  ).sort((a, b) => a - b);
  const orders: Row<'orders'>[] = [];
  const lines: Row<'order_lines'>[] = [];
  const events: Row<'order_events'>[] = [];
  for (const [index, time] of placedAt.entries()) {
    const buyer = random.pick(buyers);
    const selection = random.pick(selectionsOf.get(buyer.id)!);
    const booth = random.chance(0.7);
    const status = random.pick(STATUSES);
    const id = random.id();
    const created = new Date(time).toISOString();
    const ordered = new Map<string, { quantity: number; price: number }>();
    for (const run of random.sample(runLists.get(buyer.pricelist_id)!, random.int(1, 4))) {
      const quantity = random.pick([2, 3, 4, 6, 8, 12]);
      for (const sku of run) ordered.set(sku.id, { quantity, price: sku.price });
    }
    let units = 0;
    let subtotal = 0;
    for (const [skuId, line] of ordered) {
      lines.push({
        order_id: id,
        sku_id: skuId,
        quantity: line.quantity,
        unit_price_minor: line.price,
      });
      units += line.quantity;
      subtotal += line.quantity * line.price;
    }
    const total = applyDiscount(subtotal, buyer.discount_bp);
    const shipStart = new Date(time + random.int(30, 120) * DAY_MS).toISOString().slice(0, 10);
    orders.push({
      id,
      source: booth ? 'booth' : 'share_link',
      selection_id: selection.id,
      share_link_id: null,
      buyer_id: buyer.id,
      status,
      contact_name: buyer.name,
      contact_email: `orders@${buyer.id.slice(-8)}.example`,
      currency: buyer.currency,
      units,
      subtotal_minor: subtotal,
      discount_minor: subtotal - total,
      total_minor: total,
      created_at: created,
      completed_at: null,
      completed_by: null,
      number: formatOrderNumber({
        kind: 'final',
        prefix: DEFAULT_ORDER_NUMBER_PREFIX,
        year: new Date(time).getUTCFullYear(),
        sequence: index + 1,
      }),
      ship_start: shipStart,
      cancel_date: new Date(Date.parse(shipStart) + 30 * DAY_MS).toISOString().slice(0, 10),
      po_number: booth && random.chance(0.6) ? `PO-${random.int(10_000, 99_999)}` : '',
      payment_method: status === 'Checkout Requested' ? null : 'outside_app',
      approved_by: booth ? buyer.name : '',
      placed_by_kind: booth ? 'staff' : 'linkHolder',
      placed_by: booth ? selection.owner : null,
      units_short: booth && random.chance(0.03) ? random.int(1, 6) : 0,
    });
    // The history that leads to the status, an hour or a few days apart.
    const first: OrderState = booth ? 'Order' : status === 'Checkout Requested' ? status : 'Order';
    const path: OrderState[] = [first];
    if (status === 'Confirmed' || (status === 'Cancelled' && random.chance(0.5))) {
      path.push('Confirmed');
    }
    if (status === 'Cancelled') path.push('Cancelled');
    let eventTime = time;
    for (const [n, state] of path.entries()) {
      events.push({
        id: `${id}:${n}`,
        order_id: id,
        at: new Date(eventTime).toISOString(),
        actor_kind: n === 0 && !booth ? 'linkHolder' : 'staff',
        actor_id: n === 0 && !booth ? null : selection.owner,
        from_state: n === 0 ? null : path[n - 1]!,
        to_state: state,
        reason: state === 'Cancelled' ? random.pick(CANCEL_REASONS) : '',
      });
      eventTime += random.int(1, 96) * 3_600_000;
    }
  }
  await inTransaction(db, async (trx) => {
    await insertInBatches(selections, (batch) =>
      trx.insertInto('selections').values(batch).execute(),
    );
    await insertInBatches(orders, (batch) => trx.insertInto('orders').values(batch).execute());
    await insertInBatches(lines, (batch) => trx.insertInto('order_lines').values(batch).execute());
    await insertInBatches(events, (batch) =>
      trx.insertInto('order_events').values(batch).execute(),
    );
  });
  await sql`analyze`.execute(db);
}
