import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Rebuilds a table whose CHECK constraints must change, as SQLite asks ("Making Other
 * Kinds Of Table Schema Changes"): a new table made by `create`, the rows copied, the
 * old one dropped and the new one renamed, then its indexes and triggers made again
 * from their own SQL. Runs with foreign keys off (openStore migrates so and checks the
 * keys afterwards), so dropping the old table deletes nothing that refers to it, and
 * the tables referring to it by name refer to the new one. Frozen like a migration.
 */
export async function rebuildTable(
  db: Kysely<unknown>,
  table: string,
  create: (name: string) => RawBuilder<unknown>,
  columns: readonly string[],
): Promise<void> {
  const dependents = await sql<{ sql: string }>`select sql from sqlite_master
    where tbl_name = ${table} and type in ('index', 'trigger') and sql is not null
    order by type, name`.execute(db);
  const rebuilt = `${table}_rebuilt`;
  await create(rebuilt).execute(db);
  const list = sql.join(columns.map((column) => sql.ref(column)));
  await sql`insert into ${sql.table(rebuilt)} (${list}) select ${list} from ${sql.table(table)}`.execute(
    db,
  );
  await sql`drop table ${sql.table(table)}`.execute(db);
  await sql`alter table ${sql.table(rebuilt)} rename to ${sql.table(table)}`.execute(db);
  for (const { sql: text } of dependents.rows) await sql.raw(text).execute(db);
}
