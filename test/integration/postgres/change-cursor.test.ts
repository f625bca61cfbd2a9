import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../main/store/database.ts';
import { openPostgresStore } from '../../../main/store/postgres.ts';
import { readChanges } from '../../../main/sync/hub-feed.ts';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.ts';

/**
 * The pull cursor under concurrent writers. Writers insert synced rows in transactions
 * of their own (plain connections, none of the hub's writer lock: the cursor must not
 * lean on it), holding each open for a random while; pullers page through the change
 * feed as the rows land. Every row must reach every puller exactly once.
 *
 * The same run against the naive scheme (versions from a sequence, which commit out of
 * order) must lose rows, or this test could not tell the two apart.
 */

const WRITERS = 8;
const ROWS_PER_WRITER = 40;
const PULLERS = 3;
const ADMIN = { userId: 'cursor-test', role: 'admin' as const };

/** Versions from a sequence: what the hub must not do. Inserts only, enough for this run. */
const NAIVE_CHANGE_LOG = `
  create sequence naive_versions;
  create or replace function change_log_record() returns trigger language plpgsql as $$
  begin
    insert into change_log (version, entity, k1, k2)
      values (nextval('naive_versions'), tg_table_name, to_jsonb(new) ->> tg_argv[0], '')
      on conflict (entity, k1, k2) do update set version = excluded.version;
    return null;
  end $$;`;

async function write(url: string, writer: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const written: string[] = [];
  try {
    for (let n = 0; n < ROWS_PER_WRITER; n++) {
      const id = `w${writer}-${n}`;
      await client.query('begin');
      await client.query('insert into size_scales (id, name, sizes) values ($1, $1, $2)', [
        id,
        '["S","M","L"]',
      ]);
      // Half the writers have the change log's triggers fire now instead of at commit
      // (as a move from SQLite does) and are held open after taking their versions: the
      // widest window for a later writer's rows to commit first. The other half take
      // theirs at commit, where the window is narrow but not shut.
      if (writer % 2 === 0) await client.query('set constraints all immediate');
      await sleep(Math.random() * 6);
      await client.query('commit');
      written.push(id);
    }
  } finally {
    await client.end();
  }
  return written;
}

async function pullUntil(store: Store, done: () => boolean): Promise<string[]> {
  const seen: string[] = [];
  let cursor = 0;
  for (;;) {
    const finished = done();
    const page = await readChanges(store.db, ADMIN, cursor, 50);
    for (const change of page.changes)
      if (change.entity === 'size_scales') seen.push(change.key[0]);
    cursor = page.cursor;
    // One full read after the writers finished sees whatever committed last.
    if (finished && !page.more) return seen;
    if (page.changes.length === 0) await sleep(1);
  }
}

async function race(database: TestDatabase, store: Store) {
  let writing = WRITERS;
  const writers = Array.from({ length: WRITERS }, (_, writer) =>
    write(database.url, writer).finally(() => writing--),
  );
  const pullers = Array.from({ length: PULLERS }, () => pullUntil(store, () => writing === 0));
  const written = (await Promise.all(writers)).flat();
  const pulled = await Promise.all(pullers);
  return { written, pulled };
}

function missingAndTwice(written: string[], seen: string[]) {
  const counts = new Map<string, number>();
  for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  return {
    missing: written.filter((key) => !counts.has(key)),
    twice: [...counts].filter(([, count]) => count > 1).map(([key]) => key),
  };
}

describe('the pull cursor on PostgreSQL', () => {
  const databases: TestDatabase[] = [];
  const stores: Store[] = [];
  async function hubOn(label: string) {
    const database = await createTestDatabase(label);
    databases.push(database);
    const store = await openPostgresStore(database.url);
    stores.push(store);
    return { database, store };
  }
  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const database of databases) await database.drop();
  });

  it('delivers every row written by racing writers exactly once to every puller', async () => {
    const { database, store } = await hubOn('cursor');
    const { written, pulled } = await race(database, store);
    expect(written).toHaveLength(WRITERS * ROWS_PER_WRITER);
    for (const seen of pulled)
      expect(missingAndTwice(written, seen)).toEqual({ missing: [], twice: [] });
  });

  it('catches the naive scheme: versions from a sequence let a puller pass rows that commit late', async () => {
    const { database, store } = await hubOn('cursor_naive');
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(NAIVE_CHANGE_LOG);
    await admin.end();
    const { written, pulled } = await race(database, store);
    const lost = pulled.map((seen) => missingAndTwice(written, seen).missing.length);
    expect(Math.max(...lost)).toBeGreaterThan(0);
  });
});
