import { sql, type Kysely } from 'kysely';
import { createOrderEventsTable } from './order-events-table.ts';

/**
 * The Orders view at 100,000 orders: newest first, filtered by status, source, buyer,
 * rep (the selection's owner) or dates, searched by number or PO. Each index was chosen
 * with EXPLAIN QUERY PLAN on the view's own query (test/bench/orders-list.ts): the
 * newest-first walk stops after one page only when the filter's column leads an index
 * that ends in the keyset (created_at, id). Buyer already has (buyer_id, created_at),
 * the number its unique index. A rep's orders (their selections') have no index on
 * purpose: with one, SQLite sorts all of a rep's orders for a page; without, it walks
 * the newest first and finds a page within a few hundred. Hub and replica alike.
 */
export async function createOrderListIndexes(db: Kysely<unknown>): Promise<void> {
  // Replaces 0006's created_at alone: the keyset's tie-break on id needs id in the index.
  await sql`drop index if exists orders_created`.execute(db);
  await db.schema.createIndex('orders_newest').on('orders').columns(['created_at', 'id']).execute();
  for (const column of ['status', 'source']) {
    await db.schema
      .createIndex(`orders_${column}_newest`)
      .on('orders')
      .columns([column, 'created_at', 'id'])
      .execute();
  }
  // A PO typed in part is looked up by prefix; LIKE is case-blind, so the index is too.
  await sql`create index orders_po_number on orders (po_number collate nocase)`.execute(db);
}

/**
 * Each order's history of states reaches desktops, so the Orders view shows who moved
 * it when and why, and a change made on the desktop shows its event before the hub has
 * it. The replica's table is the hub's (0013).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createOrderEventsTable(db);
  await createOrderListIndexes(db);
}
