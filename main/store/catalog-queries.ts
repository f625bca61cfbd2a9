import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { hasActiveFilters, type CatalogFilters } from '../domain/catalog-filters.ts';
import { containsPattern, prefixPattern, type CatalogQuery } from '../domain/catalog-search.ts';
import { engineOf, type StoreDb } from './database.ts';
import type { StoreSchema } from './schema.ts';

export interface StyleRow {
  id: string;
  style_number: string;
  name: string;
  category: string;
  season: string;
}

export interface CatalogSearchRows {
  total: number;
  rows: StyleRow[];
  /** The product a barcode query matched, with that barcode. */
  barcodeProductId: string | null;
}

/** A scanned barcode's style first, then an exact style number, then style numbers it begins. */
function rankOf(query: CatalogQuery, barcodeProductId: string | null) {
  return sql`case
    when p.id = ${barcodeProductId} then 0
    when lower(p.style_number) = ${query.styleNumber} then 1
    when lower(p.style_number) like ${prefixPattern(query.styleNumber)} escape '\\' then 2
    else 3 end`;
}

type ProductsScope = ExpressionBuilder<StoreSchema & { p: StoreSchema['products'] }, 'p'>;

/**
 * The filters but "in stock" as conditions on a style (aliased p), selective ones first:
 * SQLite tests them in the order written.
 */
function narrowingConditions(
  db: StoreDb,
  eb: ProductsScope,
  filters: CatalogFilters,
): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filters.season !== undefined) conditions.push(eb('p.season', '=', filters.season));
  if (filters.category !== undefined) conditions.push(eb('p.category', '=', filters.category));
  if (filters.catalogId !== undefined) {
    conditions.push(
      eb(
        'p.id',
        'in',
        eb
          .selectFrom('catalog_products as cp')
          .select('cp.product_id')
          .where('cp.catalog_id', '=', filters.catalogId),
      ),
    );
  }
  if (filters.colour !== undefined) {
    // Compared as the colorways_name index is built, so the index finds the styles.
    conditions.push(
      sql<SqlBool>`p.id in (select c.product_id from colorways c where ${engineOf(db).equalsIgnoringCase(sql`c.name`, filters.colour)})`,
    );
  }
  return conditions;
}

/**
 * At least one SKU of the style whose stock over all warehouses is above zero. Both
 * lookups are answered from indexes (0004-catalog-filters) and stop at the first SKU in
 * stock, yet at ~2 µs a style this is the costliest test of a search.
 */
function inStock(productId: Expression<string>): Expression<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from skus s
    where s.product_id = ${productId}
      and (select sum(st.quantity) from stock st where st.sku_id = s.id) > 0)`;
}

/**
 * Above this many styles (a style in two catalogs counted twice), a customer order
 * link's catalogs are tested style by style (inCatalogs) rather than read whole: read
 * whole, SQLite looks up each of their styles, ~2.5 µs a style (a link of 10,000 styles:
 * ~25 ms a search, even when the words match a handful); tested, ~1 µs a style the words
 * match per catalog of the link (~10 ms at most). Small scopes are cheaper read whole.
 */
export const WIDE_SCOPE = 3_000;

function catalogIdsOrNone(catalogIds: readonly string[]): readonly string[] {
  return catalogIds.length > 0 ? catalogIds : [''];
}

/** How many styles the catalogs hold, a style in two counted twice; from their index alone. */
async function scopeSize(db: StoreDb, catalogIds: readonly string[]): Promise<number> {
  const counted = await db
    .selectFrom('catalog_products')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('catalog_id', 'in', catalogIdsOrNone(catalogIds))
    .executeTakeFirstOrThrow();
  return Number(counted.n);
}

/** The style is in one of the catalogs: one lookup in the catalogs' index per catalog. */
function inCatalogs(
  productId: Expression<string>,
  catalogIds: readonly string[],
): Expression<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from catalog_products cp
    where cp.product_id = ${productId}
      and cp.catalog_id in (${sql.join(catalogIdsOrNone(catalogIds))}))`;
}

/**
 * One page of styles matching a query and the filters, best matches first, and how
 * many match in all.
 */
