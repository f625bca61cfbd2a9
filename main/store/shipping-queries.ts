import { catalogShippingGroupIds } from '../domain/catalogs.ts';
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

/** SQLite bounds a statement's parameters; 500 ids a query stays far under it. */
const IDS_PER_QUERY = 500;

/**
 * The catalog level of an order's shipping: the rate groups of the catalogs holding the
 * ordered styles (by product id, or by SKU for an order's lines), as the domain orders them.
 */
export async function catalogGroupIdsOf(
  db: StoreDb,
  ordered: { productIds: Iterable<Id> } | { skuIds: Iterable<Id> },
): Promise<Id[]> {
  const ids = [...new Set('productIds' in ordered ? ordered.productIds : ordered.skuIds)];
  const catalogs = new Map<Id, { id: Id; name: string; shippingRateGroupIds: Id[] }>();
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const chunk = ids.slice(start, start + IDS_PER_QUERY);
    const rows = await db
      .selectFrom('catalogs as c')
      .select(['c.id', 'c.name', 'c.shipping_rate_group_ids'])
      .where('c.shipping_rate_group_ids', '!=', '[]')
      .where((eb) =>
        eb.exists(
          'productIds' in ordered
            ? eb
                .selectFrom('catalog_products as cp')
                .select('cp.product_id')
                .whereRef('cp.catalog_id', '=', 'c.id')
                .where('cp.product_id', 'in', chunk)
            : eb
                .selectFrom('catalog_products as cp')
                .innerJoin('skus as s', 's.product_id', 'cp.product_id')
                .select('cp.product_id')
                .whereRef('cp.catalog_id', '=', 'c.id')
                .where('s.id', 'in', chunk),
        ),
      )
      .execute();
    for (const row of rows) {
      catalogs.set(row.id, {
        id: row.id,
        name: row.name,
        shippingRateGroupIds: JSON.parse(row.shipping_rate_group_ids) as Id[],
      });
    }
  }
  return catalogShippingGroupIds([...catalogs.values()]);
}

/** The shipping levels of a placed order: the rate groups of the catalogs of its lines' styles. */
export async function orderShippingLevels(db: StoreDb, orderId: Id): Promise<ShippingLevels> {
  const lines = await db
    .selectFrom('order_lines')
    .select('sku_id')
    .where('order_id', '=', orderId)
    .execute();
  return { catalogGroupIds: await catalogGroupIdsOf(db, { skuIds: lines.map((l) => l.sku_id) }) };
}
