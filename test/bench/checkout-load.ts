import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { LINK_ORDER_LIMITS } from '../../main/domain/rate-limit.ts';
import { BENCH_INSERT_PATH } from '../../main/hub/bench-routes.ts';
import { shippingWarehouse } from '../../main/hub/orders/stock-allocation.ts';
import { hubDb, openStore, type StoreDb } from '../../main/store/database.ts';
import { spawnHub } from '../support/hub-process.ts';
import { insertSharedSelection, orderableSkuIds } from '../support/shared-selection.ts';
import { copyOfHubStore, HUB_LOAD, type Report } from './hub-load.ts';

/** Buyers checking out at once: one request in flight per load connection. */
const BUYERS = HUB_LOAD.connections;
/** Sizes in each order, two units of each. */
const LINES = 20;
const UNITS_PER_LINE = 2;
/**
 * The most checkouts a second the links set up below can take under the hub's limits;
 * past it the run would measure the limits (429), and says so.
 */
const MOST_CHECKOUTS_PER_SECOND = 1_000;

interface BuyerLinks {
  /** Share-link tokens, each taken for LINK_ORDER_LIMITS.perLink.max orders. */
  tokens: string[];
}

/**
 * The two loads take turns in this many rounds, so that whatever else the machine is
 * doing meanwhile weighs on both alike.
 */
const ROUNDS = 5;

/** What a load answered over its rounds. */
interface Tally {
  placed: number;
  seconds: number;
  errors: number;
  /** The highest of the rounds' 99th percentiles. */
  p99: number;
}

const tally = (): Tally => ({ placed: 0, seconds: 0, errors: 0, p99: 0 });

function add(into: Tally, result: autocannon.Result): void {
  into.placed += result['2xx'];
  into.seconds += result.duration;
  into.errors += result.errors;
  into.p99 = Math.max(into.p99, result.latency.p99);
}

/**
 * Online checkouts per second beside the hub's bare durable write, in the same hub
 * process, with the same load tool and load (HUB_LOAD), taking turns in ROUNDS rounds:
 *
 * - `hub.insert.rps`: POST /api/bench/insert (main/hub/bench-routes.ts, mounted by
 *   `--bench-routes`): one row into a small table of the same store, committed before
 *   the answer: what any durable write costs at least.
 * - `checkout.rps`: POST /api/share/checkout through the buyer API as a buyer's page
 *   sends it: 20 buyers at once, each order 20 sizes (two units each) of SS27 styles,
 *   open and priced on the buyer's pricelist, each request with its own order id. Only
 *   orders placed (2xx) count; refusals are printed apart, by code.
 *
 * The hub's limits stay as they are. A link takes LINK_ORDER_LIMITS.perLink.max orders
 * an hour, so each buyer has enough links to their own selection of the same 20 sizes
 * for the run; each link is used from its own address (as phones are), which the hub
 * reads from X-Forwarded-For because it is started with `--trust-proxy 127.0.0.1`, as a
 * hub behind a proxy is. The forwarded addresses are loopback ones (127.x), never sent
 * anything. The sizes' stock in the warehouse each buyer's market ships from is topped
 * up, so stock does not refuse the later orders. All on a copy of the kept store.
 */
export async function benchCheckoutLoad(hubDir: string, report: Report): Promise<void> {
  const copy = await copyOfHubStore(hubDir);
  try {
    const seeded = await openStore(copy.file, 'hub');
    const before = await ordersPlaced(seeded.db);
    const links = await setUpBuyers(seeded.db, BUYERS);
    await seeded.close();
    const hub = await spawnHub(copy.dir, ['--bench-routes', '--trust-proxy', '127.0.0.1']);
    const round = { ...HUB_LOAD, duration: HUB_LOAD.duration / ROUNDS };
    const inserts = tally();
    const checkouts = tally();
    const checkout = checkoutLoad(hub.url, links);
    try {
      for (let n = 0; n < ROUNDS; n++) {
        const insert = await autocannon({
          url: `${hub.url}${BENCH_INSERT_PATH}`,
          method: 'POST',
          ...round,
        });
        if (insert.non2xx > 0) throw new Error(`${insert.non2xx} bench inserts failed`);
        add(inserts, insert);
        add(checkouts, await checkout.run(round));
      }
    } finally {
      await hub.stop();
    }
    const after = await openStore(copy.file, 'hub');
    const placed = (await ordersPlaced(after.db)) - before;
    await after.close();
    // The load tool stops counting with requests still in flight, which the hub completes.
    if (placed < checkouts.placed || placed > checkouts.placed + ROUNDS * round.connections) {
      throw new Error(
        `${checkouts.placed} checkouts answered 2xx but ${placed} orders were placed`,
      );
    }
    const insertRps = inserts.placed / inserts.seconds;
    const checkoutRps = checkouts.placed / checkouts.seconds;
    report('hub.insert.rps', insertRps, 'rps');
    report('checkout.rps', checkoutRps, 'rps');
    report('checkout.vs_insert', checkoutRps / insertRps, 'ratio');
    report('checkout.p99_ms', checkouts.p99, 'ms');
    const refused = [...checkout.refusals.values()].reduce((a, b) => a + b, 0);
    report('checkout.refused', refused + checkouts.errors, 'count');
    for (const [code, count] of checkout.refusals) {
      console.error(`(checkouts refused with ${code}: ${count})`);
    }
    if (checkouts.errors + inserts.errors > 0) {
      console.error(
        `(requests without an answer: ${checkouts.errors} checkouts, ${inserts.errors} inserts)`,
      );
    }
  } finally {
    copy.remove();
  }
}

