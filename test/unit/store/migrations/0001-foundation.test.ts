import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../main/store/database.ts';

let store: Store;
const now = '2026-11-23T10:00:00.000Z';

beforeEach(async () => {
  store = await openStore(':memory:');
  const db = store.db;
  await db
    .insertInto('size_scales')
    .values({ id: 'ss', name: 'Apparel', sizes: '["S","M"]' })
    .execute();
  await db
    .insertInto('pricelists')
    .values({ id: 'eur', name: 'Europe EUR', currency: 'EUR' })
    .execute();
  await db
    .insertInto('products')
    .values({
      id: 'p1',
      style_number: 'NA-1',
      name: 'Shirt',
      category: 'Shirts',
      season: 'SS27',
      size_scale_id: 'ss',
      search_text: 'na-1 shirt',
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('colorways')
    .values({
      id: 'c1',
      product_id: 'p1',
      code: '001',
      name: 'Ecru',
      color_hex: '#eeeeee',
      picture_id: null,
      position: 0,
    })
    .execute();
  await db
    .insertInto('skus')
    .values({
      id: 's1',
      product_id: 'p1',
      colorway_id: 'c1',
      size: 'S',
      barcode: '4006381333931',
      position: 0,
    })
    .execute();
});
afterEach(() => store.close());

describe('0001-foundation', () => {
  it('keeps style numbers and barcodes unique', async () => {
    await expect(
      store.db
        .insertInto('skus')
        .values({
          id: 's2',
          product_id: 'p1',
          colorway_id: 'c1',
          size: 'M',
          barcode: '4006381333931',
          position: 1,
        })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
    await expect(
      store.db
        .insertInto('products')
        .values({
          id: 'p2',
          style_number: 'NA-1',
          name: 'Other',
          category: 'Shirts',
          season: 'SS27',
          size_scale_id: 'ss',
          search_text: '',
          updated_at: now,
        })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
  });

  it('accepts only the three catalog statuses and the two lookbook statuses', async () => {
    await store.db
      .insertInto('catalogs')
      .values({
        id: 'k1',
        name: 'SS27',
        status: 'Limited',
        publication_at: null,
        order_deadline_at: null,
      })
      .execute();
    await expect(
      store.db
        .insertInto('catalogs')
        .values({
          id: 'k2',
          name: 'AW',
          status: 'Draft' as 'Open',
          publication_at: null,
          order_deadline_at: null,
        })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      store.db
        .insertInto('lookbooks')
        .values({ id: 'l1', name: 'LB', status: 'Open' as 'Public' })
        .execute(),
    ).rejects.toThrow(/CHECK/);
  });

  it('keeps trading terms within bounds', async () => {
    const buyer = {
      id: 'b1',
      name: 'Boutique',
      kind: 'offline' as const,
      country_code: 'SE',
      pricelist_id: 'eur',
      language: 'en' as const,
      updated_at: now,
    };
    await store.db
      .insertInto('buyers')
      .values({ ...buyer, discount_bp: 1250 })
      .execute();
    await expect(
      store.db
        .insertInto('buyers')
        .values({ ...buyer, id: 'b2', discount_bp: 10001 })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      store.db
        .insertInto('buyers')
        .values({ ...buyer, id: 'b3', language: 'fr' as 'en' })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await expect(
      store.db
        .insertInto('buyers')
        .values({ ...buyer, id: 'b4', pricelist_id: 'nope' })
        .execute(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });

  it('refuses negative prices and removes a style’s colourways, SKUs and prices with it', async () => {
    await expect(
      store.db
        .insertInto('prices')
        .values({ pricelist_id: 'eur', sku_id: 's1', wholesale_minor: -1, retail_minor: 0 })
        .execute(),
    ).rejects.toThrow(/CHECK/);
    await store.db
      .insertInto('prices')
      .values({ pricelist_id: 'eur', sku_id: 's1', wholesale_minor: 5900, retail_minor: 13900 })
      .execute();
    await store.db.deleteFrom('products').where('id', '=', 'p1').execute();
    for (const table of ['colorways', 'skus', 'prices'] as const) {
      const left = await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(left.n)).toBe(0);
    }
  });
});
