import { sql, type Kysely } from 'kysely';
import { CATALOG_ADDRESS_FIELDS } from '../../domain/catalogs.ts';
import { MAX_LINK_DESCRIPTION, MAX_LINK_NAME } from '../../domain/customer-order-links.ts';

/**
 * Customer order links (main/domain/customer-order-links.ts): one row a link, its lists
 * (catalogs, payment methods, rate groups, lookbooks, contacts) and media as JSON the
 * domain checks before any write, so a link travels and changes as one row. The token
 * is kept only as its SHA-256; the hub's migration keeps what only it may hold.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const addressFields = sql.join(CATALOG_ADDRESS_FIELDS.map((field) => sql.lit(field)));
  const jsonArray = (column: string) =>
    sql.raw(
      `${column} text not null default '[]' check (json_valid(${column}) and json_type(${column}) = 'array')`,
    );
  await sql`create table customer_order_links (
    id text primary key,
    token_hash text unique,
    name text not null check (length(name) between 1 and ${sql.lit(MAX_LINK_NAME)}),
    description text not null default ''
      check (length(description) <= ${sql.lit(MAX_LINK_DESCRIPTION)}),
    view_only integer not null default 0 check (view_only in (0, 1)),
    offline_buyer_transition integer not null default 0
      check (offline_buyer_transition in (0, 1)),
    address_field text not null default 'show' check (address_field in (${addressFields})),
    release_at text,
    expires_at text,
    passcode_enabled integer not null default 0 check (passcode_enabled in (0, 1)),
    ${jsonArray('catalog_ids')},
    ${jsonArray('payment_methods')},
    ${jsonArray('shipping_rate_group_ids')},
    video text check (video is null or json_valid(video)),
    background text not null default '{"kind":"empty"}' check (json_valid(background)),
    ${jsonArray('lookbook_ids')},
    ${jsonArray('contacts')},
    created_by text not null,
    created_at text not null,
    updated_at text not null,
    disabled_at text,
    disabled_by text,
    open_count integer not null default 0 check (open_count >= 0),
    last_opened_at text
  )`.execute(db);
  await sql`create index customer_order_links_created on customer_order_links (created_at, id)`.execute(
    db,
  );
}
