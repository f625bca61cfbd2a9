import { sql, type SqlBool } from 'kysely';
import type { Id } from '../domain/model.ts';
import { availableUnits } from '../domain/stock.ts';
import { replicaDb, type StoreDb } from '../store/database.ts';
import { shippingWarehouse, stockLevels } from '../store/stock-queries.ts';
import { placeBoothOrder } from '../sync/mutators/order-placement.ts';

/**
 * What a buyer can still be sold, as the rep sees it on the desktop, offline too: per
 * SKU, on hand − what the hub's orders hold (`stock.held`, synced) − what this device's
 * booth orders the hub has not yet taken ask, in the warehouse the buyer's market ships
 * from (the hub's own rule, main/store/stock-queries.ts).
 */
export interface DesktopAvailability {
  /** Null when the buyer's market ships from no warehouse: no stock is kept, nothing is short. */
  warehouse: { id: Id; name: string } | null;
  available: Map<Id, number>;
}

export async function desktopAvailability(
  db: StoreDb,
  buyerId: Id,
  skuIds: readonly Id[],
): Promise<DesktopAvailability> {
  const warehouseId = await shippingWarehouse(db, buyerId);
  if (warehouseId === null) return { warehouse: null, available: new Map() };
  const [warehouse, levels, pending] = await Promise.all([
    db
      .selectFrom('warehouses')
      .select(['id', 'name'])
      .where('id', '=', warehouseId)
      .executeTakeFirst(),
    stockLevels(db, warehouseId, skuIds),
    pendingBoothUnits(db, warehouseId),
  ]);
  const available = new Map(
    skuIds.map((skuId) => [skuId, availableUnits(levels.get(skuId), pending.get(skuId) ?? 0)]),
  );
  return { warehouse: warehouse ?? { id: warehouseId, name: '' }, available };
}

/**
 * Units per SKU that this device's booth orders still waiting for the hub ask of the
 * warehouse: the hub has not allocated them yet, so `held` does not count them. A
 * handful of orders at most; each buyer's warehouse is the same rule as the hub's.
 */
async function pendingBoothUnits(db: StoreDb, warehouseId: Id): Promise<Map<Id, number>> {
  const replica = replicaDb(db);
  const waiting = await replica
    .selectFrom('outbox')
    .innerJoin('orders as o', (join) =>
      join.on(sql<SqlBool>`o.id = substr(outbox.subject, ${'order:'.length + 1})`),
    )
    .select(['o.id', 'o.buyer_id'])
    .where('outbox.mutation', '=', placeBoothOrder.name)
    // A booth order always has its buyer; only a DTC order has none.
    .where('o.buyer_id', 'is not', null)
    .$narrowType<{ buyer_id: Id }>()
    .execute();
  const units = new Map<Id, number>();
  const warehouses = new Map<Id, Id | null>();
  for (const order of waiting) {
    if (!warehouses.has(order.buyer_id)) {
      warehouses.set(order.buyer_id, await shippingWarehouse(db, order.buyer_id));
    }
    if (warehouses.get(order.buyer_id) !== warehouseId) continue;
    const lines = await replica
      .selectFrom('order_lines')
      .select(['sku_id', 'quantity'])
      .where('order_id', '=', order.id)
      .execute();
    for (const line of lines) units.set(line.sku_id, (units.get(line.sku_id) ?? 0) + line.quantity);
  }
  return units;
}
