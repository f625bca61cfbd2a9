import { sql, type Kysely } from 'kysely';
import { MAX_TAX_RATE_BP } from '../../domain/dtc.ts';
import { ORDER_SOURCES, ORDER_STATES } from '../../domain/order-states.ts';
import { rebuildTable } from './rebuild-table.ts';

/**
 * Orders through DTC checkout links (main/domain/dtc-checkout.ts), hub and replica: the
 * source the orders table accepts grows by `dtc_link`; a DTC order has no wholesale
 * buyer (`buyer_id` null, allowed for that source only) but the DTC customer its
 * selection was made for and the link it came through; `tax_minor` is the tax the order
 * carries, inside its prices (`tax_included`, as its market says) or added to them; each line keeps
 * the rate it was sold at (`order_lines.tax_rate_bp`, 0 where no tax was charged).
 * `selection_id` names the DTC selection for a DTC order, so a rep pulls the orders of
 * their own DTC selections. SQLite cannot change a column's NOT NULL or a check, so the
 * orders table is rebuilt; the hub passes its own columns (the card payment's reference).
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
  'customer_order_link_id',
  'payment_status',
  'paid_at',
] as const;

export async function rebuildOrdersForDtc(
  db: Kysely<unknown>,
  hubColumns: readonly string[],
): Promise<void> {
  const states = sql.join(ORDER_STATES.map((state) => sql.lit(state)));
  const sources = sql.join(ORDER_SOURCES.map((source) => sql.lit(source)));
  const extra = sql.join(
    hubColumns.map((column) => sql`${sql.ref(column)} text`),
    sql`, `,
  );
  await rebuildTable(
    db,
    'orders',
    (name) => sql`create table ${sql.table(name)} (
      id text primary key,
      source text not null check (source in (${sources})),
      selection_id text not null,
      share_link_id text,
      buyer_id text check (buyer_id is not null or source = 'dtc_link'),
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
      paid_at text,
      dtc_customer_id text,
      dtc_link_id text,
      tax_minor integer not null default 0 check (tax_minor >= 0),
      tax_included integer not null default 0 check (tax_included in (0, 1))
      ${hubColumns.length > 0 ? sql`, ${extra}` : sql``}
    )`,
    [...COLUMNS, ...hubColumns],
  );
  await sql`create index orders_dtc_customer on orders (dtc_customer_id, created_at)
    where dtc_customer_id is not null`.execute(db);
  await sql`alter table order_lines add column tax_rate_bp integer not null default 0
    check (tax_rate_bp between 0 and ${sql.lit(MAX_TAX_RATE_BP)})`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuildOrdersForDtc(db, []);
}
