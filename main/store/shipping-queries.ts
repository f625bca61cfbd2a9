import type { Id } from '../domain/model.ts';
import type { Decided } from '../domain/refusal.ts';
import {
  shippingRatesFor,
  type ResolvedShippingRate,
  type ShippingRate,
  type ShippingRateGroup,
  type ShippingRateRefusal,
} from '../domain/shipping-rates.ts';
import type { StoreDb } from './database.ts';

/** Every shipping rate group, by id, rates parsed: a brand has a handful. */
export async function readShippingRateGroups(db: StoreDb): Promise<Map<Id, ShippingRateGroup>> {
  const rows = await db
    .selectFrom('shipping_rate_groups')
    .select(['id', 'name', 'rates'])
    .orderBy('name')
    .orderBy('id')
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      { id: row.id, name: row.name, rates: JSON.parse(row.rates) as ShippingRate[] },
    ]),
  );
}

/**
 * The rates an order to `destination` may choose from, on the hub or a replica alike:
 * the link's groups first, then its catalogs', then the brand's default
 * (main/domain/shipping-rates.ts decides). A booth order passes no link or catalog groups.
 */
export async function shippingOptions(
  db: StoreDb,
  destination: { country: string; currency: string },
  levels: { linkGroupIds?: readonly Id[]; catalogGroupIds?: readonly Id[] } = {},
): Promise<Decided<{ rates: ResolvedShippingRate[] }, ShippingRateRefusal>> {
  const [groups, settings] = await Promise.all([
    readShippingRateGroups(db),
    db.selectFrom('brand_settings').select('default_shipping_rate_group_id').executeTakeFirst(),
  ]);
  return shippingRatesFor(
    destination,
    {
      linkGroupIds: levels.linkGroupIds ?? [],
      catalogGroupIds: levels.catalogGroupIds ?? [],
      brandDefaultGroupId: settings?.default_shipping_rate_group_id ?? null,
    },
    groups,
  );
}
