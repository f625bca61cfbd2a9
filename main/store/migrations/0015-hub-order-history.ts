import { sql, type Kysely } from 'kysely';
import { createChangeLogTriggers } from './change-log-triggers.ts';
import { createOrderListIndexes } from './0015-order-history.ts';

/**
 * The hub's order events, kept since 0013, now feed the change log so desktops get each
 * order's history; the events already written get their entries here, so desktops
 * synced before this pull them too. The same indexes as a replica's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createChangeLogTriggers(db, 'order_events', 'id', null);
  await sql`insert into change_log (entity, k1, k2)
    select 'order_events', id, '' from order_events order by at, id`.execute(db);
  await createOrderListIndexes(db);
}
