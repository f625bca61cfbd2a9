import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { hubDb } from '../../main/store/database.ts';
import { openTestHubStore } from '../support/hub-engine.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { insertSharedSelection, orderableSkuIds } from '../support/shared-selection.ts';

/**
 * A buyer's checkout retried at once (a double tap, a lost answer, a phone on a flaky
 * booth network) may reach two hub processes sharing one store at the same moment: one
 * order comes of it, and every try gets the same answer.
 */
let dir = '';
let token = '';
const hubs: HubProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-checkout-race-'));
  const store = await openTestHubStore(dir);
  await seedDemoBrand(store.db, { styles: 20, seed: 3, catalogDatesFrom: new Date() });
  const hub = hubDb(store.db);
  const buyer = await hub.selectFrom('buyers').select('id').orderBy('id').executeTakeFirstOrThrow();
  token = await insertSharedSelection(store.db, {
    buyerId: buyer.id,
    skuIds: await orderableSkuIds(store.db, 6),
    name: 'Race',
  });
  await store.close();
  hubs.push(await spawnHub(dir), await spawnHub(dir));
}, 120_000);

afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('a checkout sent many times at once to two hub processes', () => {
  it('places one order, and every try gets the same answer', async () => {
    const orderId = uuidv7();
    const tries = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const response = await fetch(`${hubs[i % 2]!.url}/api/share/checkout`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            token,
            orderId,
            name: 'Ines Duarte',
            email: 'ines@boutique.example',
            phone: '',
            note: '',
          }),
        });
        return { status: response.status, body: await response.json() };
      }),
    );
    const statuses = tries.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 201 && status !== 200)).toEqual([]);
    for (const { body } of tries) {
      expect(body).toMatchObject({ orderId, status: 'Checkout Requested' });
    }

    const store = await openTestHubStore(dir);
    try {
      const orders = await hubDb(store.db)
        .selectFrom('orders')
        .select('id')
        .where('id', '=', orderId)
        .execute();
      expect(orders).toHaveLength(1);
      const lines = await hubDb(store.db)
        .selectFrom('order_lines')
        .select('sku_id')
        .where('order_id', '=', orderId)
        .execute();
      expect(lines).toHaveLength(6);
    } finally {
      await store.close();
    }
  }, 120_000);
});
