import { sql, type SqlBool } from 'kysely';
import type { EngineSql } from './engine-sql.ts';

/**
 * The lock every PostgreSQL transaction not guarded takes at its start, as BEGIN
 * IMMEDIATE does on SQLite: the hub's check-then-write work (a stock check and its
 * allocation, a one-time link and its purchase, an idempotency key and its answer) was
 * written for one writer at a time, and so stays correct under READ COMMITTED with any
 * number of instances. A transaction-level advisory lock, not a row: it exists before
 * the first migration and ends with the transaction however that ends, a killed
 * instance included. Not the change log's version lock (HUB_WRITER_LOCK): that one is
 * taken only as a transaction commits, when it waits for nothing else, so no cycle of
 * waits can run through the two.
 */
const HUB_CHECK_LOCK = 0x6368_6b73; // "chks"

/**
 * The advisory-lock class of guard keys: PostgreSQL keeps two-part keys apart from the
 * one-part keys of the hub's check and version locks.
 */
const GUARD_KEY_CLASS = 0x6b65_7973; // "keys"

/** A serialization failure, or a deadlock PostgreSQL broke by ending this side. */
const RETRYABLE_STATES = new Set(['40001', '40P01']);

/** PostgreSQL: many writers at once, on any number of hub instances. */
export const postgresSql: EngineSql = {
  name: 'postgres',
  async serializeChecks(trx) {
    await sql`select pg_advisory_xact_lock(${sql.lit(HUB_CHECK_LOCK)})`.execute(trx);
  },
  isRetryableConflict(error) {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' && RETRYABLE_STATES.has(code);
  },
  async lockKeys(trx, keys) {
    for (const key of keys) {
      await sql`select pg_advisory_xact_lock(${sql.lit(GUARD_KEY_CLASS)}, hashtext(${key}))`.execute(
        trx,
      );
    }
  },
  // A text array, which the planner sees through to the column's index (from a JSON
  // array it guesses a hundred rows and reads the whole table).
  isAmong: (column, ids) => sql<SqlBool>`${column} = any(cast(${[...ids]} as text[]))`,
  // The indexes on such columns are built on lower().
  equalsIgnoringCase: (column, value) => sql<SqlBool>`lower(${column}) = lower(${value})`,
  // On the text keys almost every table has, the cast is no operation at all.
  asLogKey: (column) => sql`cast(${column} as text)`,
  async settleAfterBulkWrite(db) {
    await sql`analyze`.execute(db);
  },
};
