import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Rebuilds a table whose CHECK constraints must change, as SQLite asks ("Making Other
 * Kinds Of Table Schema Changes"): with foreign keys off (else dropping the old table
 * would delete every row referring to it: an order's lines, allocations and history)
 * and in one transaction, a new table made by `create` takes the rows, the old one is
 * dropped and the new one renamed, its indexes and triggers are made again from their
 * own SQL, and every foreign key is checked before the transaction commits. Kysely runs
 * SQLite migrations outside a transaction, which is what lets the keys be switched off
 * here. Frozen like a migration.
 */
export async function rebuildTable(
  db: Kysely<unknown>,
  table: string,
  create: (name: string) => RawBuilder<unknown>,
  columns: readonly string[],
): Promise<void> {
  const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
  const keysWereOn = Boolean(keys.rows[0]?.foreign_keys);
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      const dependents = await sql<{ sql: string }>`select sql from sqlite_master
        where tbl_name = ${table} and type in ('index', 'trigger') and sql is not null
        order by type, name`.execute(db);
      const rebuilt = `${table}_rebuilt`;
      await create(rebuilt).execute(db);
      const list = sql.join(columns.map((column) => sql.ref(column)));
      await sql`insert into ${sql.table(rebuilt)} (${list})
        select ${list} from ${sql.table(table)}`.execute(db);
      await sql`drop table ${sql.table(table)}`.execute(db);
      await sql`alter table ${sql.table(rebuilt)} rename to ${sql.table(table)}`.execute(db);
      for (const { sql: text } of dependents.rows) await sql.raw(text).execute(db);
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (keysWereOn && broken.rows.length > 0) {
        throw new Error(`Rebuilding ${table} left rows referring to rows that do not exist.`);
      }
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    if (keysWereOn) await sql`pragma foreign_keys = on`.execute(db);
  }
}
