import type { Id } from '../domain/model.ts';
import type { Decided } from '../domain/refusal.ts';
import {
  shippingRatesFor,
  shippingSettingsApply,
  type ResolvedShippingRate,
  type ShippingRate,
  type ShippingRateGroup,
  type ShippingRateRefusal,
  type ShippingSettings,
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
  levels: ShippingLevels = {},
): Promise<Decided<{ rates: ResolvedShippingRate[] }, ShippingRateRefusal>> {
  const { settings, groups } = await shippingSettings(db, levels);
  return shippingRatesFor(destination, settings, groups);
}

export interface ShippingLevels {
  linkGroupIds?: readonly Id[];
  catalogGroupIds?: readonly Id[];
}

/** Whether shipping rate groups apply to an order at these levels (then its address is required). */
export async function shippingApplies(db: StoreDb, levels: ShippingLevels = {}): Promise<boolean> {
  const { settings, groups } = await shippingSettings(db, levels);
  return shippingSettingsApply(settings, groups);
}

async function shippingSettings(db: StoreDb, levels: ShippingLevels) {
  const [groups, brand] = await Promise.all([
    readShippingRateGroups(db),
    db.selectFrom('brand_settings').select('default_shipping_rate_group_id').executeTakeFirst(),
  ]);
  const settings: ShippingSettings = {
    linkGroupIds: levels.linkGroupIds ?? [],
    catalogGroupIds: levels.catalogGroupIds ?? [],
    brandDefaultGroupId: brand?.default_shipping_rate_group_id ?? null,
  };
  return { settings, groups };
}
