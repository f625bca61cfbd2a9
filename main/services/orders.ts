import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { AddressFields } from '../domain/addresses.ts';
import { dtcCustomerName } from '../domain/dtc-customers.ts';
import { formatOrderNumber, parseOrderNumber } from '../domain/order-number.ts';
import {
  ORDER_TRANSITIONS,
  mayMakeTransition,
  type OrderTransition,
  type StaffActor,
} from '../domain/order-states.ts';
import {
  OperationError,
  type OrderColourwayRow,
  type OrderCursor,
  type OrderDetail,
  type OrderFilterChoices,
  type OrderFilters,
  type OrderPage,
  type OrderStyleLines,
  type OrderSummary,
} from '../../preload/contract/index.ts';
import { replicaDb, type StoreDb } from '../store/database.ts';
import type { Mutator } from '../sync/mutators/mutator.ts';
import { cancelOrder, confirmOrder } from '../sync/mutators/orders.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';

/**
 * Orders on the desktop: those of the person's selections (an admin's: all), from sync.
 * The rep is the selection's owner, as the hub's order rules count it.
 */
function ordersQuery(db: StoreDb) {
  return (
    replicaDb(db)
      .selectFrom('orders as o')
      .leftJoin('buyers as b', 'b.id', 'o.buyer_id')
      .leftJoin('selections as s', 's.id', 'o.selection_id')
      // A DTC link's order comes from a DTC selection, whose maker is its rep.
      .leftJoin('dtc_selections as ds', 'ds.id', 'o.selection_id')
      .leftJoin('dtc_customers as dc', 'dc.id', 'o.dtc_customer_id')
      .leftJoin('staff_users as u', (join) =>
        join.on((eb) => eb('u.id', '=', eb.fn.coalesce('s.owner_id', 'ds.owner_id'))),
      )
      .selectAll('o')
      .select((eb) => [
        'b.name as buyer_name',
        'dc.first_name as dtc_first_name',
        'dc.last_name as dtc_last_name',
        eb.fn.coalesce('s.name', 'ds.name').as('selection_name'),
        'u.id as rep_id',
        'u.name as rep_name',
        eb
          .exists(
            eb
              .selectFrom('outbox')
              .select('outbox.seq')
              .where('outbox.subject', '=', sql<string>`'order:' || o.id`),
          )
          .as('waiting'),
      ])
  );
}

type OrderRow = Awaited<ReturnType<ReturnType<typeof ordersQuery>['executeTakeFirstOrThrow']>>;

function dtcCustomerOf(row: OrderRow): string | null {
  if (row.dtc_first_name === null || row.dtc_last_name === null) return null;
  return dtcCustomerName({ firstName: row.dtc_first_name, lastName: row.dtc_last_name });
}

function toSummary(row: OrderRow): OrderSummary {
  return {
    id: row.id,
    source: row.source,
    number: row.number,
    unitsShort: row.units_short,
    // A DTC order has no wholesale buyer: it is its customer's (who bought through the
    // link is its contact), as Direct to consumer lists it.
    buyer: row.buyer_name ?? dtcCustomerOf(row) ?? row.contact_name,
    rep: row.rep_id ? { id: row.rep_id, name: row.rep_name ?? '' } : null,
    selection: row.selection_name,
    status: row.status,
    contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone },
    note: row.note,
    poNumber: row.po_number,
    units: row.units,
    total: { amountMinor: row.total_minor, currency: row.currency },
    createdAt: row.created_at,
    completedAt: row.completed_at,
    waitingToSync: Boolean(row.waiting),
  };
}

/**
 * Past this many matching orders, a page is found sooner by walking the newest orders
 * than by sorting all the matches (measured in test/bench/orders-list.ts).
 */
const MANY_ORDERS_TO_SORT = 2_000;

