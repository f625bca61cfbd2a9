import type {
  BrandSummary,
  CatalogFilterChoices,
  CatalogPage,
  MediaFile,
  StyleCard,
  StyleDetail,
} from '../../preload/contract/index.ts';
import { desktopAvailability } from './availability.ts';
import { OperationError } from '../../preload/contract/index.ts';
import {
  activeFilters,
  colourChoices,
  compareCatalogs,
  compareSeasons,
  compareText,
  type CatalogFilters,
} from '../domain/catalog-filters.ts';
import { parseCatalogQuery } from '../domain/catalog-search.ts';
import {
  colorwaysOf,
  filterChoiceRows,
  inSizeOrder,
  lowestPrices,
  searchStyles,
  styleRows,
} from '../store/catalog-queries.ts';
import type { StoreDb } from '../store/database.ts';

/** How many swatches a style card carries; the style page shows them all. */
const SWATCHES_PER_CARD = 6;

export async function brandSummary(db: StoreDb): Promise<BrandSummary> {
  const [brand, pricelists, styles, skus] = await Promise.all([
    db.selectFrom('brand_settings').select(['name', 'default_pricelist_id']).executeTakeFirst(),
    db.selectFrom('pricelists').select(['id', 'name', 'currency']).orderBy('name').execute(),
    db
      .selectFrom('products')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('skus')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    name: brand?.name ?? 'Trunkshow',
    defaultPricelistId: brand?.default_pricelist_id ?? pricelists[0]?.id ?? null,
    pricelists,
    styleCount: Number(styles.n),
    skuCount: Number(skus.n),
  };
}

export async function searchCatalog(
  db: StoreDb,
  input: {
    query: string;
    pricelistId?: string | undefined;
    filters?: CatalogFilters | undefined;
    offset: number;
    limit: number;
  },
): Promise<CatalogPage> {
  const pricelist = await resolvePricelist(db, input.pricelistId);
  const query = parseCatalogQuery(input.query);
  const filters = activeFilters(input.filters ?? {});
  const found = await searchStyles(db, query, filters, input);
  const ids = found.rows.map((row) => row.id);
  const [colorways, prices] = await Promise.all([
    colorwaysOf(db, ids),
    pricelist ? lowestPrices(db, pricelist.id, ids) : Promise.resolve([]),
  ]);

  const colorwaysByStyle = Map.groupBy(colorways, (c) => c.product_id);
  const priceByStyle = new Map(prices.map((p) => [p.product_id, p]));
  const items = found.rows.map((row): StyleCard => {
    const styleColorways = colorwaysByStyle.get(row.id) ?? [];
    const price = priceByStyle.get(row.id);
    return {
      id: row.id,
      styleNumber: row.style_number,
      name: row.name,
      category: row.category,
      season: row.season,
      pictureId: styleColorways.find((c) => c.picture_id)?.picture_id ?? null,
      colorwayCount: styleColorways.length,
      colorways: styleColorways
        .slice(0, SWATCHES_PER_CARD)
        .map((c) => ({ code: c.code, name: c.name, colorHex: c.color_hex })),
      wholesale:
        price && pricelist
          ? { amountMinor: price.wholesale_min, currency: pricelist.currency }
          : null,
      retail:
        price && pricelist ? { amountMinor: price.retail_min, currency: pricelist.currency } : null,
      matchedBarcode: row.id === found.barcodeProductId ? query.barcode : null,
    };
  });
  return {
    query: query.text,
    pricelistId: pricelist?.id ?? null,
    filters,
    total: found.total,
    offset: input.offset,
    items,
  };
}

export async function catalogFilterChoices(db: StoreDb): Promise<CatalogFilterChoices> {
  const rows = await filterChoiceRows(db);
  return {
    catalogs: rows.catalogs.toSorted(compareCatalogs),
    seasons: rows.seasons.toSorted(compareSeasons),
    categories: rows.categories.toSorted(compareText),
    colours: colourChoices(rows.colours),
  };
}

export async function openStyle(
  db: StoreDb,
  input: { styleId: string; pricelistId?: string | undefined; buyerId?: string | undefined },
): Promise<StyleDetail> {
  const pricelist = await resolvePricelist(db, input.pricelistId);
  const rows = await styleRows(db, input.styleId, pricelist?.id ?? null);
  if (!rows) throw new OperationError('not_found', 'This style is no longer in the catalog.');
  const stock = input.buyerId
    ? await desktopAvailability(
        db,
        input.buyerId,
        rows.skus.map((sku) => sku.id),
      )
    : null;
  const money = (amountMinor: number | null) =>
    amountMinor !== null && pricelist ? { amountMinor, currency: pricelist.currency } : null;
  const { sizes, colorways } = inSizeOrder(rows);
  return {
    id: rows.product.id,
    styleNumber: rows.product.style_number,
    name: rows.product.name,
    description: rows.product.description,
    category: rows.product.category,
    season: rows.product.season,
    sizes,
    pricelistId: pricelist?.id ?? null,
    catalogs: rows.catalogs,
    colorways: colorways.map(({ colorway, skus }) => ({
      code: colorway.code,
      name: colorway.name,
      colorHex: colorway.color_hex,
      pictureId: colorway.picture_id,
      skus: skus.map((sku) => ({
        id: sku.id,
        size: sku.size,
        barcode: sku.barcode,
        wholesale: money(sku.wholesale_minor),
        retail: money(sku.retail_minor),
        stock: Number(sku.stock ?? 0),
        ...(stock?.warehouse ? { available: stock.available.get(sku.id) ?? 0 } : {}),
      })),
    })),
    ...(stock ? { warehouse: stock.warehouse?.name ?? null } : {}),
  };
}

async function resolvePricelist(db: StoreDb, requested: string | undefined) {
  if (requested) {
    const pricelist = await db
      .selectFrom('pricelists')
      .select(['id', 'currency'])
      .where('id', '=', requested)
      .executeTakeFirst();
    if (!pricelist) throw new OperationError('not_found', 'That pricelist no longer exists.');
    return pricelist;
  }
  return db
    .selectFrom('brand_settings as b')
    .innerJoin('pricelists as p', 'p.id', 'b.default_pricelist_id')
    .select(['p.id', 'p.currency'])
    .executeTakeFirst()
    .then(
      (found) =>
        found ??
        db.selectFrom('pricelists').select(['id', 'currency']).orderBy('name').executeTakeFirst(),
    );
}

export async function mediaFile(db: StoreDb, id: string): Promise<MediaFile> {
  const media = await db
    .selectFrom('media')
    .select(['content_type', 'bytes'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!media) throw new OperationError('not_found', 'There is no such picture.');
  return { contentType: media.content_type, bytes: new Uint8Array(media.bytes) };
}
