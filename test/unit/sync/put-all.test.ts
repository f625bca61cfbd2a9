import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openStore, replicaDb, type Store } from '../../../main/store/database.ts';
import { mutator } from '../../../main/sync/mutators/mutator.ts';
import { signedInSyncState } from '../../support/sync-state.ts';
import { applyPulledPage, enqueue } from '../../../main/sync/replica.ts';

/**
 * tx.putAll writes and notes what it overwrote exactly as one put a row would: the same
 * rows, the same undo entries, and a rebase that sets both aside the same way.
 */
const rows = [
  { id: 'w1', name: 'Osaka, renamed' },
  { id: 'w2', name: 'Stockholm' },
];
const args = z.strictObject({});
const oneByOne = mutator({
  name: 'test.putEach.v1',
  args,
  subject: () => null,
  summary: () => 'Put each',
  async apply(tx) {
    for (const row of rows) await tx.put('warehouses', row);
  },
});
const together = mutator({
  name: 'test.putAll.v1',
  args,
  subject: () => null,
  summary: () => 'Put all',
  async apply(tx) {
    await tx.putAll('warehouses', rows);
  },
});

const account = { deviceId: 'device', userId: 'user', role: 'rep' as const };
const dirs: string[] = [];
const stores: Store[] = [];

afterEach(async () => {
  while (stores.length > 0) await stores.pop()!.close();
  while (dirs.length > 0) rmSync(dirs.pop()!, { recursive: true, force: true });
});

async function replicaWithOsaka(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'trunkshow-put-all-'));
  dirs.push(dir);
  const store = await openStore(join(dir, 'showroom.sqlite'), 'replica');
  stores.push(store);
  await signedInSyncState(store.db, account);
  await store.db.insertInto('warehouses').values({ id: 'w1', name: 'Osaka' }).execute();
  return store;
}

async function state(store: Store) {
  return {
    warehouses: await store.db.selectFrom('warehouses').selectAll().orderBy('id').execute(),
    undo: await replicaDb(store.db)
      .selectFrom('outbox_undo')
      .select(['step', 'entity', 'k1', 'k2', 'before'])
      .orderBy('step')
      .execute(),
  };
}

describe('tx.putAll on a replica', () => {
  it('writes and notes what it overwrote as a put per row does, and is set aside the same', async () => {
    const each = await replicaWithOsaka();
    const all = await replicaWithOsaka();
    await enqueue(each.db, account, oneByOne, {}, new Date());
    await enqueue(all.db, account, together, {}, new Date());
    const written = await state(all);
    expect(written).toEqual(await state(each));
    expect(written.warehouses).toEqual(rows);
    expect(written.undo).toEqual([
      {
        step: 0,
        entity: 'warehouses',
        k1: 'w1',
        k2: '',
        before: JSON.stringify({ id: 'w1', name: 'Osaka' }),
      },
      { step: 1, entity: 'warehouses', k1: 'w2', k2: '', before: null },
    ]);

    // The hub took neither change (say it refused them): a rebase leaves what was there.
    const page = { cursor: 1, more: false, lastAppliedSeq: 1, changes: [], refusals: [] };
    for (const store of [each, all]) {
      await applyPulledPage(store.db, account, page, 0, new Date());
      expect(await state(store)).toEqual({
        warehouses: [{ id: 'w1', name: 'Osaka' }],
        undo: [],
      });
    }
  });
});
