import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { engineOf } from './database.ts';

/**
 * The few SQL fragments SQLite and PostgreSQL write differently, each with one meaning
 * on both. Everything else the stores run is the same SQL on either engine.
 */

/**
 * `column` is one of `ids`, bound as one parameter however many there are: no long
 * statement to parse. SQLite reads them from a JSON array; PostgreSQL from a text array,
 * which its planner sees through to the column's index (from a JSON array it guesses a
 * hundred rows and reads the whole table).
 */
export function isAmong(
  db: Pick<Kysely<never>, 'getExecutor'>,
  column: RawBuilder<unknown>,
  ids: readonly string[],
): RawBuilder<SqlBool> {
  return engineOf(db) === 'postgres'
    ? sql<SqlBool>`${column} = any(cast(${[...ids]} as text[]))`
    : sql<SqlBool>`${column} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/**
 * `column` equals `value` ignoring ASCII case, as the indexes on such columns are built:
 * NOCASE on SQLite, lower() on PostgreSQL.
 */
export function equalsIgnoringCase(
  db: Pick<Kysely<never>, 'getExecutor'>,
  column: RawBuilder<unknown>,
  value: string,
): RawBuilder<SqlBool> {
  return engineOf(db) === 'postgres'
    ? sql<SqlBool>`lower(${column}) = lower(${value})`
    : sql<SqlBool>`${column} = ${value} collate nocase`;
}
