import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../main/hub/demo-brand.ts';
import { moveToPostgres, MoveError } from '../../../main/hub/move-to-postgres.ts';
import { HUB_DATABASE_FILE, startHub, type RunningHub } from '../../../main/hub/start.ts';
import { placeOrderLocally } from '../../../main/services/order-placement.ts';
import {
  generateShareLinkLocally,
  updateShareLinkSettingsLocally,
} from '../../../main/services/share-links.ts';
import { openStore, replicaDb, type Store } from '../../../main/store/database.ts';
import { openPostgresStore } from '../../../main/store/postgres.ts';
import { createHubClient } from '../../../main/sync/hub-client.ts';
import { boothOrderInput, boothSelection } from '../../support/booth-order.ts';
import { DEMO_REP } from '../../support/demo-hub.ts';
import { openDesktop, servicesOf, type TestDesktop } from '../../support/desktop.ts';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.ts';

/**
 * A brand that ran on a SQLite hub, with the activity a season leaves (orders, share
 * links, devices, failed sign-ins, audit entries), moved to PostgreSQL with
 * `npm run hub:move`, and its desktops carrying on against the moved hub.
 */

const ADMIN = 'maja@nordlys-atelier.example';
/** Trust auth ignores it; the move must never print it. */
const PASSWORD = 'move-secret-9f2c';
type Row = Record<string, unknown>;

let root = '';
let dataDir = '';
let port = 0;
let database: TestDatabase;
let url = '';
let hub: RunningHub | null = null;
const desktops: TestDesktop[] = [];
const pulledFrom: number[] = [];

function hubUrl() {
  return `http://127.0.0.1:${port}`;
}

async function desktop(email: string, options: Parameters<typeof openDesktop>[0] = {}) {
  const opened = await openDesktop({ embeddedHubUrl: hubUrl(), ...options });
  desktops.push(opened);
  await opened.session.signIn({ hub: { kind: 'embedded' }, email, password: DEMO_PASSWORD });
  await opened.engine.syncNow();
  return opened;
}

async function cursorOf(d: TestDesktop): Promise<number> {
  const state = await replicaDb(d.store.db)
    .selectFrom('sync_state')
    .select('cursor')
    .executeTakeFirstOrThrow();
  return state.cursor;
}

