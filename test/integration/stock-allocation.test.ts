import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { placeOrder } from '../../main/hub/orders/place-order.ts';
import {
  readAvailability,
  shippingWarehouse,
  writeAllocations,
} from '../../main/hub/orders/stock-allocation.ts';
import { hubDb, type StoreDb } from '../../main/store/database.ts';
import { openTestHubStore } from '../support/hub-engine.ts';
import { boothOrderRequest } from '../support/orders.ts';

/**
 * The guarded write behind every allocation: all of an order's lines are written in one
 * go, each only while the stock it takes is still there; one line that does not fit (a
 * caller that read availability outside its transaction) rolls the whole order back.
 */
describe('writing allocations', () => {
  let dir = '';
  let db: StoreDb;
  let close: () => Promise<void>;
  let warehouseId = '';
  let orderId = '';
  /** Three SKUs with 5, 5 and 0 units on hand. */
  let skuIds: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trunkshow-allocations-'));
    const store = await openTestHubStore(dir);
    db = store.db;
    close = () => store.close();
    await seedDemoBrand(db, { styles: 20, seed: 7, catalogDatesFrom: new Date() });
    const hub = hubDb(db);
    const buyer = await hub
      .selectFrom('buyers')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    warehouseId = (await shippingWarehouse(db, buyer.id))!;
    skuIds = (await hub.selectFrom('skus').select('id').orderBy('id').limit(4).execute()).map(
      (sku) => sku.id,
    );
    for (const [index, skuId] of skuIds.entries()) {
      const stock = { warehouse_id: warehouseId, sku_id: skuId, quantity: [5, 5, 0, 1][index]! };
      await hub
        .insertInto('stock')
        .values(stock)
        .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doUpdateSet(stock))
        .execute();
    }
    // An order holding the fourth SKU's one unit, for the lines below to join.
    orderId = uuidv7();
    await db.transaction().execute((trx) =>
      placeOrder(
        trx,
        { kind: 'system', reason: 'test' },
        boothOrderRequest({
          orderId,
          buyerId: buyer.id,
          lines: [{ skuId: skuIds[3]!, quantity: 1, unitPriceMinor: 1_000 }],
        }),
      ),
    );
  }, 60_000);

  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  const held = () =>
    hubDb(db)
      .selectFrom('order_allocations')
      .select(['sku_id', 'allocated', 'short'])
      .where('order_id', '=', orderId)
      .orderBy('sku_id')
      .execute();

  it('writes nothing when one line takes stock that is not there', async () => {
    const [a, b, none, taken] = skuIds as [string, string, string, string];
    await expect(
      db.transaction().execute((trx) =>
        writeAllocations(trx, orderId, warehouseId, [
          { skuId: a, size: '', quantity: 5, allocated: 5, short: 0 },
          { skuId: none, size: '', quantity: 1, allocated: 1, short: 0 },
          { skuId: b, size: '', quantity: 2, allocated: 2, short: 0 },
        ]),
      ),
    ).rejects.toThrow(`changed while order ${orderId} was allocated`);
    // The unit another order holds counts too.
    await expect(
      db
        .transaction()
        .execute((trx) =>
          writeAllocations(trx, orderId, warehouseId, [
            { skuId: taken, size: '', quantity: 1, allocated: 1, short: 0 },
          ]),
        ),
    ).rejects.toThrow(`changed while order ${orderId} was allocated`);
    expect(await held()).toEqual([{ sku_id: taken, allocated: 1, short: 0 }]);
  });

  it('writes every line that fits, and lines that take nothing whatever the stock', async () => {
    const [a, b, none] = skuIds as [string, string, string];
    await db.transaction().execute((trx) =>
      writeAllocations(trx, orderId, warehouseId, [
        { skuId: a, size: '', quantity: 5, allocated: 5, short: 0 },
        { skuId: b, size: '', quantity: 2, allocated: 2, short: 0 },
        { skuId: none, size: '', quantity: 3, allocated: 0, short: 3 },
      ]),
    );
    const { available } = await readAvailability(db, warehouseId, [a, b, none]);
    // A map by SKU: the engines return its rows in no particular order.
    expect(available).toEqual(
      new Map([
        [a, 0],
        [b, 3],
        [none, 0],
      ]),
    );
    expect(await held()).toHaveLength(4);
  });
});
