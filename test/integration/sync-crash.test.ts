import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { HUB_DATABASE_FILE, startHub } from '../../main/hub/start.ts';
import { credentialFile } from '../../main/shell/credential-file.ts';
import { sqliteHandleOf } from '../../main/store/database.ts';
import { SYNCED_ENTITIES } from '../../main/sync/entities.ts';
import { createBuyer } from '../../main/sync/mutators/buyers.ts';
import { enqueue } from '../../main/sync/replica.ts';
import { buyerName, CRASH_DESKTOP_USER, CREDENTIAL_FILE } from '../support/crash-desktop.ts';
import { openDesktop, type TestDesktop } from '../support/desktop.ts';

/**
 * The sync survives processes being killed (the sync's promise: "Any interruption ... ends
 * in the same state as an uninterrupted run"). Desktops (test/support/crash-desktop.ts)
 * and hubs (main/hub/cli.ts) run as real processes here and are SIGKILLed between a
 * local write and its push, in the middle of local writes, during a push, while taking
 * in the answer to one, and (the hub) while applying one. Kills are timed by watching
 * the other side's SQLite file, so they land part-way, not before or after. Network cuts
 * around a push (request lost, answer lost, pull failing after a push, a push delivered
 * twice) are covered by sync-property.test.ts.
 */

const cli = fileURLToPath(new URL('../../main/hub/cli.ts', import.meta.url));
const crashDesktop = fileURLToPath(new URL('../support/crash-desktop.ts', import.meta.url));
const nodeBinary =
  Number(process.versions.node.split('.')[0]) >= 24
    ? process.execPath
    : fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: () => boolean;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<Run>();
const openDesktops: TestDesktop[] = [];
let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'trunkshow-sync-crash-'));
});

afterEach(async () => {
  while (openDesktops.length > 0) await openDesktops.pop()!.close();
});

afterAll(async () => {
  for (const run of running) await killHard(run);
  rmSync(root, { recursive: true, force: true });
});

function runNode(script: string, args: string[]): Run {
  // stdin stays open: a child whose test runner dies sees it close and exits.
  const child = spawn(nodeBinary, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const run: Run = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited: () => exited,
    exit: new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        exited = true;
        running.delete(run);
        resolve({ code, signal });
      }),
    ),
  };
  running.add(run);
  return run;
}

async function killHard(run: Run): Promise<void> {
  if (!run.exited()) run.child.kill('SIGKILL');
  await run.exit;
}

/** Polls until check answers something truthy; a child that exits meanwhile fails at once. */
async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  options: { timeoutMs?: number; intervalMs?: number; alive?: Run } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const found = await check();
    if (found) return found;
    if (options.alive?.exited()) {
      throw new Error(
        `The child process ended while waiting for ${what}.\nstdout: ${options.alive.stdout()}\nstderr: ${options.alive.stderr()}`,
      );
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 20));
  }
}

/** A hub process on dataDir; port 0 picks one, a port given is taken again after a crash. */
async function startHubProcess(dataDir: string, port = 0): Promise<{ run: Run; url: string }> {
  const run = runNode(cli, ['--data', dataDir, '--port', String(port)]);
  const [, url] = await waitFor(
    () => /^Trunkshow hub listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(run.stdout()),
    'the hub to listen',
    { alive: run },
  );
  return { run, url: url! };
}

/** A small demo brand in dataDir, made in-process: faster than the hub's --demo. */
async function seedHub(dataDir: string): Promise<void> {
  const hub = await startHub({ dataDir, port: 0, demo: 20, buyerAppDir: null });
  await hub.close();
}

/** Reads a store another process (maybe a killed one) wrote, without writing to it. */
function readStore<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

interface BuyerRow {
  id: string;
  name: string;
  pricelist_id: string;
  discount_bp: number;
  language: string;
}

function buyersNamed(db: BetterSqlite3.Database, prefix: string): BuyerRow[] {
  return db
    .prepare(
      `select id, name, pricelist_id, discount_bp, language from buyers
       where substr(name, 1, ?) = ? order by name, id`,
    )
    .all(prefix.length + 1, `${prefix} `) as BuyerRow[];
}

