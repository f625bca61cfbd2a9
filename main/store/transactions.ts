import { sql, type Kysely, type Transaction } from 'kysely';
import { engineOf } from './database.ts';

/**
 * What PostgreSQL answers when a transaction lost a race it can win by running again:
 * a serialization failure, or a deadlock it broke by ending this side. SQLite has
 * neither (one writer at a time; a busy store waits for its lock).
 */
const RETRYABLE_STATES = new Set(['40001', '40P01']);

/** How often one piece of work is tried before its failure is answered (as "busy"). */
export const TRANSACTION_ATTEMPTS = 5;

export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_STATES.has(code);
}

/**
 * The lock every PostgreSQL transaction takes at its start, as BEGIN IMMEDIATE does on
 * SQLite, unless it runs `guarded`: the hub's check-then-write work (a stock check and
 * its allocation, a one-time link and its purchase, an idempotency key and its answer)
 * was written for one writer at a time, and so stays correct under READ COMMITTED with
 * any number of instances. A transaction-level advisory lock, not a row: it exists
 * before the first migration and ends with the transaction however that ends, a killed
 * instance included. Not the change log's version lock (HUB_WRITER_LOCK): that one is
 * taken only as a transaction commits, when it waits for nothing else, so no cycle of
 * waits can run through the two.
 */
const HUB_CHECK_LOCK = 0x6368_6b73; // "chks"

export interface TransactionOptions {
  /**
   * The work guards every check it makes with guardKeys (or a conditional write), so it
   * need not queue behind the check lock: on PostgreSQL it runs beside other writers.
   */
  guarded?: boolean;
}

/**
 * Runs `work` in one transaction, again (a bounded number of times, after a short random
 * wait) when the engine ended it to break a deadlock or a serialization conflict. `work`
 * must do nothing outside the transaction that cannot be repeated: everything it wrote
 * was rolled back with the failed attempt.
 */
export async function inTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        if (!options.guarded && engineOf(trx) === 'postgres') {
          await sql`select pg_advisory_xact_lock(${sql.lit(HUB_CHECK_LOCK)})`.execute(trx);
        }
        return work(trx);
      });
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
}

/**
 * The advisory-lock class of guard keys: PostgreSQL keeps two-part keys apart from the
 * one-part keys of the hub's check and version locks.
 */
const GUARD_KEY_CLASS = 0x6b65_7973; // "keys"

/**
 * Holds, until the transaction ends, a lock on each named thing (`selection:<id>`, a
 * device, a row that may not exist yet): two transactions guarding the same key run one
 * after the other from this point, and each reads what the other committed. Keys are
 * taken in one order, so two transactions guarding the same pair cannot deadlock over
 * it. On SQLite the transaction already holds the only write lock.
 */
export async function guardKeys<DB>(trx: Transaction<DB>, keys: readonly string[]): Promise<void> {
  if (engineOf(trx) !== 'postgres') return;
  for (const key of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(${sql.lit(GUARD_KEY_CLASS)}, hashtext(${key}))`.execute(
      trx,
    );
  }
}
