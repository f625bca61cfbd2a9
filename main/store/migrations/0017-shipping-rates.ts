import { sql, type Kysely } from 'kysely';
import { MAX_RATE_GROUP_NAME } from '../../domain/shipping-rates.ts';

/**
 * Shipping rate groups, the master data the customer-order-links spec asks a brand to
 * create before links can charge shipping: a name and its rates (one per country and
 * currency, JSON of main/domain/shipping-rates.ts's ShippingRate, checked there before
 * any write), so a group travels and changes as one row. The brand's default group is
 * what a booth order or a link without its own groups charges.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table shipping_rate_groups (
    id text primary key,
    name text not null check (length(name) between 1 and ${sql.lit(MAX_RATE_GROUP_NAME)}),
    rates text not null default '[]' check (json_valid(rates) and json_type(rates) = 'array'),
    created_at text not null,
    updated_at text not null
  )`.execute(db);
  await sql`alter table brand_settings add column default_shipping_rate_group_id text
    references shipping_rate_groups (id) on delete set null`.execute(db);
}
