import { hubDb, openStore } from '../../main/store/database.ts';
import { customerBuys, insertDtcLink, setStock, type InsertedDtcLink } from '../support/dtc.ts';
import { spawnHub } from '../support/hub-process.ts';
import { orderableSkuIds } from '../support/shared-selection.ts';
import { copyOfHubStore, HUB_LOAD, percentile, type Report } from './hub-load.ts';

/** Customers buying at once, each through a link of their own (HUB_LOAD's connections). */
const CUSTOMERS = HUB_LOAD.connections;
/** Waves of CUSTOMERS; the first warms the hub up and is not counted. */
const WAVES = 11;
const LINES = 5;
/** Customers racing for the one unit of the race's link. */
const RACERS = 100;

/**
 * BENCH_ONLY=dtc: DTC checkout links on a hub in its own process, on a copy of the bench
 * store (the orders placed stay off the kept one, and so does this branch's schema),
 * customers at their own addresses (the hub trusts its loopback proxy's
 * X-Forwarded-For, as behind a brand's proxy):
 *
 * - `dtc.purchase.p95_ms`: one customer's claim of a 5-line selection's link to the
 *   confirmed purchase of all of it, over HTTP, 20 customers at once on different links,
 *   in waves; the 95th percentile of the customers' times.
 * - `dtc.race.orders`: the orders 100 customers placed racing for one link whose
 *   warehouse holds one unit: 1.
 */
export async function benchDtcCheckout(hubDir: string, report: Report): Promise<void> {
  const copy = await copyOfHubStore(hubDir);
  const store = await openStore(copy.file, 'hub');
  const links: InsertedDtcLink[] = [];
  let race: InsertedDtcLink;
  try {
    const skus = await orderableSkuIds(store.db, LINES + 1);
    const basket = skus.slice(0, LINES);
    for (let i = 0; i < CUSTOMERS * WAVES; i++) {
      links.push(
        await insertDtcLink(store.db, {
          lines: basket.map((skuId, index) => ({
            skuId,
            quantity: 1 + (index % 2),
            specialPriceMinor: index === 0 ? 100 : null,
          })),
        }),
      );
    }
    await setStock(store.db, links[0]!.warehouseId!, basket, 1_000_000);
    race = await insertDtcLink(store.db, { lines: [{ skuId: skus[LINES]!, quantity: 1 }] });
    await setStock(store.db, race.warehouseId!, [skus[LINES]!], 1);
  } finally {
    await store.close();
  }

  const hub = await spawnHub(copy.dir, ['--trust-proxy', '127.0.0.1']);
  try {
    const times: number[] = [];
    let failed = 0;
    for (let wave = 0; wave < WAVES; wave++) {
      const customers = links.slice(wave * CUSTOMERS, (wave + 1) * CUSTOMERS);
      const answers = await Promise.all(
        customers.map(async (link, i) => {
          const started = performance.now();
          const bought = await customerBuys(hub.url, link, `10.1.${wave}.${i + 1}`);
          return { ms: performance.now() - started, ok: bought.purchases[0]?.status === 201 };
        }),
      );
      if (wave === 0) continue;
      for (const answer of answers) {
        if (answer.ok) times.push(answer.ms);
        else failed++;
      }
    }
    if (failed > 0) console.error(`dtc: ${failed} purchases were not placed`);
    report(
      'dtc.purchase.p95_ms',
      percentile(
        times.sort((a, b) => a - b),
        95,
      ),
      'ms',
    );

    await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        customerBuys(hub.url, race, `10.2.${Math.floor(i / 200)}.${(i % 200) + 1}`, 2),
      ),
    );
  } finally {
    await hub.stop();
  }
  const after = await openStore(copy.file, 'hub');
  try {
    const orders = await hubDb(after.db)
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dtc_link_id', '=', race.linkId)
      .executeTakeFirstOrThrow();
    report('dtc.race.orders', orders.n, 'orders');
  } finally {
    await after.close();
    copy.remove();
  }
}
