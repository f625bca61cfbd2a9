import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoBrand } from '../../main/hub/demo-brand.ts';
import { shareOpenLog } from '../../main/hub/share-opens.ts';
import { hubDb, type Store } from '../../main/store/database.ts';
import { openTestHubStore } from '../support/hub-engine.ts';

let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-share-opens-'));
  store = await openTestHubStore(dir);
  await seedDemoBrand(store.db, { styles: 3 });
  const hub = hubDb(store.db);
  const owner = await hub.selectFrom('staff_users').select('id').executeTakeFirstOrThrow();
  const buyer = await hub.selectFrom('buyers').select('id').executeTakeFirstOrThrow();
  const at = '2026-11-23T10:00:00.000Z';
  await hub
    .insertInto('selections')
    .values({
      id: 's1',
      buyer_id: buyer.id,
      owner_id: owner.id,
      name: 'S',
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const id of ['a', 'b']) {
    await hub
      .insertInto('share_links')
      .values({
        id,
        selection_id: 's1',
        token_hash: `hash-${id}`,
        created_by: owner.id,
        created_at: at,
        expires_at: '2026-12-07T10:00:00.000Z',
      })
      .execute();
  }
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const linkRows = () =>
  hubDb(store.db)
    .selectFrom('share_links')
    .select(['id', 'open_count', 'last_opened_at'])
    .orderBy('id')
    .execute();

describe('share-link opens', () => {
  it('are counted per link and per link and hour, with no audit row each, in one write per batch', async () => {
    let writes = 0;
    const opens = shareOpenLog(store.db, { flushMs: 60_000, onWritten: () => writes++ });
    opens.record({ linkId: 'a', at: '2026-11-23T10:00:02.000Z' });
    opens.record({ linkId: 'b', at: '2026-11-23T10:00:01.000Z' });
    // Out of order, as concurrent requests finish.
    opens.record({ linkId: 'a', at: '2026-11-23T10:00:01.000Z' });
    opens.record({ linkId: 'a', at: '2026-11-23T11:30:00.000Z' });
    expect((await linkRows()).map((row) => row.open_count)).toEqual([0, 0]);

    await opens.flush();
    expect(writes).toBe(1);
    expect(await linkRows()).toEqual([
      { id: 'a', open_count: 3, last_opened_at: '2026-11-23T11:30:00.000Z' },
      { id: 'b', open_count: 1, last_opened_at: '2026-11-23T10:00:01.000Z' },
    ]);
    const periods = await hubDb(store.db)
      .selectFrom('share_link_open_periods')
      .selectAll()
      .orderBy('link_id')
      .orderBy('period_start')
      .execute();
    expect(periods).toEqual([
      {
        link_id: 'a',
        period_start: '2026-11-23T10:00:00.000Z',
        opens: 2,
        first_at: '2026-11-23T10:00:01.000Z',
        last_at: '2026-11-23T10:00:02.000Z',
      },
      {
        link_id: 'a',
        period_start: '2026-11-23T11:00:00.000Z',
        opens: 1,
        first_at: '2026-11-23T11:30:00.000Z',
        last_at: '2026-11-23T11:30:00.000Z',
      },
      {
        link_id: 'b',
        period_start: '2026-11-23T10:00:00.000Z',
        opens: 1,
        first_at: '2026-11-23T10:00:01.000Z',
        last_at: '2026-11-23T10:00:01.000Z',
      },
    ]);
    const audited = await hubDb(store.db)
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'shareLink.opened')
      .execute();
    expect(audited).toEqual([]);
  });

  it('add to what another hub instance counted, and never move the last open back', async () => {
    const one = shareOpenLog(store.db, { flushMs: 60_000 });
    const other = shareOpenLog(store.db, { flushMs: 60_000 });
    one.record({ linkId: 'a', at: '2026-11-23T10:05:00.000Z' });
    other.record({ linkId: 'a', at: '2026-11-23T10:04:00.000Z' });
    await one.flush();
    await other.flush();
    expect((await linkRows())[0]).toEqual({
      id: 'a',
      open_count: 2,
      last_opened_at: '2026-11-23T10:05:00.000Z',
    });
    const period = await hubDb(store.db)
      .selectFrom('share_link_open_periods')
      .select(['opens', 'first_at', 'last_at'])
      .executeTakeFirstOrThrow();
    expect(period).toEqual({
      opens: 2,
      first_at: '2026-11-23T10:04:00.000Z',
      last_at: '2026-11-23T10:05:00.000Z',
    });
  });

  it('write by themselves after a moment, or at once when a batch is full', async () => {
    const timed = shareOpenLog(store.db, { flushMs: 20 });
    timed.record({ linkId: 'a', at: '2026-11-23T10:00:00.000Z' });
    await expect.poll(async () => (await linkRows())[0]!.open_count).toBe(1);

    const full = shareOpenLog(store.db, { flushMs: 60_000, maxBatch: 3 });
    for (let i = 0; i < 3; i++) {
      full.record({ linkId: 'b', at: '2026-11-23T10:00:00.000Z' });
    }
    await expect.poll(async () => (await linkRows())[1]!.open_count).toBe(3);
  });
});