function countNamed(db: BetterSqlite3.Database, prefix: string): number {
  return (
    db
      .prepare('select count(*) as n from buyers where substr(name, 1, ?) = ?')
      .get(prefix.length + 1, `${prefix} `) as { n: number }
  ).n;
}

function uniquePrefix(label: string): string {
  return `Crash ${label} ${randomUUID().slice(0, 8)}`;
}

function desktopDir(): string {
  const dir = join(root, `desktop-${randomUUID()}`);
  mkdirSync(dir);
  return dir;
}

/** The replica a killed desktop left behind, opened again in this process. */
async function reopenDesktop(dir: string, hubUrl: string): Promise<TestDesktop> {
  const desktop = await openDesktop({
    dir,
    embeddedHubUrl: hubUrl,
    vault: credentialFile(join(dir, CREDENTIAL_FILE)),
  });
  openDesktops.push(desktop);
  expect(await desktop.session.get()).toMatchObject({ state: 'signed_in' });
  return desktop;
}

/** What a killed desktop's replica holds: its buyers by that prefix and its outbox. */
function leftBehind(dir: string, prefix: string) {
  return readStore(join(dir, 'showroom.sqlite'), (db) => ({
    buyers: buyersNamed(db, prefix),
    outbox: (db.prepare('select count(*) as n from outbox').get() as { n: number }).n,
    lastSeq:
      (db.prepare('select next_seq from sync_state').get() as { next_seq: number }).next_seq - 1,
  }));
}

/**
 * After a crash and a sync: the hub holds exactly `count` buyers by this prefix, named
 * 0…count-1, each once; the hub applied each of the device's changes once; the
 * replica has nothing left to send and shows exactly the hub's rows.
 */
async function expectConverged(
  desktop: TestDesktop,
  hubDir: string,
  prefix: string,
  count: number,
): Promise<void> {
  expect(await desktop.engine.status()).toMatchObject({
    connection: 'online',
    pending: 0,
    refused: 0,
    lastProblem: null,
  });
  const deviceId = desktop.session.account()!.deviceId;
  const replica = sqliteHandleOf(desktop.store.db);
  const lastSeq =
    (replica.prepare('select next_seq from sync_state').get() as { next_seq: number }).next_seq - 1;
  const onHub = readStore(join(hubDir, HUB_DATABASE_FILE), (db) => ({
    buyers: buyersNamed(db, prefix),
    seqs: (
      db
        .prepare(`select details from audit_log where device = ? and action = 'buyer.create.v1'`)
        .all(deviceId) as { details: string }[]
    ).map((row) => (JSON.parse(row.details) as { seq: number }).seq),
    device: db.prepare('select last_applied_seq from devices where id = ?').get(deviceId) as {
      last_applied_seq: number;
    },
    counts: SYNCED_ENTITIES.map(
      (entity) =>
        (db.prepare(`select count(*) as n from ${entity.table}`).get() as { n: number }).n,
    ),
  }));

  expect(onHub.buyers.map((buyer) => buyer.name)).toEqual(
    Array.from({ length: count }, (_, index) => buyerName(prefix, index)),
  );
  expect(new Set(onHub.buyers.map((buyer) => buyer.id)).size).toBe(count);
  expect(buyersNamed(replica, prefix)).toEqual(onHub.buyers);
  // Every change this device made was applied once, in order, and the hub knows it.
  expect(lastSeq).toBe(count);
  expect(onHub.seqs.sort((a, b) => a - b)).toEqual(
    Array.from({ length: count }, (_, index) => index + 1),
  );
  expect(onHub.device.last_applied_seq).toBe(count);
  // The replica holds what the hub holds, table by table.
  expect(
    SYNCED_ENTITIES.map(
      (entity) =>
        (replica.prepare(`select count(*) as n from ${entity.table}`).get() as { n: number }).n,
    ),
  ).toEqual(onHub.counts);
}

const KILL_ROUNDS = 3;

/** Waits 0–2 ms more before a kill, so kills land at different points of a write. */
function jitter(): void {
  const until = performance.now() + Math.random() * 2;
  while (performance.now() < until);
}

