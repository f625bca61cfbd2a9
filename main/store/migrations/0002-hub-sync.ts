import { sql, type Kysely } from 'kysely';
import { createChangeLogTriggers } from './change-log-triggers.ts';

/**
 * The hub's side of sync: a change log every write to a synced table feeds (by
 * trigger, so no writer can forget it), the devices signed in with their credentials'
 * hashes and last applied mutation, the refusals kept for them, failed sign-ins for
 * rate limits that survive a restart, and the hub's own settings.
 *
 * The log keeps one entry per row ever written: writing a row again moves its entry to
 * a new version (deleted and inserted again), so a first sync reads the log once and an incremental one reads only
 * what moved. AUTOINCREMENT keeps versions from ever being reused, even when the
 * newest entry is replaced. Frozen: tables synced later get their triggers in the
 * migration that creates them.
 */
const TABLE_KEYS: readonly (readonly [string, string, string | null])[] = [
  ['brand_settings', 'id', null],
  ['staff_users', 'id', null],
  ['media', 'id', null],
  ['size_scales', 'id', null],
  ['products', 'id', null],
  ['colorways', 'id', null],
  ['skus', 'id', null],
  ['pricelists', 'id', null],
  ['prices', 'pricelist_id', 'sku_id'],
  ['markets', 'id', null],
  ['market_countries', 'country_code', null],
  ['warehouses', 'id', null],
  ['stock', 'sku_id', 'warehouse_id'],
  ['catalogs', 'id', null],
  ['catalog_products', 'catalog_id', 'product_id'],
  ['lookbooks', 'id', null],
  ['lookbook_pages', 'lookbook_id', 'position'],
  ['buyers', 'id', null],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table change_log (
      version integer primary key autoincrement,
      entity text not null,
      k1 text not null,
      k2 text not null default '',
      unique (entity, k1, k2)
    )`.execute(db);
  await sql`create index change_log_entity_version on change_log (entity, version)`.execute(db);

  for (const [table, k1, k2] of TABLE_KEYS) await createChangeLogTriggers(db, table, k1, k2);

  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) =>
      c.notNull().references('staff_users.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('last_applied_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('devices_user').on('devices').column('user_id').execute();

  await db.schema
    .createTable('sync_refusals')
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('mutation', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('args', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_refusals_pk', ['device_id', 'seq'])
    .execute();

  await db.schema
    .createTable('auth_failures')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_failures_key_at')
    .on('auth_failures')
    .columns(['key', 'at'])
    .execute();

  await db.schema
    .createTable('hub_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}
