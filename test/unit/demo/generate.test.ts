import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemoBrand } from '../../../main/demo/generate.ts';
import { isValidGtin } from '../../../main/domain/barcode.ts';
import { openStore, type Store } from '../../../main/store/database.ts';
import type { StoreSchema } from '../../../main/store/schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'trunkshow-demo-'));
const stores: Store[] = [];
afterAll(async () => {
  for (const store of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function demoStore(options: Parameters<typeof generateDemoBrand>[1]): Promise<Store> {
  const store = await openStore(join(dir, `${stores.length}.sqlite`));
  stores.push(store);
  await generateDemoBrand(store.db, options);
  return store;
}

const TABLES: (keyof StoreSchema)[] = [
  'brand_settings',
  'staff_users',
  'media',
  'size_scales',
  'products',
  'colorways',
  'skus',
  'pricelists',
  'prices',
  'markets',
  'market_countries',
  'warehouses',
  'stock',
  'catalogs',
  'catalog_products',
  'lookbooks',
  'lookbook_pages',
  'buyers',
  'buyer_users',
  'buyer_memberships',
  'dtc_customers',
];

async function everyRow(store: Store): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    dump[table] = await store.db
      .selectFrom(table)
      .selectAll()
      .orderBy(sql`rowid`)
      .execute();
  }
  return dump;
}

describe('the demo brand', async () => {
  const store = await demoStore({ styles: 120, seed: 7 });
  const db = store.db;

  it('is the same brand, row for row, from the same seed, and another from another seed', async () => {
    const again = await demoStore({ styles: 120, seed: 7 });
    const other = await demoStore({ styles: 120, seed: 8 });
    const dump = await everyRow(store);
    expect(await everyRow(again)).toEqual(dump);
    expect((await everyRow(other)).products).not.toEqual(dump.products);
  });

  it('has the styles asked for, each with colourways, sizes and a valid, unique barcode', async () => {
    const { styles } = await db
      .selectFrom('products')
      .select((eb) => eb.fn.countAll<number>().as('styles'))
      .executeTakeFirstOrThrow();
    expect(styles).toBe(120);
    const skus = await db.selectFrom('skus').select('barcode').execute();
    expect(skus.length).toBeGreaterThanOrEqual(120 * 5);
    expect(skus.every((s) => s.barcode !== null && isValidGtin(s.barcode))).toBe(true);
    expect(new Set(skus.map((s) => s.barcode)).size).toBe(skus.length);
  });

  it('draws every colourway a picture that a browser can show', async () => {
    const pictures = await db
      .selectFrom('colorways')
      .leftJoin('media', 'media.id', 'colorways.picture_id')
      .select(['media.bytes', 'media.content_type'])
      .execute();
    for (const picture of pictures) {
      expect(picture.content_type).toBe('image/svg+xml');
      expect(new TextDecoder().decode(picture.bytes)).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
      );
    }
  });

  it('makes styles searchable by style number, name, category, season and colour', async () => {
    const style = await db
      .selectFrom('products')
      .select(['id', 'style_number', 'name', 'search_text'])
      .executeTakeFirstOrThrow();
    const colours = await db
      .selectFrom('colorways')
      .select('name')
      .where('product_id', '=', style.id)
      .execute();
    expect(style.search_text).toBe(style.search_text.toLowerCase());
    expect(style.search_text).toContain(style.style_number.toLowerCase());
    expect(style.search_text).toContain(style.name.toLowerCase());
    for (const colour of colours) expect(style.search_text).toContain(colour.name.toLowerCase());
  });

  it('prices every SKU on every pricelist, in whole yen for JPY', async () => {
    const skuCount = (await db.selectFrom('skus').select('id').execute()).length;
    const pricelists = await db.selectFrom('pricelists').selectAll().execute();
    expect(pricelists.map((p) => p.currency).sort()).toEqual(['EUR', 'JPY', 'SEK', 'USD']);
    for (const pricelist of pricelists) {
      const prices = await db
        .selectFrom('prices')
        .selectAll()
        .where('pricelist_id', '=', pricelist.id)
        .execute();
      expect(prices).toHaveLength(skuCount);
      for (const price of prices) {
        expect(price.retail_minor).toBeGreaterThan(price.wholesale_minor);
        if (pricelist.currency === 'JPY') expect(price.wholesale_minor % 100).toBe(0);
      }
    }
  });

  it('has buyers in three or more currencies and in English and Japanese', async () => {
    const buyers = await db
      .selectFrom('buyers')
      .innerJoin('pricelists', 'pricelists.id', 'buyers.pricelist_id')
      .select(['pricelists.currency', 'buyers.language', 'buyers.kind'])
      .execute();
    expect(new Set(buyers.map((b) => b.currency)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(buyers.map((b) => b.language))).toEqual(new Set(['en', 'ja']));
    expect(new Set(buyers.map((b) => b.kind))).toEqual(new Set(['customer_owned', 'offline']));
  });

  it('has a buyer user who buys for several buyers', async () => {
    const busiest = await db
      .selectFrom('buyer_memberships')
      .select((eb) => eb.fn.countAll<number>().as('buyers'))
      .groupBy('buyer_user_id')
      .orderBy('buyers', 'desc')
      .executeTakeFirstOrThrow();
    expect(busiest.buyers).toBeGreaterThanOrEqual(2);
  });

  it('has catalogs in every status, lookbooks public and draft, staff, stock and DTC customers', async () => {
    const catalogs = await db.selectFrom('catalogs').select('status').execute();
    expect(new Set(catalogs.map((c) => c.status))).toEqual(new Set(['Open', 'Limited', 'Closed']));
    const lookbooks = await db.selectFrom('lookbooks').select('status').execute();
    expect(new Set(lookbooks.map((l) => l.status))).toEqual(new Set(['Public', 'Draft']));
    const staff = await db.selectFrom('staff_users').select('role').execute();
    expect(staff.map((s) => s.role).sort()).toEqual(['admin', 'rep', 'rep', 'rep']);
    expect((await db.selectFrom('warehouses').select('id').execute()).length).toBe(2);
    expect((await db.selectFrom('dtc_customers').select('id').execute()).length).toBeGreaterThan(0);
  });

  it('refuses a size it cannot draw', async () => {
    const empty = await openStore(join(dir, 'refused.sqlite'));
    stores.push(empty);
    await expect(generateDemoBrand(empty.db, { styles: 0 })).rejects.toThrow(/1 to 20000 styles/);
    expect(await empty.db.selectFrom('products').select('id').execute()).toEqual([]);
  });
});

describe('the demo brand at the scale we plan for', () => {
  it('reaches 10,000 styles and 50,000 SKUs', async () => {
    const store = await demoStore({ styles: 10_000 });
    const count = async (table: 'products' | 'skus' | 'buyers') =>
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    expect(await count('products')).toBe(10_000);
    expect(await count('skus')).toBeGreaterThanOrEqual(50_000);
    expect(await count('buyers')).toBe(5_000);
    // About ten seconds on a quiet machine; how long is the bench's to say, not this test's.
  }, 300_000);
});
