import { sql, type Expression, type SqlBool } from 'kysely';
import { containsPattern, prefixPattern, type CatalogQuery } from '../domain/catalog-search.ts';
import type { StoreDb } from './database.ts';

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

/** One page of styles matching a query, best matches first, and how many match in all. */
export async function searchStyles(
  db: StoreDb,
  query: CatalogQuery,
  page: { offset: number; limit: number },
): Promise<CatalogSearchRows> {
  const barcodeHit = query.barcode
    ? await db
        .selectFrom('skus')
        .select('product_id')
        .where('barcode', '=', query.barcode)
        .executeTakeFirst()
    : undefined;
  const barcodeProductId = barcodeHit?.product_id ?? null;

  const base = db.selectFrom('products as p').where((eb) => {
    const termsMatch: Expression<SqlBool>[] = query.terms.map(
      (term: string) =>
        sql<SqlBool>`${eb.ref('p.search_text')} like ${containsPattern(term)} escape '\\'`,
    );
    const textMatch = termsMatch.length > 0 ? eb.and(termsMatch) : sql<SqlBool>`1`;
    return barcodeProductId ? eb.or([textMatch, eb('p.id', '=', barcodeProductId)]) : textMatch;
  });

  const columns = ['p.id', 'p.style_number', 'p.name', 'p.category', 'p.season'] as const;
  const countAll = async () =>
    Number(
      (await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    );

  if (query.text === '') {
    // The whole catalog: the style-number index gives the page, the count is a quick count.
    const rows = await base
      .select(columns)
      .orderBy('p.style_number')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return { total: await countAll(), rows, barcodeProductId };
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
  return { total: await countAll(), rows, barcodeProductId };
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
