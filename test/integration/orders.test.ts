import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { STOCK_HOLDING_STATES } from '../../main/domain/order-states.ts';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { changeOrderState } from '../../main/hub/orders/change-state.ts';
import { placeOrder, type PlaceOrderRequest } from '../../main/hub/orders/place-order.ts';
import type { OrderPrincipal } from '../../main/hub/orders/principal.ts';
import { readAvailability, shippingWarehouse } from '../../main/hub/orders/stock-allocation.ts';
import { hubDb, type StoreDb } from '../../main/store/database.ts';
import { openTestHubStore } from '../support/hub-engine.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { boothOrderRequest } from '../support/orders.ts';
import { insertSharedSelection } from '../support/shared-selection.ts';

/**
 * The order service: stock allocated in the placing transaction, never negative and
 * never twice, even when buyers race for the last units through two hub processes; a
 * booth order over availability is a fact, kept with its units short; cancelling gives
 * the stock back; numbers are the brand's sequence; a retry gets the first answer.
 */

interface Stocked {
  buyerId: string;
  warehouseId: string;
  skuId: string;
  size: string;
}

/** A buyer, the warehouse its market ships from and one of its SKUs with `units` on hand. */
async function stockedSku(db: StoreDb, units: number, skip = 0): Promise<Stocked> {
  const hub = hubDb(db);
  const buyer = await hub.selectFrom('buyers').select('id').orderBy('id').executeTakeFirstOrThrow();
  const warehouseId = (await shippingWarehouse(db, buyer.id))!;
  expect(warehouseId).toBeTruthy();
  // SS27: the demo's season buyers may order from (its catalog dates count from today).
  const sku = await hub
    .selectFrom('skus')
    .innerJoin('products as style', 'style.id', 'skus.product_id')
    .select(['skus.id', 'skus.size'])
    .where('style.style_number', 'like', 'SS27-%')
    .orderBy('skus.id')
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
  await hub
    .insertInto('stock')
    .values({ warehouse_id: warehouseId, sku_id: sku.id, quantity: units })
    .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doUpdateSet({ quantity: units }))
    .execute();
  return { buyerId: buyer.id, warehouseId, skuId: sku.id, size: sku.size };
}

async function available(db: StoreDb, stocked: Stocked): Promise<number> {
  const { available } = await readAvailability(db, stocked.warehouseId, [stocked.skuId]);
  return available.get(stocked.skuId)!;
}

/**
 * Stock rows whose `held` is not what the allocations of orders holding stock add up to:
 * none, whatever was placed and cancelled (the desktop reads `held` as the truth).
 */
async function heldDrift(db: StoreDb) {
  const holding = sql.join(STOCK_HOLDING_STATES.map((state) => sql.lit(state)));
  const rows = await sql<{ sku_id: string; held: number; allocated: number }>`
    select st.sku_id, st.held, coalesce((select sum(a.allocated) from order_allocations a
      join orders o on o.id = a.order_id where a.sku_id = st.sku_id
        and a.warehouse_id = st.warehouse_id and o.status in (${holding})), 0) as allocated
    from stock st`.execute(db);
  return rows.rows.filter((row) => row.held !== row.allocated);
}

