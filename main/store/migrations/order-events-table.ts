import { sql, type Kysely } from 'kysely';
import { ORDER_STATES } from '../../domain/order-states.ts';

/**
 * Each order's history of states, from its first (`from_state` null) on: the hub made it
 * in 0013, the replica in 0015, one statement for both so the synced rows fit either.
 * Frozen like a migration: a different table is a new migration.
 */
export async function createOrderEventsTable(db: Kysely<unknown>): Promise<void> {
  const states = sql.join(ORDER_STATES.map((state) => sql.lit(state)));
  await sql`create table order_events (
    id text primary key,
    order_id text not null references orders (id) on delete cascade,
    at text not null,
    actor_kind text not null,
    actor_id text,
    from_state text check (from_state in (${states})),
    to_state text not null check (to_state in (${states})),
    reason text not null default ''
  )`.execute(db);
  await db.schema
    .createIndex('order_events_order')
    .on('order_events')
    .columns(['order_id', 'at'])
    .execute();
}