/** `%` and `_` typed by a person are letters, not wildcards. */
function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The filters but the search, as conditions on `o` (orders) and `s` (its selection). */
function filterParts(filters: OrderFilters): RawBuilder<unknown>[] {
  // A DTC link's orders are a consumer's, listed under Direct to consumer.
  const parts: RawBuilder<unknown>[] = [sql`o.source <> 'dtc_link'`];
  if (filters.status) parts.push(sql`o.status = ${filters.status}`);
  if (filters.source) parts.push(sql`o.source = ${filters.source}`);
  if (filters.buyerId) parts.push(sql`o.buyer_id = ${filters.buyerId}`);
  // A correlated check, not a join the planner could start from: a rep's orders are many,
  // and walking the newest first finds a page of them long before sorting them all would.
  if (filters.repId) {
    parts.push(sql`exists (select 1 from selections r
      where r.id = o.selection_id and r.owner_id = ${filters.repId})`);
  }
  // Instants as the store keeps them (ISO, UTC), so text order is time order.
  if (filters.placedFrom) {
    parts.push(sql`o.created_at >= ${new Date(filters.placedFrom).toISOString()}`);
  }
  if (filters.placedBefore) {
    parts.push(sql`o.created_at < ${new Date(filters.placedBefore).toISOString()}`);
  }
  return parts;
}

/**
 * What a search finds, one condition per way it can match: an order number when it reads
 * as one (parseOrderNumber: "so-2027-42" is SO-2027-00042), a buyer whose name holds it,
 * a PO number starting with it. Each is answered from its own index; none when nothing
 * can match.
 */
async function searchAlternatives(db: StoreDb, search: string): Promise<RawBuilder<unknown>[]> {
  const text = likeText(search);
  const alternatives: RawBuilder<unknown>[] = [];
  const number = parseOrderNumber(search);
  if (number) alternatives.push(sql`o.number = ${formatOrderNumber(number)}`);
  const buyers = await replicaDb(db)
    .selectFrom('buyers')
    .select('id')
    .where(sql<SqlBool>`name like ${`%${text}%`} escape '\\'`)
    .execute();
  if (buyers.length > 0) {
    const ids = sql.join(buyers.map((buyer) => buyer.id));
    // Few orders of these buyers: read them by the buyer index and sort them. Many (a
    // name common to several shops): sorting them all costs more than walking the newest
    // orders until a page of theirs turns up, so the unary + keeps SQLite off that index.
    const { n } = await replicaDb(db)
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(sql<SqlBool>`buyer_id in (${ids})`)
      .executeTakeFirstOrThrow();
    alternatives.push(
      n > MANY_ORDERS_TO_SORT ? sql`+o.buyer_id in (${ids})` : sql`o.buyer_id in (${ids})`,
    );
  }
  alternatives.push(sql`o.po_number like ${`${text}%`} escape '\\'`);
  return alternatives;
}

function allOf(parts: readonly RawBuilder<unknown>[]): RawBuilder<SqlBool> {
  return parts.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** The filters, search included, as one condition: for reading every order they select. */
export async function orderFilterCondition(
  db: StoreDb,
  filters: OrderFilters,
): Promise<RawBuilder<SqlBool>> {
  const parts = filterParts(filters);
  const search = filters.search?.trim() ?? '';
  if (search !== '') {
    const alternatives = await searchAlternatives(db, search);
    parts.push(sql`(${sql.join(alternatives, sql` or `)})`);
  }
  return allOf(parts);
}

/**
 * One page of the Orders view, newest first, by keyset: the page after `after` is read
 * from the index where the last one stopped, as fast deep in the list as at its top. A
 * search reads a page for each way it can match and keeps the newest of them, since one
 * condition joining them with OR leaves SQLite walking every order.
 */
export async function listOrders(
  db: StoreDb,
  input: { filters: OrderFilters; after?: OrderCursor | undefined; limit: number },
): Promise<OrderPage> {
  const parts = filterParts(input.filters);
  if (input.after) {
    parts.push(sql`(o.created_at, o.id) < (${input.after.createdAt}, ${input.after.id})`);
  }
  const search = input.filters.search?.trim() ?? '';
  const alternatives = search === '' ? [null] : await searchAlternatives(db, search);
  const found = new Map<string, OrderRow>();
  for (const alternative of alternatives) {
    const rows = await ordersQuery(db)
      .where(allOf(alternative ? [...parts, alternative] : parts))
      .orderBy('o.created_at', 'desc')
      .orderBy('o.id', 'desc')
      .limit(input.limit + 1)
      .execute();
    for (const row of rows) found.set(row.id, row);
  }
  // Newest first as SQLite orders text: by code unit, not by locale.
  const newer = (a: OrderRow, b: OrderRow) =>
    a.created_at === b.created_at ? a.id > b.id : a.created_at > b.created_at;
  const rows = [...found.values()].sort((a, b) => (newer(a, b) ? -1 : 1));
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    orders: page.map(toSummary),
    next: rows.length > input.limit && last ? { createdAt: last.created_at, id: last.id } : null,
  };
}

