import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { AddressFields } from '../../main/domain/addresses.ts';
import { placeOrder, type PlaceOrderRequest } from '../../main/hub/orders/place-order.ts';
import { shippingWarehouse } from '../../main/hub/orders/stock-allocation.ts';
import { hubDb, type StoreDb } from '../../main/store/database.ts';
import type { OrderSource } from '../../main/domain/order-states.ts';

/**
 * A booth order as a rep's desktop pushes it to the hub's order service: placed now, paid
 * outside the app, with a delivery window, a PO number and the buyer's contact, approved
 * by the buyer's name; a new id (its idempotency key) each time unless given one.
 */
export function boothOrderRequest(
  order: Pick<PlaceOrderRequest, 'buyerId' | 'lines'> & Partial<PlaceOrderRequest>,
  extra: Partial<PlaceOrderRequest> = {},
): PlaceOrderRequest {
  return {
    orderId: uuidv7(),
    source: 'booth',
    online: false,
    status: 'Order',
    selectionId: 'booth-selection',
    shareLinkId: null,
    currency: 'EUR',
    discountBasisPoints: 0,
    shipTo: null,
    billTo: null,
    shipping: null,
    paymentMethod: 'outside_app',
    window: { shipStart: '2027-03-01', cancelDate: '2027-03-31' },
    poNumber: 'PO-77',
    note: '',
    contact: { name: 'Ines Duarte', email: 'ines@boutique.example', phone: '' },
    approvedBy: 'Ines Duarte',
    placedAt: new Date().toISOString(),
    audit: { action: 'order.placed', details: {} },
    ...order,
    ...extra,
  };
}

export interface HubOrder {
  orderId: string;
  number: string | null;
  buyerId: string;
  skuId: string;
  warehouseId: string;
}

/**
 * A booth order placed straight into a hub's store by the order service, for a buyer in a
 * selection that `ownerEmail` owns (so that rep is the buyer's rep for it), of `quantity`
 * units of one SS27 SKU stocked with `onHand` units in the warehouse the buyer ships from.
 */
export async function placeHubOrder(
  db: StoreDb,
  options: {
    ownerEmail: string;
    quantity: number;
    onHand: number;
    skip?: number;
    po?: string;
    /** Also `quantity` of every other size of the SKU's colourway (unstocked ones fall short). */
    sizeRun?: boolean;
    shipTo?: AddressFields;
  },
): Promise<HubOrder> {
  const hub = hubDb(db);
  const owner = await hub
    .selectFrom('staff_users')
    .select(['id', 'role'])
    .where('email', '=', options.ownerEmail)
    .executeTakeFirstOrThrow();
  const buyer = await hub
    .selectFrom('buyers as b')
    .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
    .select(['b.id', 'b.name', 'b.pricelist_id', 'b.discount_bp', 'p.currency'])
    .orderBy('b.id')
    .executeTakeFirstOrThrow();
  const warehouseId = (await shippingWarehouse(db, buyer.id))!;
  const sku = await hub
    .selectFrom('skus')
    .innerJoin('products as style', 'style.id', 'skus.product_id')
    .innerJoin('prices', (join) =>
      join
        .onRef('prices.sku_id', '=', 'skus.id')
        .on('prices.pricelist_id', '=', buyer.pricelist_id),
    )
    .select(['skus.id', 'skus.colorway_id', 'prices.wholesale_minor'])
    .where('style.style_number', 'like', 'SS27-%')
    .orderBy('skus.id')
    .offset(options.skip ?? 0)
    .limit(1)
    .executeTakeFirstOrThrow();
  await hub
    .insertInto('stock')
    .values({ warehouse_id: warehouseId, sku_id: sku.id, quantity: options.onHand })
    .onConflict((oc) =>
      oc.columns(['sku_id', 'warehouse_id']).doUpdateSet({ quantity: options.onHand }),
    )
    .execute();
  const run = options.sizeRun
    ? await hub
        .selectFrom('skus')
        .innerJoin('prices', (join) =>
          join
            .onRef('prices.sku_id', '=', 'skus.id')
            .on('prices.pricelist_id', '=', buyer.pricelist_id),
        )
        .select(['skus.id', 'prices.wholesale_minor'])
        .where('skus.colorway_id', '=', sku.colorway_id)
        .where('skus.id', '!=', sku.id)
        .execute()
    : [];
  const lines = [sku, ...run].map((line) => ({
    skuId: line.id,
    quantity: options.quantity,
    unitPriceMinor: line.wholesale_minor,
  }));
  const at = new Date().toISOString();
  const selectionId = uuidv7();
  await hub
    .insertInto('selections')
    .values({
      id: selectionId,
      buyer_id: buyer.id,
      owner_id: owner.id,
      name: `Booth ${options.po ?? 'order'}`,
      notes: '',
      created_at: at,
      updated_at: at,
    })
    .execute();
  const orderId = uuidv7();
  const placed = await db.transaction().execute((trx) =>
    placeOrder(
      trx,
      { kind: 'staff', userId: owner.id, role: owner.role, device: null },
      boothOrderRequest({
        orderId,
        buyerId: buyer.id,
        selectionId,
        currency: buyer.currency,
        discountBasisPoints: buyer.discount_bp,
        lines,
        shipTo: options.shipTo ?? null,
        billTo: options.shipTo ?? null,
        poNumber: options.po ?? '',
        contact: { name: buyer.name, email: 'orders@shop.example', phone: '' },
        approvedBy: buyer.name,
        placedAt: at,
      }),
    ),
  );
  return { orderId, number: placed.value.number, buyerId: buyer.id, skuId: sku.id, warehouseId };
}

/**
 * The orders from `source` that are not whole (maybe after a kill): each needs its lines,
 * its stock allocation, its first state, its audit row and, from a DTC link, its claim.
 */
export async function halfWrittenOrders(db: StoreDb, source: OrderSource): Promise<string[]> {
  const rows = await hubDb(db)
    .selectFrom('orders as o')
    .select('o.id')
    .where('o.source', '=', source)
    .where((eb) =>
      eb.or([
        eb.not(
          eb.exists(
            eb
              .selectFrom('order_lines as l')
              .select('l.order_id')
              .whereRef('l.order_id', '=', 'o.id'),
          ),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom('order_allocations as a')
              .select('a.order_id')
              .whereRef('a.order_id', '=', 'o.id'),
          ),
        ),
        eb.not(
          eb.exists(
            eb.selectFrom('order_events as e').select('e.id').whereRef('e.order_id', '=', 'o.id'),
          ),
        ),
        eb.not(
          eb.exists(
            eb
              .selectFrom('audit_log as a')
              .select('a.id')
              .where('a.subject', '=', sql<string>`'order:' || ${eb.ref('o.id')}`),
          ),
        ),
        eb.and([
          eb('o.dtc_link_id', 'is not', null),
          eb.not(
            eb.exists(
              eb.selectFrom('dtc_claims as c').select('c.id').whereRef('c.order_id', '=', 'o.id'),
            ),
          ),
        ]),
      ]),
    )
    .execute();
  return rows.map((row) => row.id);
}