describe('a desktop killed', () => {
  let hubDir: string;
  let hub: { run: Run; url: string };

  beforeAll(async () => {
    hubDir = join(root, 'hub-for-desktops');
    await seedHub(hubDir);
    hub = await startHubProcess(hubDir);
  });

  afterAll(async () => {
    await killHard(hub.run);
  });

  afterEach(async () => {
    for (const run of running) if (run !== hub.run) await killHard(run);
  });

  function runDesktop(
    dir: string,
    mode: 'write' | 'writing' | 'push',
    prefix: string,
    count: number,
    start = 0,
  ) {
    return runNode(crashDesktop, [
      '--dir',
      dir,
      '--hub',
      hub.url,
      '--mode',
      mode,
      '--prefix',
      prefix,
      '--count',
      String(count),
      '--start',
      String(start),
    ]);
  }

  const hubCount = (prefix: string) =>
    readStore(join(hubDir, HUB_DATABASE_FILE), (db) => countNamed(db, prefix));

  it('between its local writes and their push sends every one of them on the next start', async () => {
    const dir = desktopDir();
    const prefix = uniquePrefix('before push');
    const desktop = runDesktop(dir, 'write', prefix, 40);
    await waitFor(() => /^written$/m.test(desktop.stdout()), '"written"', { alive: desktop });
    await killHard(desktop);
    expect((await desktop.exit).signal).toBe('SIGKILL');

    // The writes outlived the process, and none of them reached the hub.
    const left = leftBehind(dir, prefix);
    expect(left.buyers).toHaveLength(40);
    expect(left).toMatchObject({ outbox: 40, lastSeq: 40 });
    expect(hubCount(prefix)).toBe(0);

    const reopened = await reopenDesktop(dir, hub.url);
    await reopened.engine.syncNow();
    await expectConverged(reopened, hubDir, prefix, 40);
    // The same buyers, not copies: the ids the killed process chose are the hub's.
    expect(
      readStore(join(hubDir, HUB_DATABASE_FILE), (db) => buyersNamed(db, prefix)).map(
        (buyer) => buyer.id,
      ),
    ).toEqual(left.buyers.map((buyer) => buyer.id));
  }, 30_000);

  it('in the middle of its local writes keeps each whole or not at all, and sends the whole ones', async () => {
    const dir = desktopDir();
    const prefix = uniquePrefix('mid write');
    // Killed again and again: each run first syncs what the one before it left.
    let written = 0;
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      const desktop = runDesktop(dir, 'writing', prefix, 5_000, written);
      await waitFor(
        () => /^wrote 10$/m.test(desktop.stdout()),
        `10 local writes (round ${round})`,
        {
          alive: desktop,
          intervalMs: 1,
        },
      );
      jitter();
      await killHard(desktop);

      const left = leftBehind(dir, prefix);
      expect(left.buyers.length).toBeGreaterThanOrEqual(written + 10);
      written = left.buyers.length;
      // Every buyer it shows is on the hub or queued for it, and nothing else is queued:
      // no change is half made, shown without being queued or queued without showing.
      expect(left.buyers.map((buyer) => buyer.name)).toEqual(
        Array.from({ length: written }, (_, index) => buyerName(prefix, index)),
      );
      expect(left.lastSeq).toBe(written);
      expect(left.outbox + hubCount(prefix)).toBe(written);
    }

    const reopened = await reopenDesktop(dir, hub.url);
    await reopened.engine.syncNow();
    await expectConverged(reopened, hubDir, prefix, written);
  }, 30_000);

  it('during its push sends the rest on the next start, and nothing twice', async () => {
    const dir = desktopDir();
    const prefix = uniquePrefix('mid push');
    // Three pushes (200, 200, 50); the kill lands while the hub applies the first.
    const total = 450;
    const desktop = runDesktop(dir, 'push', prefix, total);
    await waitFor(() => /^pushing$/m.test(desktop.stdout()), '"pushing"', { alive: desktop });
    const poll = new BetterSqlite3(join(hubDir, HUB_DATABASE_FILE), { readonly: true });
    let atKill: number;
    try {
      atKill = await waitFor(
        () => {
          const count = countNamed(poll, prefix);
          return count > 0 ? count : 0;
        },
        'the hub to apply part of the push',
        { alive: desktop, intervalMs: 1 },
      );
      await killHard(desktop);
    } finally {
      poll.close();
    }
    expect(desktop.stdout()).not.toMatch(/^synced/m);
    expect(atKill).toBeLessThan(total);
    // The hub finishes the request it was given, but the pushes after it never came.
    const afterKill = await waitFor(async () => {
      const before = hubCount(prefix);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return hubCount(prefix) === before ? { count: before } : null;
    }, 'the hub to settle');
    expect(afterKill.count).toBeGreaterThan(0);
    expect(afterKill.count).toBeLessThan(total);
    expect(leftBehind(dir, prefix).outbox).toBe(total);

    const reopened = await reopenDesktop(dir, hub.url);
    await reopened.engine.syncNow();
    await expectConverged(reopened, hubDir, prefix, total);
  }, 30_000);

  it('after placing a booth order offline, and again during its push, leaves exactly one order at the hub with its lines', async () => {
    const sizes = 300;
    // Kills land at different points of the push: before, during and after the order.
    for (const delayMs of [0, 3, 8]) {
      const dir = desktopDir();
      const name = uniquePrefix('booth order');
      const placing = runNode(crashDesktop, [
        ...['--dir', dir, '--hub', hub.url, '--mode', 'order'],
        ...['--prefix', name, '--count', String(sizes)],
      ]);
      const [, orderId] = await waitFor(
        () => /^placed (\S+)$/m.exec(placing.stdout()),
        '"placed"',
        { alive: placing },
      );
      await killHard(placing);
      expect((await placing.exit).signal).toBe('SIGKILL');
      // The order outlived the process with its provisional number, and the hub has none.
      const local = readStore(join(dir, 'showroom.sqlite'), (db) => ({
        number: (
          db.prepare('select number from orders where id = ?').get(orderId) as {
            number: string;
          }
        ).number,
        lines: (
          db.prepare('select count(*) as n from order_lines where order_id = ?').get(orderId) as {
            n: number;
          }
        ).n,
      }));
      // As many sizes as the small demo brand prices for the buyer, up to `sizes`.
      expect(local.number).toMatch(/^P-/);
      expect(local.lines).toBeGreaterThan(50);
      const atHub = () =>
        readStore(join(hubDir, HUB_DATABASE_FILE), (db) => ({
          orders: (
            db.prepare('select count(*) as n from orders where id = ?').get(orderId) as {
              n: number;
            }
          ).n,
          lines: (
            db.prepare('select count(*) as n from order_lines where order_id = ?').get(orderId) as {
              n: number;
            }
          ).n,
          number: (
            db.prepare('select number from orders where id = ?').get(orderId) as
              { number: string } | undefined
          )?.number,
        }));
      expect(atHub().orders).toBe(0);

      // Started again, it pushes; killed once the hub has begun taking the push in.
      const resuming = runNode(crashDesktop, [
        ...['--dir', dir, '--hub', hub.url, '--mode', 'resume', '--prefix', name],
      ]);
      await waitFor(() => /^pushing$/m.test(resuming.stdout()), '"pushing"', { alive: resuming });
      const poll = new BetterSqlite3(join(hubDir, HUB_DATABASE_FILE), { readonly: true });
      try {
        await waitFor(
          () => poll.prepare('select 1 from selections where name = ?').get(name),
          'the hub to take the selection',
          { alive: resuming, intervalMs: 1 },
        );
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        await killHard(resuming);
      } finally {
        poll.close();
      }

      const reopened = await reopenDesktop(dir, hub.url);
      await reopened.engine.syncNow();
      expect(await reopened.engine.status()).toMatchObject({ pending: 0, connection: 'online' });
      const settled = atHub();
      expect(settled).toEqual({
        orders: 1,
        lines: local.lines,
        number: expect.stringMatching(/^SO-\d{4}-\d{5,}$/),
      });
      const synced = await reopened.store.db
        .selectFrom('orders')
        .select('number')
        .where('id', '=', orderId!)
        .executeTakeFirstOrThrow();
      expect(synced.number).toBe(settled.number);
      await reopened.close();
      openDesktops.splice(openDesktops.indexOf(reopened), 1);
    }
  }, 90_000);

  it('while it takes in the answer to its push shows each change once, queued or acknowledged', async () => {
    const dir = desktopDir();
    const prefix = uniquePrefix('mid pull');
    const total = 450;
    const desktop = runDesktop(dir, 'push', prefix, total);
    await waitFor(() => /^pushing$/m.test(desktop.stdout()), '"pushing"', { alive: desktop });
    const poll = new BetterSqlite3(join(hubDir, HUB_DATABASE_FILE), { readonly: true });
    try {
      await waitFor(() => countNamed(poll, prefix) === total, 'the hub to apply the whole push', {
        alive: desktop,
        intervalMs: 1,
      });
    } finally {
      poll.close();
    }
    // The last push's answer, the pull and the rebase take some 30 ms here: kill in them.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
    await killHard(desktop);

    // Before, during or after the rebase, the replica shows every buyer once, and its
    // outbox is either all still queued or all acknowledged, never some of each.
    const left = leftBehind(dir, prefix);
    expect(left.buyers.map((buyer) => buyer.name)).toEqual(
      Array.from({ length: total }, (_, index) => buyerName(prefix, index)),
    );
    expect([0, total]).toContain(left.outbox);

    const reopened = await reopenDesktop(dir, hub.url);
    await reopened.engine.syncNow();
    await expectConverged(reopened, hubDir, prefix, total);
  }, 30_000);
});

