import { sql, type Kysely } from 'kysely';
import { ORDER_SOURCES, ORDER_STATES } from '../../domain/order-states.ts';
import { rebuildTable } from './rebuild-table.ts';

/**
 * Orders through customer order links: the source the orders table accepts grows by
 * `customer_order_link`, and each order keeps the link it came through, so the Links
 * section counts a link's orders and what they come to. The card add-on's payment
 * needs an order to know whether it is paid: `payment_status` (none, pending, paid,
 * failed) and when. `payment_method` is left to the domain's check at every door
 * (PAYMENT_METHODS): a new way to pay needs no rebuild of every order. Hub and replica.
 */
const COLUMNS = [
  'id',
  'source',
  'selection_id',
  'share_link_id',
  'buyer_id',
  'status',
  'contact_name',
  'contact_email',
  'contact_phone',
  'note',
  'currency',
  'units',
  'subtotal_minor',
  'discount_minor',
  'total_minor',
  'created_at',
  'completed_at',
  'completed_by',
  'number',
  'ship_to',
  'bill_to',
  'ship_start',
  'cancel_date',
  'po_number',
  'payment_method',
  'shipping_rate_name',
  'shipping_minor',
  'approved_by',
  'placed_by_kind',
  'placed_by',
  'units_short',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const states = sql.join(ORDER_STATES.map((state) => sql.lit(state)));
  const sources = sql.join(ORDER_SOURCES.map((source) => sql.lit(source)));
  await rebuildTable(
    db,
    'orders',
    (name) => sql`create table ${sql.table(name)} (
      id text primary key,
      source text not null check (source in (${sources})),
      selection_id text not null,
      share_link_id text,
      buyer_id text not null,
      status text not null check (status in (${states})),
      contact_name text not null,
      contact_email text not null,
      contact_phone text not null default '',
      note text not null default '',
      currency text not null,
      units integer not null,
      subtotal_minor integer not null,
      discount_minor integer not null,
      total_minor integer not null,
      created_at text not null,
      completed_at text,
      completed_by text,
      number text unique,
      ship_to text,
      bill_to text,
      ship_start text,
      cancel_date text,
      po_number text not null default '',
      payment_method text,
      shipping_rate_name text not null default '',
      shipping_minor integer not null default 0 check (shipping_minor >= 0),
      approved_by text not null default '',
      placed_by_kind text not null default 'anonymous',
      placed_by text,
      units_short integer not null default 0 check (units_short >= 0),
      customer_order_link_id text,
      payment_status text not null default 'none'
        check (payment_status in ('none', 'pending', 'paid', 'failed')),
      paid_at text
    )`,
    COLUMNS,
  );
  await sql`create index orders_customer_order_link on orders (customer_order_link_id)
    where customer_order_link_id is not null`.execute(db);
}
