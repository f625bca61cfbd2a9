import { sql, type Kysely } from 'kysely';

/**
 * Triggers that keep the hub's change log complete for one synced table: every insert,
 * update (and change of key) and delete moves the row's single log entry to a new
 * version inside the writing transaction. Migrations call this for each table they
 * make synced. Frozen like a migration: a different trigger is a new function.
 */
export async function createChangeLogTriggers(
  db: Kysely<unknown>,
  table: string,
  k1: string,
  k2: string | null,
): Promise<void> {
  const key = (row: 'new' | 'old') =>
    sql.raw(`cast(${row}.${k1} as text), ${k2 ? `cast(${row}.${k2} as text)` : `''`}`);
  // Delete then insert, not INSERT OR REPLACE: a trigger's conflict clause gives way to
  // the one of the statement that fired it (an outer OR IGNORE would keep the old version).
  const keyMatch = (row: 'new' | 'old') =>
    sql.raw(
      `entity = '${table}' and k1 = cast(${row}.${k1} as text) and k2 = ${k2 ? `cast(${row}.${k2} as text)` : `''`}`,
    );
  const log = (row: 'new' | 'old') =>
    sql`delete from change_log where ${keyMatch(row)};
      insert into change_log (entity, k1, k2) values (${sql.lit(table)}, ${key(row)});`;
  const changed = k2
    ? `old.${k1} is not new.${k1} or old.${k2} is not new.${k2}`
    : `old.${k1} is not new.${k1}`;
  await sql`create trigger ${sql.raw(`change_log_${table}_insert`)} after insert on ${sql.table(table)}
    begin ${log('new')} end`.execute(db);
  await sql`create trigger ${sql.raw(`change_log_${table}_update`)} after update on ${sql.table(table)}
    begin ${log('new')} end`.execute(db);
  await sql`create trigger ${sql.raw(`change_log_${table}_rekey`)} after update on ${sql.table(table)}
    when ${sql.raw(changed)}
    begin ${log('old')} end`.execute(db);
  await sql`create trigger ${sql.raw(`change_log_${table}_delete`)} after delete on ${sql.table(table)}
    begin ${log('old')} end`.execute(db);
}
