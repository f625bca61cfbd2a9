import { sql, type SqlBool } from 'kysely';
import type { EngineSql } from './engine-sql.ts';

/** SQLite: one writer at a time, so what PostgreSQL has to lock for is already so. */
export const sqliteSql: EngineSql = {
  name: 'sqlite',
  // Every transaction begins IMMEDIATE (database.ts): it holds the only write lock.
  serializeChecks: () => Promise.resolve(),
  lockKeys: () => Promise.resolve(),
  // One writer at a time, and a busy store waits for its lock (busy_timeout).
  isRetryableConflict: () => false,
  // The ids as one JSON array, read by json_each: no long statement to parse.
  isAmong: (column, ids) =>
    sql<SqlBool>`${column} in (select value from json_each(${JSON.stringify(ids)}))`,
  equalsIgnoringCase: (column, value) => sql<SqlBool>`${column} = ${value} collate nocase`,
  // SQLite compares a text key with an integer column by affinity, and a cast would keep
  // the comparison from the column's index.
  asLogKey: (column) => column,
  async settleAfterBulkWrite(db) {
    // Folds the write-ahead log into the main file, then refreshes the planner's statistics.
    await sql`pragma wal_checkpoint(truncate)`.execute(db);
    await sql`analyze`.execute(db);
  },
};
