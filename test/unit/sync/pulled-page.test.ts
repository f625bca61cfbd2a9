import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, replicaDb, type Store } from '../../../main/store/database.ts';
import { signedInSyncState } from '../../support/sync-state.ts';
import { applyPulledPage } from '../../../main/sync/replica.ts';

const account = { deviceId: 'device', userId: 'user', role: 'rep' as const };
let dir = '';
let store: Store | undefined;

afterEach(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A replica that has read the hub up to version 40. */
async function replicaAt40(): Promise<Store> {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-pulled-page-'));
  const opened = await openStore(join(dir, 'showroom.sqlite'), 'replica');
  await signedInSyncState(opened.db, account, 40);
  return opened;
}

const page = {
  cursor: 41,
  more: false,
  lastAppliedSeq: 0,
  changes: [
    { entity: 'warehouses', key: ['w1', ''] as [string, string], row: { id: 'w1', name: 'Osaka' } },
  ],
  refusals: [],
};

describe('a pulled page', () => {
  it('is applied onto the cursor it was read from, and moves it', async () => {
    store = await replicaAt40();
    const applied = await applyPulledPage(store.db, account, page, 40, new Date());
    expect(applied).toEqual({ rows: 1, acknowledged: 0, refusals: 0 });
    expect(await store.db.selectFrom('warehouses').selectAll().execute()).toEqual([
      { id: 'w1', name: 'Osaka' },
    ]);
    const state = await replicaDb(store.db).selectFrom('sync_state').select('cursor').execute();
    expect(state).toEqual([{ cursor: 41 }]);
  });

  it('writes nothing when the replica no longer stands where the page was read from', async () => {
    store = await replicaAt40();
    // Asked for from 0, say, before a sign-in started the replica over at another cursor.
    expect(await applyPulledPage(store.db, account, page, 0, new Date())).toBeNull();
    expect(await store.db.selectFrom('warehouses').selectAll().execute()).toEqual([]);
    const state = await replicaDb(store.db).selectFrom('sync_state').select('cursor').execute();
    expect(state).toEqual([{ cursor: 40 }]);
  });
});
