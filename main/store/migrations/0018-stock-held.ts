import { sql, type Kysely } from 'kysely';

/**
 * What placed orders hold of each stock row, kept beside what is on hand: available is
 * `quantity − held` (main/domain/stock.ts), readable in one row by the hub and by a
 * desktop offline, which has no allocations. The hub keeps it in the transactions that
 * allocate and release (main/hub/orders/stock-allocation.ts); a replica receives it with
 * the stock row. Never below zero; it may exceed `quantity` after a recount, and then
 * nothing is available, never a debt.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table stock add column held integer not null default 0
    check (held >= 0)`.execute(db);
}
