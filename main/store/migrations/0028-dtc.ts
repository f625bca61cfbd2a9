import { sql, type Kysely } from 'kysely';
import {
  MAX_CUSTOMER_ADDRESSES,
  MAX_CUSTOMER_PHONE,
  MAX_DTC_LINE_QUANTITY,
  MAX_DTC_LINK_TEMPLATE,
  MAX_DTC_SELECTION_NAME,
  MAX_TAX_RATE_BP,
} from '../../domain/dtc.ts';

/**
 * Direct-to-consumer selling (main/domain/dtc.ts), the tables hub and replica share:
 * DTC customers grow what a customer card shows (phone, country, addresses as JSON of
 * main/domain/addresses.ts's fields) and become synced; a DTC selection is a customer's
 * basket in one market and pricelist, its lines with an optional special price; a
 * checkout link is made from a saved selection, its token kept only as a SHA-256 (the
 * hub's alone). Tax rates per country, whether a market's retail prices include tax,
 * and the brand's link template (null: the hub's own checkout page).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table dtc_customers add column phone text not null default ''
    check (length(phone) <= ${sql.lit(MAX_CUSTOMER_PHONE)})`.execute(db);
  await sql`alter table dtc_customers add column country_code text not null default ''
    check (country_code = '' or length(country_code) = 2)`.execute(db);
  await sql`alter table dtc_customers add column addresses text not null default '[]'
    check (json_valid(addresses) and json_type(addresses) = 'array'
      and json_array_length(addresses) <= ${sql.lit(MAX_CUSTOMER_ADDRESSES)})`.execute(db);
  await sql`alter table dtc_customers add column created_by text`.execute(db);
  await sql`alter table dtc_customers add column created_at text not null default ''`.execute(db);
  await sql`alter table dtc_customers add column updated_at text not null default ''`.execute(db);
  // The foundation's name and email columns keep no length check: the domain's limits are
  // checked at every door, and rebuilding the table for them is not worth a migration.

  await sql`create table dtc_selections (
    id text primary key,
    customer_id text not null references dtc_customers (id),
    owner_id text not null references staff_users (id),
    market_id text not null references markets (id),
    pricelist_id text not null references pricelists (id),
    name text not null check (length(name) between 1 and ${sql.lit(MAX_DTC_SELECTION_NAME)}),
    created_at text not null,
    updated_at text not null,
    deleted_at text,
    deleted_by_order_id text
  )`.execute(db);
  await sql`create index dtc_selections_customer on dtc_selections (customer_id, updated_at)`.execute(
    db,
  );
  await sql`create table dtc_selection_lines (
    selection_id text not null references dtc_selections (id) on delete cascade,
    sku_id text not null references skus (id),
    quantity integer not null check (quantity between 1 and ${sql.lit(MAX_DTC_LINE_QUANTITY)}),
    special_price_minor integer check (special_price_minor is null or special_price_minor >= 0),
    added_at text not null,
    primary key (selection_id, sku_id)
  )`.execute(db);

  await sql`create table dtc_links (
    id text primary key,
    selection_id text not null references dtc_selections (id),
    token_hash text unique,
    lock_quantities integer not null check (lock_quantities in (0, 1)),
    ignore_shipping integer not null check (ignore_shipping in (0, 1)),
    ignore_tax integer not null check (ignore_tax in (0, 1)),
    created_by text not null,
    created_at text not null,
    claim_count integer not null default 0 check (claim_count >= 0),
    purchased_at text,
    purchase_order_id text unique,
    killed_at text,
    killed_by text
  )`.execute(db);
  await sql`create index dtc_links_selection on dtc_links (selection_id, created_at)`.execute(db);

  await sql`create table tax_rates (
    country_code text primary key check (length(country_code) = 2),
    rate_bp integer not null check (rate_bp between 0 and ${sql.lit(MAX_TAX_RATE_BP)}),
    updated_at text not null
  )`.execute(db);
  await sql`alter table markets add column prices_include_tax integer not null default 1
    check (prices_include_tax in (0, 1))`.execute(db);
  await sql`alter table brand_settings add column dtc_link_template text
    check (dtc_link_template is null or length(dtc_link_template) <= ${sql.lit(MAX_DTC_LINK_TEMPLATE)})`.execute(
    db,
  );
}