export async function searchStyles(
  db: StoreDb,
  query: CatalogQuery,
  filters: CatalogFilters,
  page: { offset: number; limit: number },
  /** Only styles in one of these catalogs (a customer order link's open ones); absent: all. */
  withinCatalogs?: readonly string[],
): Promise<CatalogSearchRows> {
  const barcodeHit = query.barcode
    ? await db
        .selectFrom('skus')
        .select('product_id')
        .where('barcode', '=', query.barcode)
        .executeTakeFirst()
    : undefined;
  const barcodeProductId = barcodeHit?.product_id ?? null;

  const wideScope =
    withinCatalogs !== undefined && (await scopeSize(db, withinCatalogs)) > WIDE_SCOPE;
  /** `tested`: with the tests made style by style (in stock; in a wide scope), else without. */
  const matching = (tested: boolean) =>
    db.selectFrom('products as p').where((eb) => {
      const termsMatch: Expression<SqlBool>[] = query.terms.map(
        (term: string) =>
          sql<SqlBool>`${eb.ref('p.search_text')} like ${containsPattern(term)} escape '\\'`,
      );
      const textMatch = termsMatch.length > 0 ? eb.and(termsMatch) : sql<SqlBool>`1 = 1`;
      const searchMatch = barcodeProductId
        ? eb.or([textMatch, eb('p.id', '=', barcodeProductId)])
        : textMatch;
      // A scanned style is filtered like any other: what is on screen always fits the chips.
      const stock = tested && filters.inStock ? [inStock(eb.ref('p.id'))] : [];
      const scope = !withinCatalogs
        ? []
        : wideScope
          ? tested
            ? [inCatalogs(eb.ref('p.id'), withinCatalogs)]
            : []
          : [
              eb(
                'p.id',
                'in',
                eb
                  .selectFrom('catalog_products as cp')
                  .select('cp.product_id')
                  .where('cp.catalog_id', 'in', catalogIdsOrNone(withinCatalogs)),
              ),
            ];
      return eb.and([searchMatch, ...narrowingConditions(db, eb, filters), ...scope, ...stock]);
    });
  const base = matching(true);

  const columns = ['p.id', 'p.style_number', 'p.name', 'p.category', 'p.season'] as const;
  /** How many match in all: a page the matches ran out on says so itself. */
  const countAll = async (rows: readonly StyleRow[]) => {
    if (rows.length < page.limit && (rows.length > 0 || page.offset === 0)) {
      return page.offset + rows.length;
    }
    return Number(
      (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    );
  };

  const narrowed = hasActiveFilters({ ...filters, inStock: false });
  const stockTestedLate = filters.inStock && (query.text !== '' || narrowed);
  if (stockTestedLate || (wideScope && query.text !== '')) {
    // Ranked (or ordered by style number) first and tested (in a wide scope, in stock)
    // only as far down as the page reaches. Left to SQLite, the tests run on every match
    // before the sort: a one-letter search in stock took ~100 ms, a season in stock
    // ~26 ms, a one-letter search of a link of 10,000 styles ~17 ms; this way ~6, ~1.3
    // and ~7. The materialized ranking is read back in the order it was written, which
    // the integration tests hold it to.
    const rank = query.text === '' ? sql<number>`0` : rankOf(query, barcodeProductId);
    const rows = await db
      .with(
        (cte) => cte('ranked').materialized(),
        () =>
          matching(false)
            .select([...columns, rank.as('rank')])
            .orderBy('rank')
            .orderBy('p.style_number'),
      )
      .selectFrom('ranked as r')
      .select(['r.id', 'r.style_number', 'r.name', 'r.category', 'r.season'])
      .where((eb) =>
        eb.and([
          ...(wideScope ? [inCatalogs(eb.ref('r.id'), withinCatalogs)] : []),
          ...(filters.inStock ? [inStock(eb.ref('r.id'))] : []),
        ]),
      )
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: await countAll(rows), rows, barcodeProductId };
  }

  if (query.text === '') {
    // The whole catalog (in stock or not): the style-number index gives the page, its
    // tests stop once the page is full; the count is a quick count.
    const rows = await base
      .select(columns)
      .orderBy('p.style_number')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: await countAll(rows), rows, barcodeProductId };
  }

  // A window count here would make SQLite sort every matching row with all its columns;
  // a separate count is cheaper on broad searches (measured with npm run bench).
  const rows = await base
    .select(columns)
    .orderBy(rankOf(query, barcodeProductId))
    .orderBy('p.style_number')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { total: await countAll(rows), rows, barcodeProductId };
}

export interface ColorwayRow {
  id: string;
  product_id: string;
  code: string;
  name: string;
  color_hex: string;
  picture_id: string | null;
}

export async function colorwaysOf(db: StoreDb, productIds: string[]): Promise<ColorwayRow[]> {
  if (productIds.length === 0) return [];
  return db
    .selectFrom('colorways')
    .select(['id', 'product_id', 'code', 'name', 'color_hex', 'picture_id'])
    .where('product_id', 'in', productIds)
    .orderBy('product_id')
    .orderBy('position')
    .execute();
}

