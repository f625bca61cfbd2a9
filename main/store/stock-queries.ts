import type { Id } from '../domain/model.ts';
import type { StockLevel } from '../domain/stock.ts';
import type { StoreDb } from './database.ts';

/**
 * Stock as both sides read it: the hub places orders from it, a desktop shows it to the
 * rep while quantities are typed, offline too (markets, buyers and stock rows with what
 * orders hold travel by sync).
 */

/**
 * The warehouse the buyer's market ships from: the market of the buyer's country, else
 * the market of the buyer's pricelist. Null when the market ships from none (a brand
 * that keeps no stock in Trunkshow): then nothing is checked or allocated.
 */
export async function shippingWarehouse(db: StoreDb, buyerId: Id): Promise<Id | null> {
  const row = await db
    .selectFrom('buyers as b')
    .select((eb) => [
      eb
        .selectFrom('market_countries as c')
        .innerJoin('markets as m', 'm.id', 'c.market_id')
        .select('m.warehouse_id')
        .whereRef('c.country_code', '=', 'b.country_code')
        .limit(1)
        .as('by_country'),
      eb
        .selectFrom('markets as m')
        .select('m.warehouse_id')
        .whereRef('m.pricelist_id', '=', 'b.pricelist_id')
        .where('m.warehouse_id', 'is not', null)
        .orderBy('m.id')
        .limit(1)
        .as('by_pricelist'),
    ])
    .where('b.id', '=', buyerId)
    .executeTakeFirst();
  return row?.by_country ?? row?.by_pricelist ?? null;
}

/** Each SKU's stock row in the warehouse (on hand, held); a SKU without a row is absent. */
export async function stockLevels(
  db: StoreDb,
  warehouseId: Id,
  skuIds: readonly Id[],
): Promise<Map<Id, StockLevel>> {
  const levels = new Map<Id, StockLevel>();
  // SQLite takes at most 32,766 bound values; a selection holds far fewer SKUs.
  for (let start = 0; start < skuIds.length; start += 10_000) {
    const rows = await db
      .selectFrom('stock')
      .select(['sku_id', 'quantity', 'held'])
      .where('warehouse_id', '=', warehouseId)
      .where('sku_id', 'in', skuIds.slice(start, start + 10_000))
      .execute();
    for (const row of rows) levels.set(row.sku_id, { quantity: row.quantity, held: row.held });
  }
  return levels;
}
