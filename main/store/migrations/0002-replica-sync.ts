import { sql, type Kysely } from 'kysely';

/**
 * The desktop's side of sync: which hub and account the replica follows and how far
 * it has read (sync_state), the outbox of local changes in the order they were made,
 * the rows each pending change overwrote (so a pull can set them aside and replay
 * them on the hub's newer rows), and the hub's refusals until the rep dismisses them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sync_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('hub_kind', 'text', (c) =>
      c.notNull().check(sql`hub_kind in ('embedded', 'remote')`),
    )
    .addColumn('hub_url', 'text')
    .addColumn('device_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('user_email', 'text')
    .addColumn('user_name', 'text')
    .addColumn('user_role', 'text')
    .addColumn('brand', 'text')
    .addColumn('cursor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_seq', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_sync_at', 'text')
    .addColumn('signed_out_reason', 'text')
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('mutation', 'text', (c) => c.notNull())
    .addColumn('args', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_subject').on('outbox').column('subject').execute();

  await db.schema
    .createTable('outbox_undo')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('k1', 'text', (c) => c.notNull())
    .addColumn('k2', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addPrimaryKeyConstraint('outbox_undo_pk', ['seq', 'step'])
    .execute();

  await db.schema
    .createTable('sync_refusals')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('mutation', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('args', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('dismissed_at', 'text')
    .addUniqueConstraint('sync_refusals_device_seq', ['device_id', 'seq'])
    .execute();
}