/**
 * BUYERS buyers whose market ships from a warehouse, each with LINES sizes of its own,
 * stocked for every order the run can place, and enough share links to a selection of
 * them.
 */
export async function setUpBuyers(db: StoreDb, count: number): Promise<BuyerLinks[]> {
  const ordersPerBuyer = (MOST_CHECKOUTS_PER_SECOND * HUB_LOAD.duration) / count;
  const linksPerBuyer = Math.ceil(ordersPerBuyer / LINK_ORDER_LIMITS.perLink.max);
  const skuIds = await orderableSkuIds(db, count * LINES);
  const buyers = await stockedBuyers(db, count);
  return await db.transaction().execute(async (trx) => {
    const hub = hubDb(trx);
    const all: BuyerLinks[] = [];
    for (const [index, buyer] of buyers.entries()) {
      const own = skuIds.slice(index * LINES, (index + 1) * LINES);
      for (const skuId of own) {
        const stocked = { warehouse_id: buyer.warehouseId, sku_id: skuId, quantity: 1_000_000 };
        await hub
          .insertInto('stock')
          .values(stocked)
          .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doUpdateSet(stocked))
          .execute();
      }
      const tokens: string[] = [];
      for (let n = 0; n < linksPerBuyer; n++) {
        tokens.push(
          await insertSharedSelection(trx, {
            buyerId: buyer.id,
            skuIds: own,
            name: `Bench checkout ${index}.${n}`,
            quantity: UNITS_PER_LINE,
          }),
        );
      }
      all.push({ tokens });
    }
    return all;
  });
}

async function stockedBuyers(
  db: StoreDb,
  count: number,
): Promise<{ id: string; warehouseId: string }[]> {
  const found: { id: string; warehouseId: string }[] = [];
  const candidates = await hubDb(db).selectFrom('buyers').select('id').orderBy('id').execute();
  for (const { id } of candidates) {
    const warehouseId = await shippingWarehouse(db, id);
    if (warehouseId) found.push({ id, warehouseId });
    if (found.length === count) return found;
  }
  throw new Error(`The bench store has fewer than ${count} buyers whose market keeps stock`);
}

/**
 * Checkouts sent round after round: the n-th is buyer n mod BUYERS's, so the checkouts in
 * flight are different buyers'; each buyer's links are taken in turn, each for as many
 * orders as a link may place, from the link's own address.
 */
export function checkoutLoad(url: string, links: readonly BuyerLinks[]) {
  const buyers = links.length;
  const perLink = LINK_ORDER_LIMITS.perLink.max;
  let sent = 0;
  /** Refusals by their code. */
  const refusals = new Map<string, number>();
  const checkout: autocannon.Request = {
    method: 'POST',
    path: '/api/share/checkout',
    setupRequest: (request) => {
      const n = sent++;
      const buyer = n % buyers;
      const linkIndex = Math.floor(Math.floor(n / buyers) / perLink);
      const tokens = links[buyer]!.tokens;
      // Past the links set up, the last one is used again and refused: the run says so.
      const token = tokens[Math.min(linkIndex, tokens.length - 1)]!;
      return {
        ...request,
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `127.${buyer + 1}.${Math.floor(linkIndex / 250)}.${(linkIndex % 250) + 1}`,
        },
        body: JSON.stringify({
          token,
          orderId: randomUUID(),
          name: 'Ines Duarte',
          email: 'ines@boutique.example',
          phone: '',
          note: '',
        }),
      };
    },
    onResponse: (status, body) => {
      if (status < 400) return;
      let code = `HTTP ${status}`;
      try {
        code = (JSON.parse(body) as { error: { code: string } }).error.code;
      } catch {
        // An answer that is not the hub's refusal shape is counted by its status.
      }
      refusals.set(code, (refusals.get(code) ?? 0) + 1);
    },
  };
  return {
    refusals,
    run: (load: { connections: number; duration: number }) =>
      autocannon({ url, ...load, requests: [checkout] }),
  };
}

export async function ordersPlaced(db: StoreDb): Promise<number> {
  const counted = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source', '=', 'share_link')
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}
