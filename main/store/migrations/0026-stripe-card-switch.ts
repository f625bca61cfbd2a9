import { sql, type Kysely } from 'kysely';

/**
 * Whether the brand's Stripe Credit Card Payment add-on is on: synced, so a desktop
 * offers "Stripe Credit Card Payment" in the catalog and link forms offline too. The keys
 * stay on the hub (0026-hub-stripe-card-payments). Hub and replica alike: adding a column
 * moves no row, so the change log needs no new entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table brand_settings add column stripe_card_enabled integer not null default 0
    check (stripe_card_enabled in (0, 1))`.execute(db);
}