export async function orderFilterChoices(db: StoreDb): Promise<OrderFilterChoices> {
  const replica = replicaDb(db);
  const [reps, buyers] = await Promise.all([
    replica.selectFrom('staff_users').select(['id', 'name']).orderBy('name').execute(),
    // Only buyers with orders here: a brand has thousands, and a choice that can only
    // answer "no orders" is noise in the filter.
    replica
      .selectFrom('buyers')
      .select(['id', 'name'])
      .where('id', 'in', (eb) => eb.selectFrom('orders').select('buyer_id'))
      .orderBy('name')
      .execute(),
  ]);
  return { reps, buyers };
}

async function orderSummary(db: StoreDb, orderId: string): Promise<OrderSummary> {
  const row = await ordersQuery(db).where('o.id', '=', orderId).executeTakeFirst();
  if (!row) throw new OperationError('not_found', 'This order no longer exists.');
  return toSummary(row);
}

function parsedAddress(json: string | null): AddressFields | null {
  return json ? (JSON.parse(json) as AddressFields) : null;
}

/**
 * Order lines (`l`) with what the catalog says of each SKU (`k`): its style (`p`) and
 * colourway (`c`); a SKU the catalog no longer has keeps its line, with nulls.
 */
export function orderLinesWithStyles(db: StoreDb) {
  return replicaDb(db)
    .selectFrom('order_lines as l')
    .leftJoin('skus as k', 'k.id', 'l.sku_id')
    .leftJoin('products as p', 'p.id', 'k.product_id')
    .leftJoin('colorways as c', 'c.id', 'k.colorway_id');
}

/** The order's lines as size grids: a style, its sizes in scale order, a row per colourway. */
async function styleLines(db: StoreDb, orderId: string, currency: string) {
  const lines = await orderLinesWithStyles(db)
    .leftJoin('size_scales as z', 'z.id', 'p.size_scale_id')
    .select([
      'l.sku_id',
      'l.quantity',
      'l.unit_price_minor',
      'k.size',
      'k.position as size_position',
      'p.id as style_id',
      'p.style_number',
      'p.name as style_name',
      'c.id as colorway_id',
      'c.code as colorway_code',
      'c.name as colorway_name',
      'c.color_hex',
      'c.position as colorway_position',
      'z.sizes as scale',
    ])
    .where('l.order_id', '=', orderId)
    .orderBy('p.style_number')
    .orderBy('c.position')
    .orderBy('k.position')
    .execute();
  // Amounts add up as lines come; Money is read-only to everyone else.
  type Adding<T> = Omit<T, 'amount'> & { amount: { amountMinor: number; currency: string } };
  const money = (amountMinor: number) => ({ amountMinor, currency });
  const styles = new Map<
    string,
    Adding<Omit<OrderStyleLines, 'colourways'>> & {
      colourways: Adding<OrderColourwayRow>[];
      prices: Set<number>;
    }
  >();
  const rows = new Map<string, Adding<OrderColourwayRow>>();
  for (const line of lines) {
    // A SKU the catalog no longer has keeps its line under its id, so nothing is hidden.
    const styleKey = line.style_id ?? line.sku_id;
    let style = styles.get(styleKey);
    if (!style) {
      style = {
        styleNumber: line.style_number ?? line.sku_id,
        name: line.style_name ?? '',
        sizes: [],
        unitPrice: null,
        colourways: [],
        units: 0,
        amount: money(0),
        prices: new Set(),
      };
      styles.set(styleKey, style);
    }
    const rowKey = `${styleKey}/${line.colorway_id ?? ''}`;
    let row = rows.get(rowKey);
    if (!row) {
      row = {
        code: line.colorway_code ?? '',
        name: line.colorway_name ?? '',
        colorHex: line.color_hex,
        quantities: {},
        units: 0,
        amount: money(0),
      };
      rows.set(rowKey, row);
      style.colourways.push(row);
    }
    const size = line.size ?? '';
    row.quantities[size] = (row.quantities[size] ?? 0) + line.quantity;
    row.units += line.quantity;
    row.amount.amountMinor += line.quantity * line.unit_price_minor;
    style.units += line.quantity;
    style.amount.amountMinor += line.quantity * line.unit_price_minor;
    style.prices.add(line.unit_price_minor);
    if (!style.sizes.includes(size)) style.sizes.push(size);
    const scale = line.scale ? (JSON.parse(line.scale) as string[]) : [];
    style.sizes.sort((a, b) => scale.indexOf(a) - scale.indexOf(b));
  }
  return [...styles.values()].map(({ prices, ...style }): OrderStyleLines => ({
    ...style,
    unitPrice: prices.size === 1 ? money([...prices][0]!) : null,
  }));
}

