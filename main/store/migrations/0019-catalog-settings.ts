import { sql, type Kysely } from 'kysely';
import {
  CATALOG_ADDRESS_FIELDS,
  DEFAULT_CATALOG_ADDRESS_FIELD,
  DEFAULT_CATALOG_PAYMENT_METHODS,
  MAX_CATALOG_SEASON,
} from '../../domain/catalogs.ts';

/**
 * A catalog's own settings, which a customer order link's override (main/domain/catalogs.ts):
 * its season, the checkout's address field (show / hide), the payment methods it allows
 * (a JSON array of PAYMENT_METHODS) and its shipping rate groups (a JSON array of group
 * ids; a group removed later is skipped when shipping is resolved, as for links). The
 * domain judges every value before a write; the checks keep a stray write out. Hub and
 * replica alike: adding columns moves no row, so the change log needs no new entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const addressFields = sql.join(CATALOG_ADDRESS_FIELDS.map((field) => sql.lit(field)));
  const payments = sql.lit(JSON.stringify(DEFAULT_CATALOG_PAYMENT_METHODS));
  await sql`alter table catalogs add column season text not null default ''
    check (length(season) <= ${sql.lit(MAX_CATALOG_SEASON)})`.execute(db);
  await sql`alter table catalogs add column address_field text not null
    default ${sql.lit(DEFAULT_CATALOG_ADDRESS_FIELD)}
    check (address_field in (${addressFields}))`.execute(db);
  await sql`alter table catalogs add column payment_methods text not null default ${payments}
    check (json_valid(payment_methods) and json_type(payment_methods) = 'array'
      and json_array_length(payment_methods) > 0)`.execute(db);
  await sql`alter table catalogs add column shipping_rate_group_ids text not null default '[]'
    check (json_valid(shipping_rate_group_ids)
      and json_type(shipping_rate_group_ids) = 'array')`.execute(db);
}