export interface PriceRangeRow {
  product_id: string;
  wholesale_min: number;
  retail_min: number;
}

/** The lowest wholesale and retail price of each style on one pricelist. */
export async function lowestPrices(
  db: StoreDb,
  pricelistId: string,
  productIds: string[],
): Promise<PriceRangeRow[]> {
  if (productIds.length === 0) return [];
  return db
    .selectFrom('skus as s')
    .innerJoin('prices as pr', (join) =>
      join.onRef('pr.sku_id', '=', 's.id').on('pr.pricelist_id', '=', pricelistId),
    )
    .select((eb) => [
      's.product_id',
      eb.fn.min<number>('pr.wholesale_minor').as('wholesale_min'),
      eb.fn.min<number>('pr.retail_minor').as('retail_min'),
    ])
    .where('s.product_id', 'in', productIds)
    .groupBy('s.product_id')
    .execute();
}

/** A style, its size scale and catalogs, its colourways, and each SKU's prices and stock. */
export async function styleRows(db: StoreDb, styleId: string, pricelistId: string | null) {
  const product = await db
    .selectFrom('products as p')
    .innerJoin('size_scales as z', 'z.id', 'p.size_scale_id')
    .select([
      'p.id',
      'p.style_number',
      'p.name',
      'p.description',
      'p.category',
      'p.season',
      'z.sizes',
    ])
    .where('p.id', '=', styleId)
    .executeTakeFirst();
  if (!product) return null;
  const [colorways, skus, catalogs] = await Promise.all([
    colorwaysOf(db, [styleId]),
    db
      .selectFrom('skus as s')
      .leftJoin('prices as pr', (join) =>
        join.onRef('pr.sku_id', '=', 's.id').on('pr.pricelist_id', '=', pricelistId ?? ''),
      )
      .select((eb) => [
        's.id',
        's.colorway_id',
        's.size',
        's.barcode',
        'pr.wholesale_minor',
        'pr.retail_minor',
        eb
          .selectFrom('stock as st')
          .select((inner) =>
            inner.fn.coalesce(inner.fn.sum<number>('st.quantity'), inner.lit(0)).as('q'),
          )
          .whereRef('st.sku_id', '=', 's.id')
          .as('stock'),
      ])
      .where('s.product_id', '=', styleId)
      .orderBy('s.position')
      .execute(),
    db
      .selectFrom('catalog_products as cp')
      .innerJoin('catalogs as c', 'c.id', 'cp.catalog_id')
      .select('c.name')
      .where('cp.product_id', '=', styleId)
      .orderBy('c.name')
      .execute(),
  ]);
  return { product, colorways, skus, catalogs: catalogs.map((row) => row.name) };
}

/** The style's sizes, and its colourways each with its SKUs in the size scale's order. */
export function inSizeOrder(rows: NonNullable<Awaited<ReturnType<typeof styleRows>>>) {
  const sizes = JSON.parse(rows.product.sizes) as string[];
  const sizeOrder = new Map(sizes.map((size, index) => [size, index]));
  const skusByColorway = Map.groupBy(rows.skus, (sku) => sku.colorway_id);
  return {
    sizes,
    colorways: rows.colorways.map((colorway) => ({
      colorway,
      skus: (skusByColorway.get(colorway.id) ?? []).toSorted(
        (a, b) => (sizeOrder.get(a.size) ?? 0) - (sizeOrder.get(b.size) ?? 0),
      ),
    })),
  };
}

/** Everything the filter menus can offer, as the store holds it (services sort and merge). */
export async function filterChoiceRows(db: StoreDb) {
  const [catalogs, seasons, categories, colours] = await Promise.all([
    db.selectFrom('catalogs').select(['id', 'name', 'status']).execute(),
    db.selectFrom('products').select('season').distinct().where('season', '!=', '').execute(),
    db.selectFrom('products').select('category').distinct().where('category', '!=', '').execute(),
    db
      .selectFrom('colorways')
      .select((eb) => ['name', 'color_hex', eb.fn.countAll<number>().as('colorways')])
      .groupBy(['name', 'color_hex'])
      .execute(),
  ]);
  return {
    catalogs,
    seasons: seasons.map((row) => row.season),
    categories: categories.map((row) => row.category),
    colours: colours.map((row) => ({
      name: row.name,
      colorHex: row.color_hex,
      colorways: Number(row.colorways),
    })),
  };
}
