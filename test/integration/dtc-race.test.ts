import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { hubDb, type Store, type StoreDb } from '../../main/store/database.ts';
import { customerBuys, insertDtcLink, setStock, type CustomerTry } from '../support/dtc.ts';
import { openTestHubStore } from '../support/hub-engine.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { halfWrittenOrders } from '../support/orders.ts';
import { orderableSkuIds } from '../support/shared-selection.ts';

/**
 * The spec's warning, at its worst: a link sent to many people at once, all of them
 * buying at the same moment, from a market whose warehouse holds one unit. Every claim
 * is answered, one order is placed, the link dies with it and its selection is deleted
 * once, stock never goes below zero, and a purchase retried gets its first answer. Then
 * the same burst with the hub SIGKILLed in the middle of it: after a restart every
 * acknowledged purchase is there once, and nothing is half-written.
 */
const TRUST_LOOPBACK = ['--trust-proxy', '127.0.0.1'];
const dirs: string[] = [];
const hubs: HubProcess[] = [];
/** Each test's store, opened beside its hubs to seed and then to read. */
const stores: Store[] = [];

afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.stop()));
  await Promise.all(stores.splice(0).map((store) => store.close()));
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A demo hub's data folder with `links` links of one line each, stock for one unit each. */
async function seeded(links: number) {
  const dir = mkdtempSync(join(tmpdir(), 'trunkshow-dtc-race-'));
  dirs.push(dir);
  const store = await openTestHubStore(dir);
  stores.push(store);
  await seedDemoBrand(store.db, { styles: 20, seed: 3, catalogDatesFrom: new Date() });
  const skus = await orderableSkuIds(store.db, links);
  const made = [];
  for (const skuId of skus) {
    const link = await insertDtcLink(store.db, { lines: [{ skuId, quantity: 1 }] });
    await setStock(store.db, link.warehouseId!, [skuId], 1);
    made.push(link);
  }
  return { dir, store, made };
}

const address = (i: number) => `10.0.${Math.floor(i / 200)}.${(i % 200) + 1}`;

/**
 * What the store says of each link: its orders, claims and the state of its stock and
 * selection. `db` is a store opened beside the hubs (maybe after a kill); it only reads.
 */
async function linkFacts(db: StoreDb, linkId: string) {
  const hub = hubDb(db);
  return {
    link: await hub
      .selectFrom('dtc_links')
      .select(['claim_count', 'purchased_at', 'purchase_order_id'])
      .where('id', '=', linkId)
      .executeTakeFirstOrThrow(),
    orders: await hub
      .selectFrom('orders')
      .select('id')
      .where('dtc_link_id', '=', linkId)
      .orderBy('id')
      .execute(),
    claims: await hub
      .selectFrom('dtc_claims')
      .select('order_id')
      .where('link_id', '=', linkId)
      .execute(),
    selection: await hub
      .selectFrom('dtc_selections as s')
      .innerJoin('dtc_links as l', 'l.selection_id', 's.id')
      .select(['s.deleted_at', 's.deleted_by_order_id'])
      .where('l.id', '=', linkId)
      .executeTakeFirstOrThrow(),
    stock: await hub
      .selectFrom('stock as st')
      .innerJoin('dtc_selection_lines as sl', 'sl.sku_id', 'st.sku_id')
      .innerJoin('dtc_links as l', 'l.selection_id', 'sl.selection_id')
      .innerJoin('dtc_selections as s', 's.id', 'l.selection_id')
      .innerJoin('markets as m', (join) =>
        join.onRef('m.id', '=', 's.market_id').onRef('m.warehouse_id', '=', 'st.warehouse_id'),
      )
      .select(['st.quantity', 'st.held'])
      .where('l.id', '=', linkId)
      .execute(),
  };
}

async function dtcOrders(db: StoreDb): Promise<string[]> {
  const rows = await hubDb(db)
    .selectFrom('orders')
    .select('id')
    .where('source', '=', 'dtc_link')
    .execute();
  return rows.map((row) => row.id);
}