describe('online checkouts racing for the last units', () => {
  let dir = '';
  const hubs: HubProcess[] = [];
  /** Per race: the SKU and 20 links to a selection of one unit of it (limits are per link). */
  const races: { stocked: Stocked; tokens: string[] }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trunkshow-orders-race-'));
    const store = await openTestHubStore(dir);
    await seedDemoBrand(store.db, { styles: 20, seed: 5, catalogDatesFrom: new Date() });
    for (const skip of [0, 1]) {
      const stocked = await stockedSku(store.db, 10, skip);
      const tokens: string[] = [];
      for (let i = 0; i < 20; i++) {
        tokens.push(
          await insertSharedSelection(store.db, {
            buyerId: stocked.buyerId,
            skuIds: [stocked.skuId],
            name: `Race ${skip}.${i}`,
            quantity: 1,
          }),
        );
      }
      races.push({ stocked, tokens });
    }
    await store.close();
    // Each try comes from its own address (as phones at a booth do), so only stock decides.
    const options = ['--trust-proxy', '127.0.0.1'];
    hubs.push(await spawnHub(dir, options), await spawnHub(dir, options));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(hubs.map((hub) => hub.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function race(index: number, hubCount: number) {
    const { stocked, tokens } = races[index]!;
    const tries = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const response = await fetch(`${hubs[i % hubCount]!.url}/api/share/checkout`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `10.${index}.${Math.floor(i / 250)}.${i % 250}`,
          },
          body: JSON.stringify({
            token: tokens[i % tokens.length],
            orderId: uuidv7(),
            name: 'Ines Duarte',
            email: 'ines@boutique.example',
            phone: '',
            note: '',
          }),
        });
        return {
          status: response.status,
          body: (await response.json()) as { orderId?: string; error?: unknown },
        };
      }),
    );
    const placed = tries.filter((answer) => answer.status === 201);
    expect(placed).toHaveLength(10);
    const refused = tries.filter((answer) => answer.status !== 201);
    expect(refused).toHaveLength(90);
    for (const { status, body } of refused) {
      expect(status).toBe(409);
      expect(body.error).toMatchObject({
        code: 'insufficient_stock',
        params: { skuId: stocked.skuId, size: stocked.size, asked: 1, available: 0 },
        refusals: [{ code: 'insufficient_stock', params: { size: stocked.size } }],
      });
    }

    const store = await openTestHubStore(dir);
    try {
      expect(await available(store.db, stocked)).toBe(0);
      const held = await hubDb(store.db)
        .selectFrom('order_allocations')
        .select((eb) => [eb.fn.sum<number>('allocated').as('units'), eb.fn.countAll().as('n')])
        .where('sku_id', '=', stocked.skuId)
        .executeTakeFirstOrThrow();
      expect(held).toEqual({ units: 10, n: 10 });
      const orders = await hubDb(store.db)
        .selectFrom('orders')
        .select(['id', 'number'])
        .where(
          'id',
          'in',
          placed.map((answer) => answer.body.orderId!),
        )
        .execute();
      expect(orders).toHaveLength(10);
      expect(new Set(orders.map((order) => order.number)).size).toBe(10);
    } finally {
      await store.close();
    }
  }

  it('to one hub: exactly 10 orders for 10 units, the others refused naming the size', async () => {
    await race(0, 1);
  }, 120_000);

  it('to two hub processes sharing a store: the same', async () => {
    await race(1, 2);
  }, 120_000);
});

