import type { QueryExecutorProvider, RawBuilder, SqlBool } from 'kysely';

/** Where a store keeps its data: a SQLite file (hub or replica) or PostgreSQL (hub only). */
export type StoreEngine = 'sqlite' | 'postgres';

/** A store's Kysely or one of its transactions: what runs raw SQL on the engine. */
type Runs = QueryExecutorProvider;

/**
 * Everything the stores do differently on SQLite and on PostgreSQL, and nothing else:
 * the rest is the same Kysely on both. Each engine has one implementation (sqlite.ts,
 * postgres.ts); code reaches it through engineOf(db), never by testing the engine's name,
 * so a difference added later has one place to go and the compiler asks both engines
 * for it. The schema's differences live in each engine's migrations; change notices in
 * the ChangeNotifier each store opens with.
 */
export interface EngineSql {
  readonly name: StoreEngine;
  /**
   * The first statement of a transaction that does not guard its own checks: from here
   * on it runs alone among such transactions, as every transaction does on one SQLite
   * writer (see inTransaction).
   */
  serializeChecks(trx: Runs): Promise<void>;
  /**
   * Whether the engine ended a transaction to break a race the work can win by running
   * again (a serialization failure, a deadlock), rather than for something it did.
   */
  isRetryableConflict(error: unknown): boolean;
  /**
   * Holds a lock on each named thing until the transaction ends. `keys` come unique and
   * in one order, so two transactions taking the same pair cannot deadlock over it.
   */
  lockKeys(trx: Runs, keys: readonly string[]): Promise<void>;
  /** `column` is one of `ids`, bound as one parameter however many there are. */
  isAmong(column: RawBuilder<unknown>, ids: readonly string[]): RawBuilder<SqlBool>;
  /** `column` equals `value` ignoring ASCII case, as the indexes on such columns are built. */
  equalsIgnoringCase(column: RawBuilder<unknown>, value: string): RawBuilder<SqlBool>;
  /** A row's key column as the change log keeps keys (text), for joining the two. */
  asLogKey(column: RawBuilder<unknown>): RawBuilder<unknown>;
  /** After a large write: whatever makes the first queries on the new rows run as fast as later ones. */
  settleAfterBulkWrite(db: Runs): Promise<void>;
}
