import type { Kysely } from 'kysely';

/**
 * The brand's public address: where buyers reach the hub (e.g. https://showroom.brand.com
 * behind the brand's proxy). Every link, QR code and email carries it; null means the
 * hub's own address. Synced, so every desktop builds links with it. Hub and replica alike:
 * adding a column moves no row, so the change log needs no new entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('brand_settings').addColumn('public_url', 'text').execute();
}