describe('a hub killed while it applies a push', () => {
  it('loses no change and applies none twice once it is back on the same port', async () => {
    const hubDir = join(root, 'hub-killed');
    await seedHub(hubDir);
    const first = await startHubProcess(hubDir);
    const port = Number(new URL(first.url).port);

    const desktop = await openDesktop({ embeddedHubUrl: first.url });
    openDesktops.push(desktop);
    await desktop.session.signIn({
      hub: { kind: 'embedded' },
      email: CRASH_DESKTOP_USER,
      password: DEMO_PASSWORD,
    });
    await desktop.engine.syncNow();
    expect((await desktop.engine.status()).connection).toBe('online');

    // 200 changes queued before the engine hears of them: one push of 200.
    const prefix = uniquePrefix('hub killed');
    const total = 200;
    const account = desktop.session.account()!;
    const pricelist = await desktop.store.db
      .selectFrom('pricelists')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    for (let index = 0; index < total; index++) {
      await enqueue(
        desktop.store.db,
        account,
        createBuyer,
        {
          id: uuidv7(),
          name: buyerName(prefix, index),
          kind: 'offline',
          countryCode: 'SE',
          terms: { pricelistId: pricelist.id, discountBp: 0, language: 'en' },
        },
        new Date(),
      );
    }
    desktop.engine.requestSync();

    // Killed three times part-way, each time as soon as the resumed push has moved on.
    const hubFile = join(hubDir, HUB_DATABASE_FILE);
    let hub = first.run;
    let committed = 0;
    for (let round = 1; round <= KILL_ROUNDS; round++) {
      const poll = new BetterSqlite3(hubFile, { readonly: true });
      try {
        const before = committed;
        await waitFor(
          () => countNamed(poll, prefix) > before,
          `the hub to apply more (round ${round})`,
          {
            alive: hub,
            intervalMs: 1,
          },
        );
        jitter();
        await killHard(hub);
      } finally {
        poll.close();
      }
      // What the hub committed stays; the change it was in the middle of is gone with it.
      const now = readStore(hubFile, (db) => countNamed(db, prefix));
      expect(now).toBeGreaterThan(committed);
      expect(now).toBeLessThan(total);
      committed = now;
      if (round === 1) {
        await waitFor(
          async () => (await desktop.engine.status()).connection === 'offline',
          'the desktop to see the hub gone',
        );
      }
      expect(await desktop.engine.status()).toMatchObject({
        connection: 'offline',
        pending: total,
      });
      const again = await startHubProcess(hubDir, port);
      expect(again.url).toBe(first.url);
      hub = again.run;
    }

    // Nobody asks: the engine's own retry drains the outbox.
    await waitFor(
      async () => {
        const status = await desktop.engine.status();
        return status.pending === 0 && status.connection === 'online';
      },
      'the outbox to drain',
      { timeoutMs: 20_000, alive: hub },
    );
    await expectConverged(desktop, hubDir, prefix, total);
    await desktop.close();
    openDesktops.splice(openDesktops.indexOf(desktop), 1);
    await killHard(hub);
  }, 40_000);
});
