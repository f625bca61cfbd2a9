import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { engineOf } from './database.ts';

/**
 * The few SQL fragments SQLite and PostgreSQL write differently, each with one meaning
 * on both. Everything else the stores run is the same SQL on either engine.
 */

/**
 * Many ids as one bound JSON array, for `in (…)`: one parameter to bind and no long
 * statement to parse, however many ids a selection has.
 */
export function idList(
  db: Pick<Kysely<never>, 'getExecutor'>,
  ids: readonly string[],
): RawBuilder<string> {
  const json = JSON.stringify(ids);
  return engineOf(db) === 'postgres'
    ? sql<string>`(select jsonb_array_elements_text(cast(${json} as jsonb)))`
    : sql<string>`(select value from json_each(${json}))`;
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
