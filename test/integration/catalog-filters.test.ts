import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogFilters } from '../../main/domain/catalog-filters.ts';
import { generateDemoBrand } from '../../main/demo/generate.ts';
import { catalogFilterChoices, searchCatalog } from '../../main/services/catalog.ts';
import { openStore, type Store } from '../../main/store/database.ts';

const dir = mkdtempSync(join(tmpdir(), 'trunkshow-filters-'));
let store: Store;

/** The catalog as plain rows, to work out by hand which styles each filter should give. */
interface Catalog {
  styles: { id: string; style_number: string; name: string; season: string; category: string }[];
  colourNames: Map<string, string[]>;
  stockBySku: Map<string, number>;
  skusByStyle: Map<string, string[]>;
  catalogStyles: Map<string, Set<string>>;
}
let catalog: Catalog;

/** Three styles whose stock the tests shape: none left, one unit in one warehouse, no rows. */
let soldOut: string;
let lastUnit: string;
let neverStocked: string;

beforeAll(async () => {
  store = await openStore(join(dir, 'showroom.sqlite'), 'replica');
  await generateDemoBrand(store.db, { styles: 200, seed: 23 });
  const db = store.db;
  const picked = await db
    .selectFrom('products')
    .select('id')
    .orderBy('style_number')
    .limit(3)
    .execute();
  [soldOut, lastUnit, neverStocked] = picked.map((row) => row.id) as [string, string, string];
  const skusOf = (productId: string) =>
    db.selectFrom('skus').select('id').where('product_id', '=', productId);
  await db
    .updateTable('stock')
    .set({ quantity: 0 })
    .where('sku_id', 'in', skusOf(soldOut))
    .execute();
  await db
    .updateTable('stock')
    .set({ quantity: 0 })
    .where('sku_id', 'in', skusOf(lastUnit))
    .execute();
  const one = await db
    .selectFrom('stock')
    .select(['sku_id', 'warehouse_id'])
    .where('sku_id', 'in', skusOf(lastUnit))
    .executeTakeFirstOrThrow();
  await db
    .updateTable('stock')
    .set({ quantity: 1 })
    .where('sku_id', '=', one.sku_id)
    .where('warehouse_id', '=', one.warehouse_id)
    .execute();
  await db.deleteFrom('stock').where('sku_id', 'in', skusOf(neverStocked)).execute();

  // One import spelled a colour in capitals: it is the same colour to the rep.
  const navy = await db
    .selectFrom('colorways')
    .select(['product_id'])
    .where('name', '=', 'Navy')
    .executeTakeFirstOrThrow();
  const other = await db
    .selectFrom('products')
    .select('id')
    .where(
      'id',
      'not in',
      db.selectFrom('colorways').select('product_id').where('name', '=', 'Navy'),
    )
    .executeTakeFirstOrThrow();
  expect(navy.product_id).not.toBe(other.id);
  await db
    .insertInto('colorways')
    .values({
      id: 'shouted-navy',
      product_id: other.id,
      code: '999',
      name: 'NAVY',
      color_hex: '#1f2d4a',
      picture_id: null,
      position: 9,
    })
    .execute();

  catalog = await readCatalog(store);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function readCatalog({ db }: Store): Promise<Catalog> {
  const [styles, colorways, skus, stock, members] = await Promise.all([
    db
      .selectFrom('products')
      .select(['id', 'style_number', 'name', 'season', 'category'])
      .execute(),
    db.selectFrom('colorways').select(['product_id', 'name']).execute(),
    db.selectFrom('skus').select(['id', 'product_id']).execute(),
    db.selectFrom('stock').select(['sku_id', 'quantity']).execute(),
    db.selectFrom('catalog_products').select(['catalog_id', 'product_id']).execute(),
  ]);
  const colourNames = new Map<string, string[]>();
  for (const c of colorways)
    colourNames.set(c.product_id, [...(colourNames.get(c.product_id) ?? []), c.name]);
  const stockBySku = new Map<string, number>();
  for (const s of stock) stockBySku.set(s.sku_id, (stockBySku.get(s.sku_id) ?? 0) + s.quantity);
  const skusByStyle = new Map<string, string[]>();
  for (const s of skus)
    skusByStyle.set(s.product_id, [...(skusByStyle.get(s.product_id) ?? []), s.id]);
  const catalogStyles = new Map<string, Set<string>>();
  for (const m of members) {
    const set = catalogStyles.get(m.catalog_id) ?? new Set<string>();
    set.add(m.product_id);
    catalogStyles.set(m.catalog_id, set);
  }
  return { styles, colourNames, stockBySku, skusByStyle, catalogStyles };
}

/** Which styles the filters should give, worked out from the rows one style at a time. */
function expected(filters: CatalogFilters, words: string[] = []): string[] {
  return catalog.styles
    .filter((style) => {
      if (filters.season !== undefined && style.season !== filters.season) return false;
      if (filters.category !== undefined && style.category !== filters.category) return false;
      if (
        filters.catalogId !== undefined &&
        !catalog.catalogStyles.get(filters.catalogId)?.has(style.id)
      )
        return false;
      const colours = catalog.colourNames.get(style.id) ?? [];
      if (
        filters.colour !== undefined &&
        !colours.some((name) => name.toLowerCase() === filters.colour!.toLowerCase())
      )
        return false;
      const skus = catalog.skusByStyle.get(style.id) ?? [];
      if (filters.inStock && !skus.some((sku) => (catalog.stockBySku.get(sku) ?? 0) > 0))
        return false;
      const text = [style.style_number, style.name, style.season, style.category, ...colours]
        .join(' ')
        .toLowerCase();
      return words.every((word) => text.includes(word.toLowerCase()));
    })
    .map((style) => style.style_number)
    .sort();
}

async function found(filters: CatalogFilters, query = '') {
  const page = await searchCatalog(store.db, { query, filters, offset: 0, limit: 500 });
  expect(page.items).toHaveLength(page.total);
  return page.items.map((item) => item.styleNumber).sort();
}

describe('filtering the catalog over a store', () => {
  it('narrows by each filter alone to exactly the styles that fit it', async () => {
    const choices = await catalogFilterChoices(store.db);
    const single: CatalogFilters[] = [
      ...choices.catalogs.map((c) => ({ catalogId: c.id })),
      ...choices.seasons.map((season) => ({ season })),
      ...choices.categories.map((category) => ({ category })),
      ...choices.colours.map((c) => ({ colour: c.name })),
      { inStock: true },
    ];
    for (const filters of single) {
      const want = expected(filters);
      expect(want.length, JSON.stringify(filters)).toBeGreaterThan(0);
      expect(want.length, JSON.stringify(filters)).toBeLessThan(catalog.styles.length);
      expect(await found(filters), JSON.stringify(filters)).toEqual(want);
    }
  });

  it('counts a style in stock when any of its SKUs has stock left over all warehouses', async () => {
    const inStock = await searchCatalog(store.db, {
      query: '',
      filters: { inStock: true },
      offset: 0,
      limit: 500,
    });
    const ids = new Set(inStock.items.map((item) => item.id));
    expect(ids.has(lastUnit)).toBe(true);
    expect(ids.has(soldOut)).toBe(false);
    expect(ids.has(neverStocked)).toBe(false);
    expect(inStock.filters).toEqual({ inStock: true });
  });

  it('matches a colour in any letter case, across styles that spell it differently', async () => {
    const navy = await found({ colour: 'navy' });
    expect(navy).toEqual(expected({ colour: 'Navy' }));
    const shouted = catalog.styles.find((s) => catalog.colourNames.get(s.id)?.includes('NAVY'));
    expect(navy).toContain(shouted!.style_number);
  });

  it('combines filters with each other and with the words typed', async () => {
    const choices = await catalogFilterChoices(store.db);
    const open = choices.catalogs.find((c) => c.status === 'Open')!;
    const combos: [CatalogFilters, string][] = [
      [{ season: 'SS27', inStock: true }, ''],
      [{ catalogId: open.id, category: choices.categories[0] }, ''],
      [{ season: choices.seasons[1], colour: 'Black', inStock: true }, ''],
      [{ inStock: true }, 'cotton'],
      [{ category: 'Shirts', colour: 'Navy' }, 'relaxed'],
    ];
    for (const [filters, query] of combos) {
      const words = query === '' ? [] : [query];
      expect(await found(filters, query), JSON.stringify([filters, query])).toEqual(
        expected(filters, words),
      );
    }
  });

  it('pages through filtered styles in style-number order and counts them all', async () => {
    const filters = { inStock: true, season: 'AW26' };
    const want = expected(filters);
    const first = await searchCatalog(store.db, { query: '', filters, offset: 0, limit: 20 });
    const second = await searchCatalog(store.db, { query: '', filters, offset: 20, limit: 20 });
    expect(first.total).toBe(want.length);
    expect([...first.items, ...second.items].map((item) => item.styleNumber)).toEqual(
      want.slice(0, 40),
    );
  });

  it('ranks in-stock matches as it ranks any search: style numbers it begins first', async () => {
    const query = 's';
    const rank = (styleNumber: string) => {
      const lower = styleNumber.toLowerCase();
      return lower === query ? 1 : lower.startsWith(query) ? 2 : 3;
    };
    const want = expected({ inStock: true }, [query]).sort(
      (a, b) => rank(a) - rank(b) || (a < b ? -1 : 1),
    );
    expect(new Set(want.map(rank)).size).toBeGreaterThan(1);
    const filters = { inStock: true };
    const first = await searchCatalog(store.db, { query, filters, offset: 0, limit: 50 });
    const second = await searchCatalog(store.db, { query, filters, offset: 50, limit: 50 });
    expect(first.total).toBe(want.length);
    expect([...first.items, ...second.items].map((item) => item.styleNumber)).toEqual(
      want.slice(0, 100),
    );
  });

  it('filters a scanned barcode’s style like any other', async () => {
    const sku = await store.db
      .selectFrom('skus as s')
      .innerJoin('products as p', 'p.id', 's.product_id')
      .select(['s.barcode', 'p.style_number', 'p.season'])
      .where('p.id', '=', lastUnit)
      .executeTakeFirstOrThrow();
    const fits = await searchCatalog(store.db, {
      query: sku.barcode!,
      filters: { season: sku.season },
      offset: 0,
      limit: 5,
    });
    expect(fits.items[0]).toMatchObject({
      styleNumber: sku.style_number,
      matchedBarcode: sku.barcode,
    });
    const other = catalog.styles.find((s) => s.season !== sku.season)!.season;
    const filteredOut = await searchCatalog(store.db, {
      query: sku.barcode!,
      filters: { season: other },
      offset: 0,
      limit: 5,
    });
    expect(filteredOut.items.map((item) => item.styleNumber)).not.toContain(sku.style_number);
  });

  it('finds nothing in a catalog that is not there, and treats empty choices as none', async () => {
    expect(await found({ catalogId: 'gone' })).toEqual([]);
    const unfiltered = await searchCatalog(store.db, {
      query: '',
      filters: { season: '', inStock: false },
      offset: 0,
      limit: 1,
    });
    expect(unfiltered).toMatchObject({ total: catalog.styles.length, filters: {} });
  });
});

describe('the filter menus', () => {
  it('offer every catalog, season, category and colour of the brand, in the order a rep reads them', async () => {
    const choices = await catalogFilterChoices(store.db);
    expect(choices.catalogs.map((c) => c.status)).toEqual(['Open', 'Limited', 'Limited', 'Closed']);
    expect(choices.seasons).toEqual(['AW27', 'SS27', 'AW26']);
    expect(choices.categories).toEqual([...new Set(catalog.styles.map((s) => s.category))].sort());
    const names = choices.colours.map((c) => c.name);
    expect(names).toEqual(names.toSorted((a, b) => a.localeCompare(b, 'en')));
    expect(names.filter((name) => name.toLowerCase() === 'navy')).toEqual(['Navy']);
    expect(choices.colours.find((c) => c.name === 'Navy')?.colorHex).toBe('#1f2d4a');
  });
});
