import { sql, type Kysely } from 'kysely';
import { ORDER_SOURCES, ORDER_STATES, PAYMENT_METHODS } from '../../domain/order-states.ts';

/**
 * What an order needs beyond a share link's request: its readable number, ship-to and
 * bill-to snapshots (JSON of main/domain/addresses.ts's fields, validated there, so a
 * later change to the buyer's addresses leaves placed orders alone), the delivery
 * window, PO number, payment method, shipping rate and charge, who approved and who
 * placed it, and how many units it is short. Each market ships from one warehouse.
 *
 * `orders.status` was checked against the two states the share link knew; SQLite cannot
 * change a check, so orders and its lines are rebuilt (lines first, so dropping the old
 * orders cascades into nothing). Hub and replica alike; the hub's migration adds its
 * own tables and the change log's triggers.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const states = sql.join(ORDER_STATES.map((state) => sql.lit(state)));
  const payments = sql.join(PAYMENT_METHODS.map((method) => sql.lit(method)));
  const sources = sql.join(ORDER_SOURCES.map((source) => sql.lit(source)));
  await sql`create table orders_v13 (
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
    payment_method text check (payment_method in (${payments})),
    shipping_rate_name text not null default '',
    shipping_minor integer not null default 0 check (shipping_minor >= 0),
    approved_by text not null default '',
    placed_by_kind text not null default 'anonymous',
    placed_by text,
    units_short integer not null default 0 check (units_short >= 0)
  )`.execute(db);
  await sql`insert into orders_v13 (id, source, selection_id, share_link_id, buyer_id, status,
      contact_name, contact_email, contact_phone, note, currency, units, subtotal_minor,
      discount_minor, total_minor, created_at, completed_at, completed_by)
    select id, source, selection_id, share_link_id, buyer_id, status, contact_name,
      contact_email, contact_phone, note, currency, units, subtotal_minor, discount_minor,
      total_minor, created_at, completed_at, completed_by from orders`.execute(db);
  await sql`create table order_lines_v13 (
    order_id text not null references orders_v13 (id) on delete cascade,
    sku_id text not null,
    quantity integer not null check (quantity > 0),
    unit_price_minor integer not null,
    constraint order_lines_pk primary key (order_id, sku_id)
  )`.execute(db);
  await sql`insert into order_lines_v13 select order_id, sku_id, quantity, unit_price_minor
    from order_lines`.execute(db);
  await sql`drop table order_lines`.execute(db);
  await sql`drop table orders`.execute(db);
  // Renaming updates the lines' reference to the new name.
  await sql`alter table orders_v13 rename to orders`.execute(db);
  await sql`alter table order_lines_v13 rename to order_lines`.execute(db);
  await db.schema.createIndex('orders_created').on('orders').column('created_at').execute();
  await db.schema
    .createIndex('orders_buyer')
    .on('orders')
    .columns(['buyer_id', 'created_at'])
    .execute();

  await db.schema
    .alterTable('markets')
    .addColumn('warehouse_id', 'text', (c) => c.references('warehouses.id').onDelete('set null'))
    .execute();
  // Existing markets ship from the warehouse holding the most units: the brand's main
  // one. An admin moves a market elsewhere in Settings.
  await sql`update markets set warehouse_id = (
    select w.id from warehouses w left join stock s on s.warehouse_id = w.id
    group by w.id order by coalesce(sum(s.quantity), 0) desc, w.id limit 1)`.execute(db);
}
