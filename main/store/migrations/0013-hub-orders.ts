import { sql, type Kysely } from 'kysely';
import { DEFAULT_ORDER_NUMBER_PREFIX } from '../../domain/order-number.ts';
import { createChangeLogTriggers } from './change-log-triggers.ts';
import { up as extendOrders } from './0013-orders.ts';
import { createOrderEventsTable } from './order-events-table.ts';

/**
 * The hub's side of orders: what each order holds of a warehouse's stock, each order's
 * history of states, and the brand's order-number counter. These stay on the hub (the
 * one place stock is allocated and numbers given); desktops read the order's number and
 * units short from `orders`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await extendOrders(db);
  // The rebuilt tables lost their triggers with the old ones.
  await createChangeLogTriggers(db, 'orders', 'id', null);
  await createChangeLogTriggers(db, 'order_lines', 'order_id', 'sku_id');

  // An order holds `allocated` units of a SKU in one warehouse while its state holds
  // stock; `short` is what was asked and not there (a booth order, a fact).
  await db.schema
    .createTable('order_allocations')
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'text', (c) => c.notNull().references('warehouses.id'))
    .addColumn('allocated', 'integer', (c) => c.notNull().check(sql`allocated >= 0`))
    .addColumn('short', 'integer', (c) => c.notNull().check(sql`short >= 0`))
    .addPrimaryKeyConstraint('order_allocations_pk', ['order_id', 'sku_id'])
    .execute();
  await db.schema
    .createIndex('order_allocations_stock')
    .on('order_allocations')
    .columns(['warehouse_id', 'sku_id'])
    .execute();

  await createOrderEventsTable(db);

  // One row per prefix: the last sequence given. Orders placed before numbers existed
  // are numbered now, oldest first, so the counter starts past them.
  await db.schema
    .createTable('order_counters')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last_sequence', 'integer', (c) => c.notNull().check(sql`last_sequence >= 0`))
    .execute();
  const prefix = DEFAULT_ORDER_NUMBER_PREFIX;
  await sql`update orders set number = (
      select ${prefix} || '-' || strftime('%Y', o.created_at) || '-' || printf('%05d', o.n)
      from (select id, created_at, row_number() over (order by created_at, id) as n from orders) o
      where o.id = orders.id)`.execute(db);
  await sql`insert into order_counters (prefix, last_sequence)
    values (${prefix}, (select count(*) from orders))`.execute(db);
  await sql`insert into order_events (id, order_id, at, actor_kind, to_state)
    select 'backfill-' || id, id, created_at, 'anonymous', status from orders`.execute(db);
}
