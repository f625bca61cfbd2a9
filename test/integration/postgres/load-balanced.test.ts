import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoBrand } from '../../../main/hub/demo-brand.ts';
import { createSelectionLocally, setQuantitiesLocally } from '../../../main/services/selections.ts';
import type { StoreDb } from '../../../main/store/database.ts';
import { SYNCED_ENTITIES } from '../../../main/sync/entities.ts';
import { openTestHubStore } from '../../support/hub-engine.ts';
import { readHubStore, spawnHub, type HubProcess } from '../../support/hub-process.ts';
import { DEMO_REP } from '../../support/demo-hub.ts';
import { startHaproxy, type LoadBalancer } from '../../support/haproxy.ts';
import { memoryVault, openDesktop, servicesOf, type TestDesktop } from '../../support/desktop.ts';

/**
 * Two hub instances on one PostgreSQL database behind HAProxy, as the README sets them
 * up: two desktops of one rep sync through the proxy, whichever instance each request
 * lands on. A change pushed to one instance reaches a desktop listening on the other by
 * a change notice; an instance killed in the middle of a desktop's pushes is taken out,
 * and both desktops finish on the survivor with every change applied once.
 */

const TOUCHED = ['selections', 'selection_lines'] as const;

let root = '';
const hubs: HubProcess[] = [];
let proxy: LoadBalancer | null = null;
let proxyUrl = '';
/** HAProxy's log, one line per request as its answer starts: `server method path status caller`. */
const proxyLog: string[] = [];
const desktops: TestDesktop[] = [];

