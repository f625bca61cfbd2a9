import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoBrand } from '../../main/demo/generate.ts';
import { activeFilters } from '../../main/domain/catalog-filters.ts';
import { parseCatalogQuery } from '../../main/domain/catalog-search.ts';
import { openStyle, searchCatalog } from '../../main/services/catalog.ts';
import { searchStyles, WIDE_SCOPE } from '../../main/store/catalog-queries.ts';
import { openStore, type Store } from '../../main/store/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'trunkshow-search-'));
let store: Store;

beforeAll(async () => {
  store = await openStore(join(dir, 'showroom.sqlite'));
  await generateDemoBrand(store.db, { styles: 200, seed: 11 });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const search = (query: string, offset = 0, limit = 60) =>
  searchCatalog(store.db, { query, offset, limit });

describe('catalog search over a store', () => {
  it('pages through the whole catalog in style-number order', async () => {
    const first = await search('');
    const second = await search('', 60);
    expect(first.total).toBe(200);
    const numbers = [...first.items, ...second.items].map((s) => s.styleNumber);
    expect(numbers).toEqual([...numbers].sort());
    expect(new Set(numbers).size).toBe(120);
    const past = await search('', 400);
    expect(past).toMatchObject({ total: 200, items: [] });
  });

  it('puts the exact style number first, then the styles it begins', async () => {
    const { style_number } = await store.db
      .selectFrom('products')
      .select('style_number')
      .orderBy('style_number', 'desc')
      .executeTakeFirstOrThrow();
    const exact = await search(style_number.toLowerCase());
    expect(exact.items[0]!.styleNumber).toBe(style_number);
    const prefix = style_number.slice(0, 5);
    const begun = await search(prefix);
    expect(begun.items.every((s) => s.styleNumber.startsWith(prefix))).toBe(true);
  });

  it('matches every word, in any case, and counts every match beyond the page', async () => {
    const all = await search('');
    const style = all.items[0]!;
    const words = style.name.toUpperCase().split(' ');
    const found = await search(`${words[0]} ${words.at(-1)}`, 0, 5);
    expect(found.items.map((s) => s.id)).toContain(style.id);
    for (const item of found.items) {
      expect(item.name.toUpperCase()).toContain(words[0]);
    }
    expect(found.total).toBeGreaterThanOrEqual(found.items.length);
    expect((await search('zzzz no such style')).total).toBe(0);
  });

  it('sends a few swatches per card and says how many colourways there are', async () => {
    const { items } = await search('', 0, 200);
    for (const item of items) {
      expect(item.colorways.length).toBe(Math.min(item.colorwayCount, 6));
    }
    expect(items.some((item) => item.colorwayCount > 1)).toBe(true);
  });

  it('finds a style by a scanned barcode and says which barcode matched', async () => {
    const sku = await store.db
      .selectFrom('skus')
      .innerJoin('products', 'products.id', 'skus.product_id')
      .select(['skus.barcode', 'products.style_number'])
      .where('skus.position', '=', 2)
      .executeTakeFirstOrThrow();
    const scanned = await search(sku.barcode!);
    expect(scanned.items[0]).toMatchObject({
      styleNumber: sku.style_number,
      matchedBarcode: sku.barcode,
    });
  });

  it('prices cards in the pricelist asked for, or in the brand’s default', async () => {
    const pricelists = await store.db.selectFrom('pricelists').selectAll().execute();
    const yen = pricelists.find((p) => p.currency === 'JPY')!;
    const inYen = await searchCatalog(store.db, {
      query: '',
      pricelistId: yen.id,
      offset: 0,
      limit: 3,
    });
    expect(inYen.items[0]!.wholesale?.currency).toBe('JPY');
    expect((await search('', 0, 3)).items[0]!.wholesale?.currency).toBe('EUR');
    await expect(
      searchCatalog(store.db, { query: '', pricelistId: 'gone', offset: 0, limit: 3 }),
    ).rejects.toThrow('That pricelist no longer exists.');
  });
});

describe('opening a style', () => {
  it('gives its colourways with sizes in scale order, prices on the pricelist and stock of all warehouses', async () => {
    const style = await store.db
      .selectFrom('products as p')
      .innerJoin('size_scales as z', 'z.id', 'p.size_scale_id')
      .select(['p.id', 'p.style_number', 'z.sizes'])
      .orderBy('p.style_number')
      .executeTakeFirstOrThrow();
    const yen = await store.db
      .selectFrom('pricelists')
      .select('id')
      .where('currency', '=', 'JPY')
      .executeTakeFirstOrThrow();
    const detail = await openStyle(store.db, { styleId: style.id, pricelistId: yen.id });
    expect(detail.styleNumber).toBe(style.style_number);
    expect(detail.sizes).toEqual(JSON.parse(style.sizes));
    const first = detail.colorways[0]!;
    expect(first.skus.map((sku) => sku.size)).toEqual(
      detail.sizes.filter((size) => first.skus.some((sku) => sku.size === size)),
    );
    const sku = first.skus[0]!;
    expect(sku.wholesale?.currency).toBe('JPY');
    const price = await store.db
      .selectFrom('prices')
      .select('wholesale_minor')
      .where('sku_id', '=', sku.id)
      .where('pricelist_id', '=', yen.id)
      .executeTakeFirstOrThrow();
    expect(sku.wholesale?.amountMinor).toBe(price.wholesale_minor);
    const stock = await store.db
      .selectFrom('stock')
      .select((eb) => eb.fn.sum<number>('quantity').as('q'))
      .where('sku_id', '=', sku.id)
      .executeTakeFirstOrThrow();
    expect(sku.stock).toBe(Number(stock.q ?? 0));
  });

  it('says so when the style is gone', async () => {
    await expect(openStyle(store.db, { styleId: 'gone' })).rejects.toMatchObject({
      code: 'not_found',
      message: 'This style is no longer in the catalog.',
    });
  });
});

describe("a customer order link's search", () => {
  it('finds only the styles of its catalogs, best first, however many catalogs it holds', async () => {
    const styles = await store.db
      .selectFrom('products')
      .select('id')
      .orderBy('style_number')
      .execute();
    const left = new Set(styles.filter((_, index) => index % 20 === 7).map((s) => s.id));
    const held = styles.filter((style) => !left.has(style.id));
    // Catalogs of the same styles, more than are read whole together: each style is tested.
    const catalogCount = Math.floor(WIDE_SCOPE / held.length) + 1;
    const catalogIds = Array.from({ length: catalogCount }, (_, n) => `link-search-${n}`);
    for (const id of catalogIds) {
      await store.db
        .insertInto('catalogs')
        .values({ id, name: id, status: 'Open', publication_at: null, order_deadline_at: null })
        .execute();
      await store.db
        .insertInto('catalog_products')
        .values(held.map((style, position) => ({ catalog_id: id, product_id: style.id, position })))
        .execute();
    }
    const style = await store.db
      .selectFrom('products')
      .select(['style_number', 'name'])
      .where('id', '=', held[40]!.id)
      .executeTakeFirstOrThrow();
    const queries = ['', 'a', style.style_number.slice(0, 6), style.style_number, style.name];
    for (const text of queries) {
      const query = parseCatalogQuery(text);
      const filters = activeFilters({});
      for (const page of [
        { offset: 0, limit: 24 },
        { offset: 24, limit: 24 },
      ]) {
        const wide = await searchStyles(store.db, query, filters, page, catalogIds);
        const one = await searchStyles(store.db, query, filters, page, catalogIds.slice(0, 1));
        const everywhere = await searchStyles(store.db, query, filters, {
          offset: 0,
          limit: 200,
        });
        const expected = everywhere.rows.filter((row) => !left.has(row.id));
        expect(wide.rows).toEqual(expected.slice(page.offset, page.offset + page.limit));
        expect(wide.total).toBe(expected.length);
        expect(one).toEqual(wide);
      }
    }
  });
});
