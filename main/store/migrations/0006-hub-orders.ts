import type { Kysely } from 'kysely';
import { createChangeLogTriggers } from './change-log-triggers.ts';
import { up as createOrders } from './0006-orders.ts';

/** The hub's orders: the same tables as a replica's, feeding the change log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createOrders(db);
  await createChangeLogTriggers(db, 'orders', 'id', null);
  await createChangeLogTriggers(db, 'order_lines', 'order_id', 'sku_id');
}
