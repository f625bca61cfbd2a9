import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hubDb, openStore, type Store } from '../../../../main/store/database.ts';

let store: Store;
const now = '2026-11-23T10:00:00.000Z';

beforeEach(async () => {
  store = await openStore(':memory:', 'hub');
  const db = store.db;
  await db.insertInto('pricelists').values({ id: 'eur', name: 'EUR', currency: 'EUR' }).execute();
  await db
    .insertInto('staff_users')
    .values({ id: 'rep', email: 'rep@example.com', name: 'Rep', role: 'rep', created_at: now })
    .execute();
  await db
    .insertInto('buyers')
    .values({
      id: 'b1',
      name: 'Boutique',
      kind: 'offline',
      country_code: 'SE',
      pricelist_id: 'eur',
      language: 'en',
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('selections')
    .values({
      id: 'sel',
      buyer_id: 'b1',
      owner_id: 'rep',
      name: 'Spring',
      created_at: now,
      updated_at: now,
    })
    .execute();
});
afterEach(() => store.close());

describe('0003-selections', () => {
  it('keeps only positive quantities, one line per SKU', async () => {
    const line = { selection_id: 'sel', sku_id: 'sku', added_at: now };
    await expect(
      store.db
        .insertInto('selection_lines')
        .values({ ...line, quantity: 0 })
        .execute(),
    ).rejects.toThrow(/CHECK constraint/);
    await store.db
      .insertInto('selection_lines')
      .values({ ...line, quantity: 2 })
      .execute();
    await expect(
      store.db
        .insertInto('selection_lines')
        .values({ ...line, quantity: 1 })
        .execute(),
    ).rejects.toThrow(/UNIQUE constraint/);
  });

  it('refuses a selection for a buyer the hub does not have', async () => {
    await expect(
      store.db
        .insertInto('selections')
        .values({
          id: 'orphan',
          buyer_id: 'nobody',
          owner_id: 'rep',
          name: 'x',
          created_at: now,
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('feeds the hub’s change log with selections and their lines, deletions included', async () => {
    await store.db
      .insertInto('selection_lines')
      .values({ selection_id: 'sel', sku_id: 'sku', quantity: 1, added_at: now })
      .execute();
    const logged = async () =>
      hubDb(store.db)
        .selectFrom('change_log')
        .select(['entity', 'k1', 'k2'])
        .where('entity', 'like', 'selection%')
        .orderBy('version')
        .execute();
    expect(await logged()).toEqual([
      { entity: 'selections', k1: 'sel', k2: '' },
      { entity: 'selection_lines', k1: 'sel', k2: 'sku' },
    ]);
    await store.db.deleteFrom('selection_lines').execute();
    await store.db.deleteFrom('selections').execute();
    expect(await logged()).toEqual([
      { entity: 'selection_lines', k1: 'sel', k2: 'sku' },
      { entity: 'selections', k1: 'sel', k2: '' },
    ]);
  });
});