/** Polls `done` every 20 ms until it holds; fails after `ms`. */
async function until(
  done: () => boolean | Promise<boolean>,
  ms: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what} after ${ms} ms`);
    await sleep(20);
  }
}

async function signedInDesktop() {
  const vault = memoryVault();
  const desktop = await openDesktop({ embeddedHubUrl: proxyUrl, vault });
  desktops.push(desktop);
  await desktop.session.signIn({
    hub: { kind: 'embedded' },
    email: DEMO_REP,
    password: DEMO_PASSWORD,
  });
  await desktop.engine.syncNow();
  const caller = createHash('sha1').update(`Bearer ${vault.token}`).digest('hex').toUpperCase();
  return { desktop, caller };
}

/** The instance (hub1, hub2) that served `caller`'s latest request to `path`. */
function servedBy(caller: string, method: string, path: string): string | undefined {
  return proxyLog
    .map((line) => line.split(' '))
    .findLast((f) => f[1] === method && f[2] === path && f[4] === caller)?.[0];
}

async function hasSelection(desktop: TestDesktop, id: string): Promise<boolean> {
  const row = await desktop.store.db
    .selectFrom('selections')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** The rows of the tables these tests touch, owned by `ownerId`, in one order. */
async function ownRows(db: StoreDb, ownerId: string) {
  const rows: Record<string, unknown[]> = {};
  for (const table of TOUCHED) {
    const entity = SYNCED_ENTITIES.find((e) => e.table === table)!;
    const ownerOf = table === 'selections' ? 'id' : 'selection_id';
    rows[table] = await db
      .selectFrom(table)
      .select(entity.columns.map((column) => column as 'id'))
      .where(ownerOf as 'id', 'in', (eb) =>
        eb.selectFrom('selections').select('id').where('owner_id', '=', ownerId),
      )
      .orderBy(entity.key[0] as 'id')
      .orderBy((entity.key[1] ?? entity.key[0]) as 'id')
      .execute();
  }
  return rows;
}

/** The device's seqs the hub's audit log holds, in order: each applied mutation once. */
async function appliedSeqs(deviceId: string): Promise<number[]> {
  const rows = await readHubStore(join(root, 'hub'), (db) =>
    db.selectFrom('audit_log').select('details').where('device', '=', deviceId).execute(),
  );
  return rows
    .map((row) => (JSON.parse(row.details) as { seq?: number }).seq)
    .filter((seq): seq is number => seq !== undefined)
    .sort((a, b) => a - b);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trunkshow-load-balanced-'));
  const dataDir = join(root, 'hub');
  const store = await openTestHubStore(dataDir);
  try {
    await seedDemoBrand(store.db, { styles: 12, seed: 5, catalogDatesFrom: new Date() });
  } finally {
    await store.close();
  }
  // One after the other: the first makes the data folder's keys, the second reads them.
  hubs.push(await spawnHub(dataDir, ['--trust-proxy', 'loopback']));
  hubs.push(await spawnHub(dataDir, ['--trust-proxy', 'loopback']));
  proxy = await startHaproxy(
    hubs.map((hub) => hub.url),
    { onRequest: (line) => proxyLog.push(line) },
  );
  proxyUrl = proxy.url;
}, 60_000);

afterAll(async () => {
  for (const desktop of desktops) await desktop.close();
  await proxy?.stop();
  await Promise.all(hubs.map((hub) => hub.stop()));
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('two hub instances behind HAProxy', () => {
  let a: Awaited<ReturnType<typeof signedInDesktop>>;
  let b: Awaited<ReturnType<typeof signedInDesktop>>;
  let buyerId = '';
  let skuIds: string[] = [];
  /** Mutations each desktop made, and the selections they made. */
  const made = { a: 0, b: 0 };
  const selections: string[] = [];
  const newSelection = async (who: 'a' | 'b', name: string) => {
    const selection = await createSelectionLocally(servicesOf((who === 'a' ? a : b).desktop), {
      buyerId,
      name,
      notes: '',
    });
    made[who]++;
    selections.push(selection.id);
    return selection;
  };

  it('serve two desktops that see each other’s changes, notices crossing instances', async () => {
    a = await signedInDesktop();
    b = await signedInDesktop();
    const buyer = await a.desktop.store.db
      .selectFrom('buyers')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    buyerId = buyer.id;
    skuIds = (
      await a.desktop.store.db.selectFrom('skus').select('id').orderBy('id').limit(4).execute()
    ).map((sku) => sku.id);

    // B's change reaches A on A's next sync, whichever instance serves each.
    const fromB = await newSelection('b', 'From B');
    await b.desktop.engine.syncNow();
    await a.desktop.engine.syncNow();
    expect(await hasSelection(a.desktop, fromB.id)).toBe(true);

    // A's changes reach B by notice alone: B never syncs by itself here (its poll is a
    // minute). Round robin sends A's pushes to either instance; go on until one landed
    // on the instance B is not listening on, and B heard of it all the same.
    const crossings: string[] = [];
    for (let round = 1; round <= 6 && crossings.length === 0; round++) {
      await until(
        () => servedBy(b.caller, 'GET', '/api/sync/events') !== undefined,
        5_000,
        'B to listen for notices',
      );
      const listening = servedBy(b.caller, 'GET', '/api/sync/events');
      const fromA = await newSelection('a', `From A ${round}`);
      await a.desktop.engine.syncNow();
      const pushedTo = servedBy(a.caller, 'POST', '/api/sync/push');
      await until(() => hasSelection(b.desktop, fromA.id), 5_000, 'the notice to reach B');
      if (pushedTo !== listening) crossings.push(`${pushedTo} → ${listening}`);
    }
    expect(crossings).toHaveLength(1);

    const owner = a.desktop.session.account()!.userId;
    const hub = await readHubStore(join(root, 'hub'), (db) => ownRows(db, owner));
    expect(await ownRows(a.desktop.store.db, owner)).toEqual(hub);
    expect(await ownRows(b.desktop.store.db, owner)).toEqual(hub);
  });

  it('lose an instance in the middle of pushes, and both desktops finish on the other', async () => {
    const change = async (who: 'a' | 'b', n: number) => {
      const selection = await newSelection(who, `${who} ${n}`);
      await setQuantitiesLocally(servicesOf((who === 'a' ? a : b).desktop), {
        selectionId: selection.id,
        lines: skuIds.map((skuId, i) => ({ skuId, quantity: n + i + 1 })),
      });
      made[who]++;
    };
    // A makes many changes, pushed in batches as they come (queued while a push is
    // out); B makes a few meanwhile. The first instance is killed once A's pushes are
    // under way, with more of its changes still to come.
    const TOTAL = 60;
    const mark = proxyLog.length;
    const pushesOfA = () =>
      proxyLog.slice(mark).filter((line) => line.endsWith(` POST /api/sync/push 200 ${a.caller}`))
        .length;
    const changes = (who: 'a' | 'b', count: number, pauseMs: number) =>
      (async () => {
        for (let n = 0; n < count; n++) {
          await change(who, n);
          await sleep(pauseMs);
        }
      })();
    const fromA = changes('a', TOTAL, 5);
    const fromB = changes('b', 10, 20);
    await until(() => pushesOfA() >= 2, 10_000, 'A to push');
    const madeBeforeKill = made.a;
    await hubs[0]!.kill();
    await Promise.all([fromA, fromB]);
    expect(madeBeforeKill).toBeLessThan(made.a);

    const settled = async (d: TestDesktop) => {
      const status = await d.engine.status();
      return status.pending === 0 && status.connection === 'online';
    };
    await until(
      async () => (await settled(a.desktop)) && (await settled(b.desktop)),
      20_000,
      'both outboxes to drain',
    );
    await a.desktop.engine.syncNow();
    await b.desktop.engine.syncNow();

    for (const d of [a.desktop, b.desktop]) {
      expect(await d.engine.status()).toMatchObject({ pending: 0, refused: 0, lastProblem: null });
    }
    // Every mutation applied once: the hub's audit log holds each of a device's seqs once.
    for (const [who, d] of [
      ['a', a.desktop],
      ['b', b.desktop],
    ] as const) {
      expect(await appliedSeqs(d.session.account()!.deviceId)).toEqual(
        Array.from({ length: made[who] }, (_, i) => i + 1),
      );
    }

    const owner = a.desktop.session.account()!.userId;
    const hub = await readHubStore(join(root, 'hub'), (db) => ownRows(db, owner));
    expect(hub.selections!.map((row) => (row as { id: string }).id)).toEqual(
      expect.arrayContaining(selections),
    );
    const ours = hub.selection_lines!.filter((row) =>
      selections.includes((row as { selection_id: string }).selection_id),
    );
    expect(ours).toHaveLength(skuIds.length * (TOTAL + 10));
    expect(await ownRows(a.desktop.store.db, owner)).toEqual(hub);
    expect(await ownRows(b.desktop.store.db, owner)).toEqual(hub);
    // The survivor served the rest: the proxy took the dead instance out.
    expect(proxyLog.slice(-5).every((line) => line.startsWith('hub2 '))).toBe(true);
  });
});
