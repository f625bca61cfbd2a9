import { sql, type Kysely } from 'kysely';
import { CHANGE_LOG_KEYS } from './0029-baseline.ts';

/**
 * The change log's triggers fire at commit, not at each write. A version is still only
 * taken under HUB_WRITER_LOCK, held until the commit ends, so versions still become
 * visible in the order they were given (see the baseline's change log); but the lock is
 * now held only while a transaction's versions are taken and it commits, so writers on
 * several instances do the rest of their work side by side instead of queueing behind
 * the first writer's first write. A deferred row trigger sees the row as it was written
 * (its OLD and NEW are kept from the write), so the entries are the same as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, k1, k2] of CHANGE_LOG_KEYS) {
    const trigger = sql.raw(`change_log_${table}`);
    await sql`drop trigger ${trigger} on ${sql.table(table)}`.execute(db);
    await sql`create constraint trigger ${trigger}
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred
      for each row execute function change_log_record(${sql.lit(k1)}, ${sql.lit(k2)})`.execute(db);
  }
}
