import { sql, type Kysely } from 'kysely';

/**
 * Share links with anonymous buyers. The brand's setting (off by default, 14 days, no
 * prepayment checkout) joins its settings row; each link keeps the SHA-256 of its
 * token, never the token, and its expiry as fixed when it was generated. A link keeps
 * its selection's id without a foreign key: a deleted selection's links stop working
 * and stay in the record. Opens are counted on the link so reps see them by sync.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table brand_settings add column share_links_enabled integer not null default 0
    check (share_links_enabled in (0, 1))`.execute(db);
  await sql`alter table brand_settings add column share_link_expiry_days integer not null default 14
    check (share_link_expiry_days between 1 and 366)`.execute(db);
  await sql`alter table brand_settings add column prepayment_checkout integer not null default 0
    check (prepayment_checkout in (0, 1))`.execute(db);

  await db.schema
    .createTable('share_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('selection_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.unique())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('open_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_opened_at', 'text')
    .execute();
  await db.schema
    .createIndex('share_links_selection')
    .on('share_links')
    .columns(['selection_id', 'created_at'])
    .execute();
}