describe('100 customers buying one DTC link at the same moment, with stock for one', () => {
  it('places one order; every claim is answered, retries included, and the link dies once', async () => {
    const { dir, store, made } = await seeded(1);
    const link = made[0]!;
    hubs.push(await spawnHub(dir, TRUST_LOOPBACK), await spawnHub(dir, TRUST_LOOPBACK));
    const tries = await Promise.all(
      Array.from({ length: 100 }, (_, i) => customerBuys(hubs[i % 2]!.url, link, address(i), 2)),
    );

    for (const one of tries) {
      expect(one.claimStatus).toBe(200);
      expect(['claimed', 'used']).toContain(one.outcome);
      // Both sends of one purchase get one answer.
      if (one.purchases.length === 2) {
        expect(one.purchases[0]!.body).toEqual(one.purchases[1]!.body);
      }
    }
    const placed = tries.filter((one) => one.purchases.some((p) => p.status === 201));
    expect(placed).toHaveLength(1);
    const winner = placed[0]!;
    expect(winner.purchases.map((p) => p.status).sort()).toEqual([200, 201]);
    const refusals = tries
      .filter((one) => one !== winner)
      .flatMap((one) => one.purchases.map((p) => p.body.error?.code));
    expect(new Set(refusals)).toEqual(new Set(refusals.length > 0 ? ['insufficient_stock'] : []));

    const facts = await linkFacts(store.db, link.linkId);
    expect(facts.orders).toEqual([{ id: winner.orderId }]);
    expect(facts.link.purchase_order_id).toBe(winner.orderId);
    expect(facts.link.claim_count).toBe(tries.filter((one) => one.outcome === 'claimed').length);
    expect(facts.claims).toHaveLength(facts.link.claim_count);
    expect(facts.claims.filter((claim) => claim.order_id !== null)).toHaveLength(1);
    expect(facts.selection.deleted_by_order_id).toBe(winner.orderId);
    expect(facts.stock).toEqual([{ quantity: 1, held: 1 }]);
    expect(await halfWrittenOrders(store.db, 'dtc_link')).toEqual([]);
  }, 120_000);
});

describe('the hub SIGKILLed in the middle of the burst', () => {
  it('keeps every acknowledged purchase once, and nothing half-written', async () => {
    const { dir, store, made } = await seeded(10);
    const first = await spawnHub(dir, TRUST_LOOPBACK);
    hubs.push(first);
    const port = Number(new URL(first.url).port);
    // 100 customers over ten links; the kill lands while their claims and purchases run.
    const burst = Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        customerBuys(first.url, made[i % made.length]!, address(i), 2).catch(() => null),
      ),
    );
    // Killed once the first purchase has committed, while the rest are in flight.
    const deadline = Date.now() + 30_000;
    while ((await dtcOrders(store.db)).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await first.kill();
    const everyone = await burst;
    // The kill cut the burst: some customers got no answer at all.
    expect(everyone.filter((one) => one === null).length).toBeGreaterThan(0);
    const answered = everyone.filter((one): one is CustomerTry => one !== null);

    const again = await spawnHub(dir, TRUST_LOOPBACK, port);
    hubs.push(again);
    const acknowledged = answered.flatMap((one) =>
      one.purchases.some((p) => p.status === 201 || p.status === 200) ? [one.orderId] : [],
    );
    const orders = await dtcOrders(store.db);
    for (const orderId of acknowledged) {
      expect(orders.filter((id) => id === orderId)).toHaveLength(1);
    }
    expect(await halfWrittenOrders(store.db, 'dtc_link')).toEqual([]);
    for (const link of made) {
      const facts = await linkFacts(store.db, link.linkId);
      // One unit each: at most one order a link, and when there is one the link and
      // its selection say so; the claims counted are the claims kept.
      expect(facts.orders.length).toBeLessThanOrEqual(1);
      expect(facts.claims).toHaveLength(facts.link.claim_count);
      const order = facts.orders[0]?.id ?? null;
      expect(facts.link.purchase_order_id).toBe(order);
      expect(facts.selection.deleted_by_order_id).toBe(order);
      expect(facts.stock).toEqual([{ quantity: 1, held: order === null ? 0 : 1 }]);
    }

    // Retried on the restarted hub, each purchase gets its first answer, or is
    // placed now if it never was; still at most one order a link.
    const retried = await Promise.all(
      answered.map((one) => (one.resend ? one.resend() : Promise.resolve(null))),
    );
    answered.forEach((one, index) => {
      if (acknowledged.includes(one.orderId)) {
        expect(retried[index]).toMatchObject({ status: 200, body: { orderId: one.orderId } });
      }
    });
    for (const link of made) {
      expect((await linkFacts(store.db, link.linkId)).orders.length).toBeLessThanOrEqual(1);
    }
    expect(await halfWrittenOrders(store.db, 'dtc_link')).toEqual([]);
  }, 120_000);
});