describe('the order service', () => {
  let dir = '';
  let db: StoreDb;
  let close: () => Promise<void>;
  let stocked: Stocked;
  let staff: OrderPrincipal;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trunkshow-orders-'));
    const store = await openTestHubStore(dir);
    db = store.db;
    close = () => store.close();
    await seedDemoBrand(db, { styles: 20, seed: 5, catalogDatesFrom: new Date() });
    stocked = await stockedSku(db, 10);
    const admin = await hubDb(db)
      .selectFrom('staff_users')
      .select('id')
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    staff = { kind: 'staff', userId: admin.id, role: 'admin', device: null };
  }, 60_000);

  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = (quantity: number, extra: Partial<PlaceOrderRequest> = {}) =>
    boothOrderRequest(
      {
        buyerId: stocked.buyerId,
        lines: [{ skuId: stocked.skuId, quantity, unitPriceMinor: 4_500 }],
      },
      extra,
    );

  const place = (principal: OrderPrincipal, wanted: PlaceOrderRequest) =>
    db.transaction().execute((trx) => placeOrder(trx, principal, wanted));

  it('accepts a booth order over availability with its units short, numbered in sequence', async () => {
    const first = await place(staff, request(4));
    expect(first).toEqual({
      created: true,
      value: expect.objectContaining({
        number: `SO-${year}-00001`,
        status: 'Order',
        unitsShort: 0,
      }),
    });
    const over = await place(staff, request(9));
    expect(over.value).toMatchObject({ number: `SO-${year}-00002`, unitsShort: 3 });
    expect(await available(db, stocked)).toBe(0);
    const allocation = await hubDb(db)
      .selectFrom('order_allocations')
      .select(['allocated', 'short'])
      .where('order_id', '=', over.value.orderId)
      .executeTakeFirstOrThrow();
    expect(allocation).toEqual({ allocated: 6, short: 3 });
    const row = await hubDb(db)
      .selectFrom('orders')
      .select(['units_short', 'po_number', 'ship_start', 'cancel_date', 'approved_by'])
      .where('id', '=', over.value.orderId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      units_short: 3,
      po_number: 'PO-77',
      ship_start: '2027-03-01',
      cancel_date: '2027-03-31',
      approved_by: 'Ines Duarte',
    });
  });

  it('refuses an online order per size when stock is short, writing nothing', async () => {
    const online = request(1, { online: true, source: 'share_link', status: 'Checkout Requested' });
    await expect(place({ kind: 'system', reason: 'test' }, online)).rejects.toMatchObject({
      code: 'insufficient_stock',
      extra: { params: { size: stocked.size, asked: 1, available: 0 } },
    });
    const written = await hubDb(db)
      .selectFrom('orders')
      .select('id')
      .where('id', '=', online.orderId)
      .execute();
    expect(written).toEqual([]);
    // The counter gave nothing away: the next order is the third.
    const next = await place(staff, request(1));
    expect(next.value.number).toBe(`SO-${year}-00003`);
    await db.transaction().execute((trx) =>
      changeOrderState(trx, staff, next.value.orderId, 'cancel', {
        at: new Date().toISOString(),
        reason: 'Entered twice',
      }),
    );
  });

  it('gives a retry the first answer, and refuses the id from another source', async () => {
    const wanted = request(1);
    const first = await place(staff, wanted);
    const again = await place(staff, { ...wanted, lines: [] });
    expect(again).toEqual({ created: false, value: first.value });
    await expect(
      place(staff, { ...wanted, source: 'share_link', shareLinkId: 'another-link' }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps stock never negative and never allocated twice, whatever orders and cancels come', async () => {
    const skus = await Promise.all([1, 2, 3].map((skip) => stockedSku(db, 0, skip)));
    const operation = fc.oneof(
      fc.record({
        kind: fc.constant('place' as const),
        online: fc.boolean(),
        quantities: fc.tuple(fc.nat(6), fc.nat(6), fc.nat(6)),
      }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(fc.nat(12), fc.nat(12), fc.nat(12)),
        fc.array(operation, { maxLength: 12 }),
        async (onHand, operations) => {
          await hubDb(db).deleteFrom('orders').where('selection_id', '=', 'property').execute();
          for (const [i, sku] of skus.entries()) {
            // A fresh run: the orders deleted above held nothing any more.
            await hubDb(db)
              .updateTable('stock')
              .set({ quantity: onHand[i]!, held: 0 })
              .where('sku_id', '=', sku.skuId)
              .where('warehouse_id', '=', sku.warehouseId)
              .execute();
          }
          // The model: what each SKU has left, and what each live order holds.
          const left = [...onHand];
          const live: { id: string; held: number[] }[] = [];
          for (const step of operations) {
            if (step.kind === 'cancel') {
              const order = live.splice(step.pick % Math.max(1, live.length), 1)[0];
              if (!order) continue;
              await db.transaction().execute((trx) =>
                changeOrderState(trx, staff, order.id, 'cancel', {
                  at: new Date().toISOString(),
                  reason: 'Property',
                }),
              );
              order.held.forEach((units, i) => (left[i]! += units));
              continue;
            }
            const lines = skus.flatMap((sku, i) =>
              step.quantities[i]! > 0
                ? [{ skuId: sku.skuId, quantity: step.quantities[i]!, unitPriceMinor: 100 }]
                : [],
            );
            if (lines.length === 0) continue;
            const wanted = request(1, {
              online: step.online,
              selectionId: 'property',
              lines,
            });
            const fits = step.quantities.every((quantity, i) => quantity <= left[i]!);
            if (step.online && !fits) {
              await expect(place(staff, wanted)).rejects.toMatchObject({
                code: 'insufficient_stock',
              });
              continue;
            }
            const placed = await place(staff, wanted);
            const held = step.quantities.map((quantity, i) => Math.min(quantity, left[i]!));
            held.forEach((units, i) => (left[i]! -= units));
            const short = step.quantities.reduce(
              (sum, quantity, i) => sum + quantity - held[i]!,
              0,
            );
            expect(placed.value.unitsShort).toBe(short);
            live.push({ id: placed.value.orderId, held });
          }
          for (const [i, sku] of skus.entries()) {
            expect(await available(db, sku)).toBe(left[i]);
            expect(left[i]).toBeGreaterThanOrEqual(0);
          }
          expect(await heldDrift(db)).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);

  it('releases the stock of a cancelled order, with a reason, in its history', async () => {
    const before = await available(db, stocked);
    const order = await hubDb(db)
      .selectFrom('orders')
      .select('id')
      .where('units_short', '=', 3)
      .where('selection_id', '=', 'booth-selection')
      .executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    await expect(
      db.transaction().execute((trx) => changeOrderState(trx, staff, order.id, 'cancel', { at })),
    ).rejects.toMatchObject({ code: 'cancel_reason_required' });
    const changed = await db
      .transaction()
      .execute((trx) =>
        changeOrderState(trx, staff, order.id, 'cancel', { at, reason: 'Buyer withdrew' }),
      );
    expect(changed).toEqual({ orderId: order.id, from: 'Order', to: 'Cancelled' });
    expect(await available(db, stocked)).toBe(before + 6);
    const events = await hubDb(db)
      .selectFrom('order_events')
      .select(['from_state', 'to_state', 'reason'])
      .where('order_id', '=', order.id)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { from_state: null, to_state: 'Order', reason: '' },
      { from_state: 'Order', to_state: 'Cancelled', reason: 'Buyer withdrew' },
    ]);
    await expect(
      db.transaction().execute((trx) => changeOrderState(trx, staff, order.id, 'confirm', { at })),
    ).rejects.toMatchObject({ code: 'order_not_in_state' });
  });
});
