import type { Kysely, Transaction } from 'kysely';

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
 * Runs `work` in one transaction, again (a bounded number of times, after a short random
 * wait) when the engine ended it to break a deadlock or a serialization conflict. `work`
 * must do nothing outside the transaction that cannot be repeated: everything it wrote
 * was rolled back with the failed attempt.
 */
export async function inTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
}
