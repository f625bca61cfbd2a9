import type { Kysely, Transaction } from 'kysely';
import { engineOf } from './database.ts';

/** How often one piece of work is tried before its failure is answered (as "busy"). */
export const TRANSACTION_ATTEMPTS = 5;

export interface TransactionOptions {
  /**
   * The work guards every check it makes with guardKeys (or a conditional write), so it
   * need not queue behind the other checking transactions (the engine's serializeChecks):
   * on PostgreSQL it runs beside other writers.
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
        if (!options.guarded) await engineOf(trx).serializeChecks(trx);
        return work(trx);
      });
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !engineOf(db).isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
}

/**
 * Holds, until the transaction ends, a lock on each named thing (`selection:<id>`, a
 * device, a row that may not exist yet): two transactions guarding the same key run one
 * after the other from this point, and each reads what the other committed. Keys are
 * taken in one order, so two transactions guarding the same pair cannot deadlock over
 * it. On SQLite the transaction already holds the only write lock.
 */
export async function guardKeys<DB>(trx: Transaction<DB>, keys: readonly string[]): Promise<void> {
  await engineOf(trx).lockKeys(trx, [...new Set(keys)].sort());
}