/** Whether `actor` may make `transition` on the order now: its state, and whose buyer it is. */
function mayNow(
  actor: StaffActor | null,
  transition: OrderTransition,
  summary: OrderSummary,
): boolean {
  const from: readonly string[] = ORDER_TRANSITIONS[transition].from;
  return (
    actor !== null &&
    from.includes(summary.status) &&
    mayMakeTransition(actor, transition, summary.rep?.id ?? null)
  );
}

export async function orderDetail(
  db: StoreDb,
  actor: StaffActor | null,
  orderId: string,
): Promise<OrderDetail> {
  const row = await ordersQuery(db).where('o.id', '=', orderId).executeTakeFirst();
  if (!row) throw new OperationError('not_found', 'This order no longer exists.');
  const summary = toSummary(row);
  const events = await replicaDb(db)
    .selectFrom('order_events as e')
    .leftJoin('staff_users as u', (join) =>
      join.onRef('u.id', '=', 'e.actor_id').on('e.actor_kind', '=', 'staff'),
    )
    .select(['e.at', 'e.actor_kind', 'u.name', 'e.from_state', 'e.to_state', 'e.reason'])
    .where('e.order_id', '=', orderId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
  const money = (amountMinor: number) => ({ amountMinor, currency: row.currency });
  return {
    ...summary,
    shipTo: parsedAddress(row.ship_to),
    billTo: parsedAddress(row.bill_to),
    shipStart: row.ship_start,
    cancelDate: row.cancel_date,
    paymentMethod: row.payment_method,
    payment: { status: row.payment_status, paidAt: row.paid_at },
    shippingRateName: row.shipping_rate_name,
    shipping: money(row.shipping_minor),
    subtotal: money(row.subtotal_minor),
    discount: money(row.discount_minor),
    approvedBy: row.approved_by,
    styles: await styleLines(db, orderId, row.currency),
    events: events.map((event) => ({
      at: event.at,
      actorKind: event.actor_kind,
      actorName: event.name,
      from: event.from_state,
      to: event.to_state,
      reason: event.reason,
    })),
    may: {
      confirm: mayNow(actor, 'confirm', summary),
      cancel: mayNow(actor, 'cancel', summary),
      completeCheckout: mayNow(actor, 'completeCheckout', summary),
    },
  };
}

async function changeState<Args>(
  services: LocalChangeServices,
  mutator: Mutator<Args>,
  args: Args & { orderId: string },
  doing: string,
): Promise<OrderSummary> {
  await changeLocally(services, mutator, args, { field: 'orderId', doing });
  return orderSummary(services.db, args.orderId);
}

export const confirmOrderLocally = (services: LocalChangeServices, orderId: string) =>
  changeState(services, confirmOrder, { orderId, reason: '' }, 'confirm orders');

export const cancelOrderLocally = (
  services: LocalChangeServices,
  input: { orderId: string; reason: string },
) => changeState(services, cancelOrder, input, 'cancel orders');
