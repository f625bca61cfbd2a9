import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { generateDemoBrand } from '../../main/demo/generate.ts';
import { generateDemoOrders } from '../../main/demo/orders.ts';
import type { OrderFilters } from '../../preload/contract/index.ts';
import { listOrders, orderFilterCondition } from '../../main/services/orders.ts';
import { openStore, type Store } from '../../main/store/database.ts';

/**
 * The Orders view's first page at 100,000 orders, on a desktop replica holding them all
 * (an admin's): the view's own service query, unfiltered, filtered as people filter
 * (status and buyer, rep, source, a month) and searched (a number as typed, part of a
 * buyer's name, the start of a PO). The replica is generated once and kept.
 */
const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const GENERATION = 2;
const PAGE = 50;
const RUNS = 200;

type Report = (name: string, value: number, unit: string) => void;

async function replicaWithOrders(): Promise<Store> {
  const dir = join(tmpdir(), `trunkshow-bench-orders-${ORDERS}-g${GENERATION}`);
  const file = join(dir, 'showroom.sqlite');
  if (!existsSync(file)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const store = await openStore(file, 'replica');
    const started = performance.now();
    await generateDemoBrand(store.db, { styles: 300, seed: 3 });
    await generateDemoOrders(store.db, { count: ORDERS, seed: 3 });
    console.error(
      `(generated ${ORDERS} orders in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    );
    await store.close();
  }
  return openStore(file, 'replica');
}

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

/** Each filter's first page, timed over RUNS rounds of all of them; p95 per filter. */
async function time(store: Store, filters: OrderFilters[]): Promise<number> {
  for (const each of filters) await listOrders(store.db, { filters: each, limit: PAGE });
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const each = filters[run % filters.length]!;
    const started = performance.now();
    await listOrders(store.db, { filters: each, limit: PAGE });
    times.push(performance.now() - started);
  }
  return p95(times);
}

/** How SQLite runs the list query for these filters, for choosing indexes (BENCH_PLAN=1). */
async function printPlan(store: Store, label: string, filters: OrderFilters): Promise<void> {
  const plan = await sql<{ detail: string }>`explain query plan
    select o.id from orders o left join selections s on s.id = o.selection_id
    where ${await orderFilterCondition(store.db, filters)} order by o.created_at desc, o.id desc limit ${PAGE}`.execute(
    store.db,
  );
  console.error(`${label}: ${plan.rows.map((row) => row.detail).join(' | ')}`);
}

export async function benchOrdersList(report: Report): Promise<void> {
  const store = await replicaWithOrders();
  try {
    const db = store.db;
    const buyers = await db
      .selectFrom('orders')
      .select(['buyer_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('buyer_id', 'is not', null)
      .$narrowType<{ buyer_id: string }>()
      .groupBy('buyer_id')
      .orderBy('n', 'desc')
      .execute();
    const reps = await db
      .selectFrom('staff_users')
      .select('id')
      .where('role', '=', 'rep')
      .execute();
    const names = await db.selectFrom('buyers').select('name').orderBy('id').limit(20).execute();
    const numbers = await db
      .selectFrom('orders')
      .select('number')
      .orderBy('created_at')
      .limit(20)
      .execute();
    const pos = await db
      .selectFrom('orders')
      .select('po_number')
      .where('po_number', '!=', '')
      .limit(20)
      .execute();
    const newest = await db
      .selectFrom('orders')
      .select('created_at')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    const monthBefore = (months: number) => {
      const end = new Date(newest.created_at);
      end.setUTCMonth(end.getUTCMonth() - months);
      const start = new Date(end);
      start.setUTCMonth(start.getUTCMonth() - 1);
      return { placedFrom: start.toISOString(), placedBefore: end.toISOString() };
    };

    const statusAndBuyer: OrderFilters[] = buyers.flatMap((buyer, index) =>
      (['Order', 'Confirmed', 'Cancelled', 'Checkout Requested'] as const)
        .filter((_, k) => (index + k) % 2 === 0)
        .map((status) => ({ status, buyerId: buyer.buyer_id })),
    );
    const searches: OrderFilters[] = [
      // As people type numbers: lower case, without the zeros.
      ...numbers.map(({ number }) => ({
        search: number!.toLowerCase().replace(/-0+(\d)/, '-$1'),
      })),
      ...names.map(({ name }) => ({ search: name.split(' ')[0]!.slice(0, 5) })),
      ...pos.map(({ po_number }) => ({ search: po_number.slice(0, 6) })),
    ];
    const others: OrderFilters[] = [
      ...reps.map((rep) => ({ repId: rep.id })),
      { source: 'share_link' },
      { source: 'booth', status: 'Checkout Requested' },
      { status: 'Cancelled' },
      monthBefore(3),
      { ...monthBefore(12), status: 'Confirmed' },
    ];
    if (process.env.BENCH_PLAN) {
      for (const [label, filters] of [
        ['unfiltered', {}],
        ['status+buyer', statusAndBuyer[0]!],
        ['search number', searches[0]!],
        ['search name', searches[numbers.length]!],
        ['search po', searches.at(-1)!],
        ['rep', others[0]!],
        ['month', others.at(-2)!],
      ] as const) {
        await printPlan(store, label, filters);
      }
    }
    report(
      'orders.list.orders',
      buyers.reduce((sum, buyer) => sum + buyer.n, 0),
      'count',
    );
    report('orders.list.p95_ms', await time(store, [{}]), 'ms');
    report('orders.list.status_buyer.p95_ms', await time(store, statusAndBuyer), 'ms');
    report('orders.list.search.p95_ms', await time(store, searches), 'ms');
    report('orders.list.other_filters.p95_ms', await time(store, others), 'ms');
  } finally {
    await store.close();
  }
}