/** The tables a move carries, as the SQLite file lists them. */
async function movedTables(db: Kysely<unknown>): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'kysely_migration%' and name not like 'sqlite_%'
    order by name`.execute(db);
  return tables.rows.map((table) => table.name);
}

/** A table's rows in an order both engines agree on, whatever their collations. */
async function rowsOf(db: Kysely<unknown>, table: string): Promise<Row[]> {
  const rows = (await sql<Row>`select * from ${sql.table(table)}`.execute(db)).rows;
  const key = (row: Row) =>
    JSON.stringify(
      Object.keys(row)
        .sort()
        .map((column) => row[column]),
    );
  return rows
    .map((row) => ({ key: key(row), row }))
    .sort((a, b) => (a.key < b.key ? -1 : 1))
    .map((entry) => entry.row);
}

async function counts(db: Kysely<unknown>, tables: readonly string[]) {
  const result: Record<string, number> = {};
  for (const table of tables) {
    const rows = await sql<{
      count: number;
    }>`select count(*) as count from ${sql.table(table)}`.execute(db);
    result[table] = Number(rows.rows[0]!.count);
  }
  return result;
}

function runMoveCli(args: string[]) {
  const child = spawn(process.execPath, ['main/hub/move-to-postgres.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );
}

async function withStores<T>(work: (sqlite: Store, postgres: Store) => Promise<T>): Promise<T> {
  const sqlite = await openStore(join(dataDir, HUB_DATABASE_FILE), 'hub');
  try {
    const postgres = await openPostgresStore(url, { poolSize: 2 });
    try {
      return await work(sqlite, postgres);
    } finally {
      await postgres.close();
    }
  } finally {
    await sqlite.close();
  }
}

describe('moving a brand from a SQLite hub to PostgreSQL', () => {
  let rep: TestDesktop;
  let admin: TestDesktop;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'trunkshow-move-'));
    dataDir = join(root, 'hub');
    database = await createTestDatabase('move');
    const target = new URL(database.url);
    target.password = PASSWORD;
    url = target.toString();

    hub = await startHub({ dataDir, postgres: null, port: 0, demo: 20, buyerAppDir: null });
    port = hub.port;
    admin = await desktop(ADMIN);
    await updateShareLinkSettingsLocally(servicesOf(admin), {
      enabled: true,
      expiryDays: 14,
      prepaymentCheckout: false,
    });
    await admin.engine.syncNow();

    rep = await desktop(DEMO_REP, {
      clientFor: (address) => {
        const client = createHubClient(address);
        return {
          ...client,
          pull(token, body) {
            pulledFrom.push(body.cursor);
            return client.pull(token, body);
          },
        };
      },
    });
    await rep.engine.syncNow();
    const shared = await boothSelection(servicesOf(rep), 'For the pop-up', 2);
    await generateShareLinkLocally(servicesOf(rep), shared.selectionId);
    const booth = await boothSelection(servicesOf(rep), 'At the booth', 3);
    await placeOrderLocally(
      servicesOf(rep),
      await boothOrderInput(servicesOf(rep), booth.selectionId, booth.buyer),
    );
    await rep.engine.syncNow();
    expect((await rep.engine.status()).pending).toBe(0);

    // A mistyped password: the limits and guards keep their count across the move.
    const stranger = await openDesktop({ embeddedHubUrl: hubUrl() });
    desktops.push(stranger);
    await expect(
      stranger.session.signIn({ hub: { kind: 'embedded' }, email: ADMIN, password: 'wrong' }),
    ).rejects.toThrow();

    await hub.close();
    hub = null;
  }, 120_000);

  afterAll(async () => {
    for (const opened of desktops) await opened.close();
    await hub?.close();
    await database.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it('copies every table with its rows, and the command says so without the password', async () => {
    const before = await withStores(async (sqlite) => {
      const db = sqlite.db as unknown as Kysely<unknown>;
      return counts(db, await movedTables(db));
    });
    for (const table of [
      'orders',
      'order_lines',
      'audit_log',
      'devices',
      'limit_hits',
      'share_links',
      'selections',
      'media',
      'change_log',
    ]) {
      expect(before[table], table).toBeGreaterThan(0);
    }

    const moved = await runMoveCli(['--data', dataDir, '--postgres', url]);
    expect(moved.output).not.toContain(PASSWORD);
    expect(moved.code, moved.output).toBe(0);
    const total = Object.values(before).reduce((sum, rows) => sum + rows, 0);
    expect(moved.output).toContain(`Moved ${total} rows in ${Object.keys(before).length} tables`);
    expect(moved.output).toContain(`--data ${dataDir} --postgres`);

    await withStores(async (sqlite, postgres) => {
      const from = sqlite.db as unknown as Kysely<unknown>;
      const to = postgres.db as unknown as Kysely<unknown>;
      const tables = await movedTables(from);
      expect(await counts(to, tables)).toEqual(before);
      for (const table of tables) {
        expect(await rowsOf(to, table), table).toEqual(await rowsOf(from, table));
      }
      // New versions continue above the highest a desktop can hold.
      const highest = Math.max(
        ...(await rowsOf(from, 'change_log')).map((row) => Number(row.version)),
      );
      const next = await sql<{ version: number }>`
        select nextval('change_log_versions') as version`.execute(to);
      expect(next.rows[0]!.version).toBe(highest + 1);
    });
  }, 120_000);

  it('serves the desktops on PostgreSQL: their devices and cursors carry on', async () => {
    hub = await startHub({ dataDir, postgres: url, port, buyerAppDir: null });
    const cursor = await cursorOf(rep);
    pulledFrom.length = 0;

    await updateShareLinkSettingsLocally(servicesOf(admin), {
      enabled: true,
      expiryDays: 30,
      prepaymentCheckout: false,
    });
    await admin.engine.syncNow();
    expect((await admin.engine.status()).pending).toBe(0);

    await rep.engine.syncNow();
    expect(pulledFrom[0]).toBe(cursor);
    expect(await cursorOf(rep)).toBeGreaterThan(cursor);
    const settings = await replicaDb(rep.store.db)
      .selectFrom('brand_settings')
      .select('share_link_expiry_days')
      .executeTakeFirstOrThrow();
    expect(settings.share_link_expiry_days).toBe(30);
    expect((await rep.engine.status()).lastProblem).toBeNull();
  }, 60_000);

  it('refuses a second move into the now occupied database, changing nothing', async () => {
    await hub?.close();
    hub = null;
    const tables = await withStores((sqlite) =>
      movedTables(sqlite.db as unknown as Kysely<unknown>),
    );
    const snapshot = () =>
      withStores(async (_, postgres) => {
        const db = postgres.db as unknown as Kysely<unknown>;
        return { counts: await counts(db, tables), log: await rowsOf(db, 'change_log') };
      });
    const before = await snapshot();

    const refused = moveToPostgres(dataDir, url);
    await expect(refused).rejects.toThrow(MoveError);
    await expect(refused).rejects.toThrow(
      /already holds a brand: it has rows in \w+ \(\d+\), .* and \d+ more\. Nothing was moved\./,
    );
    await expect(refused).rejects.not.toThrow(PASSWORD);
    expect(await snapshot()).toEqual(before);

    const again = await runMoveCli(['--data', dataDir, '--postgres', url]);
    expect(again.code).toBe(1);
    expect(again.output).toContain('already holds a brand');
    expect(again.output).not.toContain(PASSWORD);
  }, 60_000);

  it('leaves the target as it found it when a row cannot be copied, or a table has no counterpart', async () => {
    const broken = join(root, 'broken');
    mkdirSync(broken);
    await withStores(async (sqlite) => {
      await sql`vacuum into ${join(broken, HUB_DATABASE_FILE)}`.execute(sqlite.db);
    });
    const damage = async (statement: ReturnType<typeof sql>) => {
      const copy = await openStore(join(broken, HUB_DATABASE_FILE), 'hub');
      try {
        await statement.execute(copy.db);
        return await movedTables(copy.db as unknown as Kysely<unknown>);
      } finally {
        await copy.close();
      }
    };
    const fresh = await createTestDatabase('move_fail');
    try {
      await damage(sql`create table wish_lists (id text primary key)`);
      await expect(moveToPostgres(broken, fresh.url)).rejects.toThrow(
        "The two stores' schemas differ, so the move would lose data: table wish_lists has no PostgreSQL counterpart.",
      );
      await damage(sql`drop table wish_lists`);
      // PostgreSQL's text cannot hold a NUL character; SQLite's can.
      const tables = await damage(sql`update selections set notes = 'a' || char(0) || 'b'`);
      await expect(moveToPostgres(broken, fresh.url)).rejects.toThrow(
        /^Copying selections failed: /,
      );
      const target = await openPostgresStore(fresh.url, { poolSize: 1 });
      try {
        const left = await counts(target.db as unknown as Kysely<unknown>, tables);
        expect(Object.entries(left).filter(([, rows]) => rows > 0)).toEqual([
          ['order_counters', 1],
        ]);
      } finally {
        await target.close();
      }
    } finally {
      await fresh.drop();
    }
  }, 60_000);

  it('refuses a folder with no hub database, and bad arguments with exit code 2', async () => {
    const empty = join(root, 'nothing-here');
    await expect(moveToPostgres(empty, url)).rejects.toThrow(
      `There is no hub database at ${join(empty, HUB_DATABASE_FILE)}`,
    );
    const bad = await runMoveCli(['--data', dataDir]);
    expect(bad.code).toBe(2);
    expect(bad.output).toContain('--postgres is required');
  }, 30_000);
});
