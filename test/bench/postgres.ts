import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { DEMO_PASSWORD, seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { hubDb, type StoreDb } from '../../main/store/database.ts';
import { openPostgresStore } from '../../main/store/postgres.ts';
import { PROTOCOL_HEADER, SYNC_PROTOCOL } from '../../main/sync/protocol.ts';
import { openDesktop } from '../support/desktop.ts';
import { startHaproxy } from '../support/haproxy.ts';
import { spawnHub, type HubProcess } from '../support/hub-process.ts';
import { asAdmin, TEST_POSTGRES } from '../support/postgres.ts';
import { insertSharedSelection, orderableSkuIds } from '../support/shared-selection.ts';
import { timedFirstSync } from './first-sync.ts';
import { checkoutLoad, ordersPlaced, setUpBuyers } from './checkout-load.ts';
import { HUB_LOAD, type Report } from './hub-load.ts';

/**
 * The hub on PostgreSQL (BENCH_ONLY=pg; needs the server on 127.0.0.1:5432 and Debian's
 * haproxy). The brand lives in a kept database, made once like the kept SQLite store;
 * what writes (pushes, checkouts) runs on a copy of it made with CREATE DATABASE …
 * TEMPLATE, so every run starts from the same brand.
 *
 * - pg.sync.first.seconds: a new desktop's first sync of the whole brand from a hub on
 *   PostgreSQL, beside the same from the kept SQLite store (pg.sync.first.vs_sqlite;
 *   pg.sync.first.sqlite_seconds), each hub in a process of its own as a desktop meets
 *   one (in the bench's own process it would take turns with the desktop it serves).
 * - pg.push.rps / pg.push.rps.2: desktops' pushes (one new selection each, as a rep
 *   makes them) from PUSHERS devices at once, to one instance, then to two behind
 *   HAProxy, in the same run; pg.push.cpu_busy / pg.push.cpu_busy.2: the share of the
 *   machine's CPU time in use meanwhile (near 1: the machine, not the hub, is the limit).
 * - pg.checkout.rps: share-link checkouts of 20-line orders from CHECKOUT_BUYERS buyers
 *   at once, to two instances behind HAProxy.
 * - pg.share.open.rps: share links opened, to two instances behind HAProxy.
 */
const GENERATION = 1;
const PUSHERS = HUB_LOAD.connections;
const CHECKOUT_BUYERS = 40;
const ADMIN = 'maja@nordlys-atelier.example';
/** The README's health checks, every 2 s: a loaded instance answers its check late. */
const BALANCED = { checkEveryMs: 2_000 };

function databaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The kept database with the brand, made (and filled) on first use. */
async function keptBrand(styles: number): Promise<string> {
  const name = `trunkshow_bench_${styles}_g${GENERATION}`;
  const exists = await asAdmin(
    async (client) =>
      (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1,
  );
  if (!exists) await asAdmin((client) => client.query(`create database "${name}"`));
  const store = await openPostgresStore(databaseUrl(name), { poolSize: 2 });
  try {
    const any = await store.db.selectFrom('products').select('id').limit(1).executeTakeFirst();
    if (!any) {
      const started = performance.now();
      await seedDemoBrand(store.db, { styles, seed: 1, catalogDatesFrom: new Date() });
      console.error(
        `(generated ${styles} styles on PostgreSQL in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    }
  } finally {
    await store.close();
  }
  return name;
}

/** A copy of the kept brand for one benchmark that writes; dropped by the answer. */
async function copyOf(kept: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${kept}_copy_${randomUUID().slice(0, 8)}`;
  await asAdmin((client) => client.query(`create database "${name}" template "${kept}"`));
  return {
    url: databaseUrl(name),
    drop: () =>
      asAdmin(async (client) => {
        await client.query(`drop database if exists "${name}" with (force)`);
      }),
  };
}

async function firstSyncSeconds(url: string): Promise<number> {
  const desktop = await openDesktop({ embeddedHubUrl: null });
  try {
    return await timedFirstSync(desktop, url);
  } finally {
    await desktop.close();
    rmSync(desktop.dir, { recursive: true, force: true });
  }
}

/** Two instances of one hub: one data folder (its keys) and one database. */
async function instances(url: string, count: number, options: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'trunkshow-bench-pg-'));
  const hubs: HubProcess[] = [];
  for (let n = 0; n < count; n++) hubs.push(await spawnHub(dir, ['--postgres', url, ...options]));
  return {
    hubs,
    stop: async () => {
      await Promise.all(hubs.map((hub) => hub.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const syncHeaders = (token?: string) => ({
  'content-type': 'application/json',
  [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

/** CPU time every core of the machine has spent idle and in all, so far. */
function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const { times } of cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/**
 * PUSHERS devices pushing one new selection at a time each, for HUB_LOAD.duration
 * seconds: pushes applied a second, and how busy the machine's cores were meanwhile
 * (hubs, PostgreSQL, HAProxy and the devices share them: a second instance only adds
 * pushes where the first left cores idle).
 */
async function pushesPerSecond(url: string, db: StoreDb): Promise<{ rps: number; busy: number }> {
  const buyer = await hubDb(db)
    .selectFrom('buyers')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const devices: { deviceId: string; token: string }[] = [];
  for (let n = 0; n < PUSHERS; n++) {
    const answer = await fetch(`${url}/api/sync/sign-in`, {
      method: 'POST',
      headers: syncHeaders(),
      body: JSON.stringify({ email: ADMIN, password: DEMO_PASSWORD, deviceName: `Bench ${n}` }),
    });
    if (!answer.ok) throw new Error(`Sign-in for the push load: HTTP ${answer.status}`);
    devices.push((await answer.json()) as { deviceId: string; token: string });
  }
  const until = performance.now() + HUB_LOAD.duration * 1000;
  const started = performance.now();
  const cpuBefore = cpuTimes();
  let applied = 0;
  await Promise.all(
    devices.map(async ({ deviceId, token }) => {
      for (let seq = 1; performance.now() < until; seq++) {
        const answer = await fetch(`${url}/api/sync/push`, {
          method: 'POST',
          headers: syncHeaders(token),
          body: JSON.stringify({
            clientId: deviceId,
            mutations: [
              {
                seq,
                name: 'selection.create.v1',
                args: { id: randomUUID(), buyerId: buyer.id, name: `Bench ${seq}`, notes: '' },
                at: new Date().toISOString(),
              },
            ],
          }),
        });
        const body = (await answer.json()) as { results?: { status: string }[] };
        if (!answer.ok || body.results?.[0]?.status !== 'applied') {
          throw new Error(`A push was not applied: HTTP ${answer.status} ${JSON.stringify(body)}`);
        }
        applied++;
      }
    }),
  );
  const cpuAfter = cpuTimes();
  return {
    rps: applied / ((performance.now() - started) / 1000),
    busy: 1 - (cpuAfter.idle - cpuBefore.idle) / (cpuAfter.total - cpuBefore.total),
  };
}

async function onCopy<T>(kept: string, work: (url: string, db: StoreDb) => Promise<T>): Promise<T> {
  const copy = await copyOf(kept);
  const store = await openPostgresStore(copy.url, { poolSize: 2 });
  try {
    return await work(copy.url, store.db);
  } finally {
    await store.close();
    await copy.drop();
  }
}

export async function benchPostgres(hubDir: string, styles: number, report: Report) {
  const kept = await keptBrand(styles);

  const sqliteHub = await spawnHub(hubDir);
  const sqliteSeconds = await firstSyncSeconds(sqliteHub.url).finally(() => sqliteHub.stop());
  const pgHub = await instances(databaseUrl(kept), 1);
  const pgSeconds = await firstSyncSeconds(pgHub.hubs[0]!.url).finally(() => pgHub.stop());
  report('pg.sync.first.seconds', pgSeconds, 's');
  report('pg.sync.first.vs_sqlite', pgSeconds / sqliteSeconds, 'ratio');
  report('pg.sync.first.sqlite_seconds', sqliteSeconds, 's');

  const one = await onCopy(kept, async (url, db) => {
    const running = await instances(url, 1);
    try {
      return await pushesPerSecond(running.hubs[0]!.url, db);
    } finally {
      await running.stop();
    }
  });
  const two = await onCopy(kept, async (url, db) => {
    const running = await instances(url, 2);
    const balancer = await startHaproxy(
      running.hubs.map((hub) => hub.url),
      BALANCED,
    );
    try {
      return await pushesPerSecond(balancer.url, db);
    } finally {
      await balancer.stop();
      await running.stop();
    }
  });
  report('pg.push.rps', one.rps, 'rps');
  report('pg.push.rps.2', two.rps, 'rps');
  report('pg.push.two_vs_one', two.rps / one.rps, 'ratio');
  report('pg.push.cpu_busy', one.busy, 'ratio');
  report('pg.push.cpu_busy.2', two.busy, 'ratio');

  await onCopy(kept, async (url, db) => {
    const links = await setUpBuyers(db, CHECKOUT_BUYERS);
    const buyer = await hubDb(db)
      .selectFrom('buyers')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const shareToken = await insertSharedSelection(db, {
      buyerId: buyer.id,
      skuIds: await orderableSkuIds(db, 50),
      name: 'Bench',
    });
    const before = await ordersPlaced(db);
    const running = await instances(url, 2, ['--trust-proxy', '127.0.0.1']);
    const balancer = await startHaproxy(
      running.hubs.map((hub) => hub.url),
      BALANCED,
    );
    try {
      const checkout = checkoutLoad(balancer.url, links);
      const checkouts = await checkout.run({ ...HUB_LOAD, connections: CHECKOUT_BUYERS });
      const placed = (await ordersPlaced(db)) - before;
      if (placed < checkouts['2xx']) {
        throw new Error(
          `${checkouts['2xx']} checkouts answered 2xx but ${placed} orders were placed`,
        );
      }
      report('pg.checkout.rps', checkouts['2xx'] / checkouts.duration, 'rps');
      report('pg.checkout.p99_ms', checkouts.latency.p99, 'ms');
      for (const [code, count] of checkout.refusals) {
        console.error(`(checkouts refused with ${code}: ${count})`);
      }
      const share = await autocannon({
        url: `${balancer.url}/api/share/open`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, deflate, br' },
        body: JSON.stringify({ token: shareToken }),
        ...HUB_LOAD,
      });
      if (share.non2xx > 0 || share.errors > 0) {
        throw new Error(`Share-link opens failed: ${share.non2xx} non-2xx, ${share.errors} errors`);
      }
      report('pg.share.open.rps', share.requests.average, 'req/s');
    } finally {
      await balancer.stop();
      await running.stop();
    }
  });
}
