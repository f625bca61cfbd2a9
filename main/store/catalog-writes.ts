import { sql, type Insertable, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CsvProblem } from '../../preload/contract/index.ts';
import {
  ProblemList,
  skuKeyText,
  styleSearchText,
  type PriceRow,
  type ProductRow,
  type ReadRows,
  type SkuKey,
  type StockRow,
} from '../domain/catalog-import.ts';
import { inChunks, insertInBatches } from './batches.ts';
import type { StoreSchema } from './schema.ts';

export type WriteOutcome =
  { ok: true; counts: Record<string, number> } | { ok: false; problems: CsvProblem[] };

type Db = Kysely<StoreSchema>;

/**
 * Writes imported catalog rows inside the caller's transaction. Every reference is
 * resolved against the store first; only when all of them hold is anything written.
 */
export function writeRows(db: Db, rows: ReadRows, at: string): Promise<WriteOutcome> {
  switch (rows.kind) {
    case 'products':
      return writeProducts(db, rows.rows, at);
    case 'prices':
      return writePrices(db, rows.rows);
    case 'stock':
      return writeStock(db, rows.rows);
  }
}

async function writeProducts(db: Db, rows: ProductRow[], at: string): Promise<WriteOutcome> {
  const problems = new ProblemList();
  const styleNumbers = [...new Set(rows.map((r) => r.styleNumber))];
  const existingStyles = await inChunks(styleNumbers, (chunk) =>
    db
      .selectFrom('products')
      .select(['id', 'style_number'])
      .where('style_number', 'in', chunk)
      .execute(),
  );
  const productIds = new Map(existingStyles.map((p) => [p.style_number, p.id]));
  const existingColorways = await inChunks([...productIds.values()], (chunk) =>
    db
      .selectFrom('colorways')
      .select(['id', 'product_id', 'code', 'name', 'position'])
      .where('product_id', 'in', chunk)
      .execute(),
  );
  const colorwayIds = new Map(
    existingColorways.map((c) => [`${c.product_id}\u0000${c.code}`, c.id]),
  );
  const existingSkus = await inChunks([...colorwayIds.values()], (chunk) =>
    db
      .selectFrom('skus')
      .select(['id', 'colorway_id', 'size'])
      .where('colorway_id', 'in', chunk)
      .execute(),
  );
  const skuIds = new Map(existingSkus.map((s) => [`${s.colorway_id}\u0000${s.size}`, s.id]));
  const barcodes = rows.flatMap((r) => (r.barcode ? [r.barcode] : []));
  const barcodeOwners = new Map(
    (
      await inChunks(barcodes, (chunk) =>
        db.selectFrom('skus').select(['id', 'barcode']).where('barcode', 'in', chunk).execute(),
      )
    ).map((s) => [s.barcode!, s.id]),
  );
  const scales = new Map(
    (await db.selectFrom('size_scales').selectAll().execute()).map((s) => [
      s.name,
      { id: s.id, sizes: JSON.parse(s.sizes) as string[] },
    ]),
  );

  const sizing = await planSizeScales(
    db,
    rows,
    scales,
    existingStyles,
    existingColorways,
    existingSkus,
    problems,
  );
  const scaleSizes = sizing.sizes;

  const productRows = new Map<string, Insertable<StoreSchema['products']>>();
  const colorwayRows = new Map<string, Insertable<StoreSchema['colorways']>>();
  const skuRows: Insertable<StoreSchema['skus']>[] = [];
  const colorwayNames = new Map<string, Map<string, string>>();
  for (const { product_id, code, name } of existingColorways) {
    const names = colorwayNames.get(product_id) ?? new Map<string, string>();
    names.set(code, name);
    colorwayNames.set(product_id, names);
  }
  const nextColorwayPosition = new Map<string, number>();
  for (const c of existingColorways) {
    nextColorwayPosition.set(
      c.product_id,
      Math.max(nextColorwayPosition.get(c.product_id) ?? 0, c.position + 1),
    );
  }
  const existingPositions = new Map(existingColorways.map((c) => [c.id, c.position]));
  const scaleIds = new Map([...scales].map(([name, s]) => [name, s.id]));
  for (const name of sizing.created) scaleIds.set(name, uuidv7());

  for (const row of rows) {
    let productId = productIds.get(row.styleNumber);
    if (!productId) {
      productId = uuidv7();
      productIds.set(row.styleNumber, productId);
    }
    if (!productRows.has(productId)) {
      productRows.set(productId, {
        id: productId,
        style_number: row.styleNumber,
        name: row.name,
        description: row.description,
        category: row.category,
        season: row.season,
        size_scale_id: scaleIds.get(row.sizeScale)!,
        search_text: '',
        updated_at: at,
      });
    }
    const colorwayKey = `${productId}\u0000${row.colorwayCode}`;
    let colorwayId = colorwayIds.get(colorwayKey);
    if (!colorwayId) {
      colorwayId = uuidv7();
      colorwayIds.set(colorwayKey, colorwayId);
    }
    if (!colorwayRows.has(colorwayKey)) {
      const position = existingPositions.get(colorwayId);
      const next = nextColorwayPosition.get(productId) ?? 0;
      if (position === undefined) nextColorwayPosition.set(productId, next + 1);
      colorwayRows.set(colorwayKey, {
        id: colorwayId,
        product_id: productId,
        code: row.colorwayCode,
        name: row.colorwayName,
        color_hex: row.colorHex,
        picture_id: null,
        position: position ?? next,
      });
      const names = colorwayNames.get(productId) ?? new Map<string, string>();
      names.set(row.colorwayCode, row.colorwayName);
      colorwayNames.set(productId, names);
    }
    const skuId = skuIds.get(`${colorwayId}\u0000${row.size}`) ?? uuidv7();
    if (row.barcode) {
      const owner = barcodeOwners.get(row.barcode);
      if (owner && owner !== skuId) {
        problems.add({
          line: row.line,
          column: 'barcode',
          message: `barcode ${row.barcode} already belongs to another SKU in the catalog`,
        });
      }
    }
    skuRows.push({
      id: skuId,
      product_id: productId,
      colorway_id: colorwayId,
      size: row.size,
      barcode: row.barcode,
      position: Math.max(0, scaleSizes.get(row.sizeScale)?.indexOf(row.size) ?? 0),
    });
  }
  if (problems.list.length > 0) return { ok: false, problems: problems.list };

  for (const product of productRows.values()) {
    product.search_text = styleSearchText({
      styleNumber: product.style_number,
      name: product.name,
      category: product.category,
      season: product.season,
      colorwayNames: [...(colorwayNames.get(product.id)?.values() ?? [])],
    });
  }
  const newScales = sizing.created.map((name) => ({
    id: scaleIds.get(name)!,
    name,
    sizes: JSON.stringify(scaleSizes.get(name)),
  }));
  await insertInBatches(newScales, (batch) => db.insertInto('size_scales').values(batch).execute());
  for (const name of sizing.changed) {
    await db
      .updateTable('size_scales')
      .set({ sizes: JSON.stringify(scaleSizes.get(name)) })
      .where('id', '=', scaleIds.get(name)!)
      .execute();
  }
  await insertInBatches([...productRows.values()], (batch) =>
    db
      .insertInto('products')
      .values(batch)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          description: eb.ref('excluded.description'),
          category: eb.ref('excluded.category'),
          season: eb.ref('excluded.season'),
          size_scale_id: eb.ref('excluded.size_scale_id'),
          search_text: eb.ref('excluded.search_text'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute(),
  );
  await insertInBatches([...colorwayRows.values()], (batch) =>
    db
      .insertInto('colorways')
      .values(batch)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          color_hex: eb.ref('excluded.color_hex'),
        })),
      )
      .execute(),
  );
  await insertInBatches(skuRows, (batch) =>
    db
      .insertInto('skus')
      .values(batch)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          barcode: eb.ref('excluded.barcode'),
          position: eb.ref('excluded.position'),
        })),
      )
      .execute(),
  );
  // SKUs are ordered by their size's place in the scale; a scale that changed moves
  // the SKUs of every style on it, not only those in this file.
  for (const name of [...sizing.created, ...sizing.changed]) {
    const places = sql.join(
      scaleSizes.get(name)!.map((size, place) => sql`when ${size} then ${place}`),
      sql` `,
    );
    await sql`
      update skus set position = case size ${places} else 0 end
      where product_id in (select id from products where size_scale_id = ${scaleIds.get(name)!})
    `.execute(db);
  }
  return {
    ok: true,
    counts: { styles: productRows.size, colorways: colorwayRows.size, skus: skuRows.length },
  };
}

interface SizePlan {
  /** The sizes of every scale the file uses, in order, as they stand after the import. */
  sizes: Map<string, string[]>;
  created: string[];
  /** Stored scales whose sizes the file changes. */
  changed: string[];
}

/**
 * A scale takes its sizes from the file's sizes column when it has one, else keeps its
 * stored sizes, else (a new scale without the column) the order its sizes first appear.
 * A change may not drop a size that SKUs already in the catalog are in.
 */
async function planSizeScales(
  db: Db,
  rows: ProductRow[],
  stored: Map<string, { id: string; sizes: string[] }>,
  existingStyles: { id: string; style_number: string }[],
  existingColorways: { id: string; product_id: string }[],
  existingSkus: { colorway_id: string; size: string }[],
  problems: ProblemList,
): Promise<SizePlan> {
  const sizes = new Map<string, string[]>();
  const firstLine = new Map<string, number>();
  const created: string[] = [];
  for (const row of rows) {
    const scale = stored.get(row.sizeScale);
    if (!firstLine.has(row.sizeScale)) {
      firstLine.set(row.sizeScale, row.line);
      if (!scale) created.push(row.sizeScale);
      sizes.set(row.sizeScale, row.sizes ? [...row.sizes] : scale ? scale.sizes : []);
    }
    const list = sizes.get(row.sizeScale)!;
    if (list.includes(row.size)) continue;
    if (scale && !row.sizes) {
      problems.add({
        line: row.line,
        column: 'size',
        message: `size "${row.size}" is not in size scale ${row.sizeScale} (${scale.sizes.join(', ')}); add a sizes column to change the scale`,
      });
    } else list.push(row.size);
  }
  const inFile = new Set(rows.map((r) => r.styleNumber));
  const changed = [...sizes.keys()].filter((name) => {
    const before = stored.get(name)?.sizes;
    return before !== undefined && before.join('|') !== sizes.get(name)!.join('|');
  });

  // Sizes that styles of this file already have in the catalog must stay in their scale.
  const rowOfStyle = new Map<string, ProductRow>();
  for (const row of rows) {
    if (!rowOfStyle.has(row.styleNumber)) rowOfStyle.set(row.styleNumber, row);
  }
  const rowOfProduct = new Map(existingStyles.map((p) => [p.id, rowOfStyle.get(p.style_number)]));
  const productOfColorway = new Map(existingColorways.map((c) => [c.id, c.product_id]));
  const reported = new Set<string>();
  for (const sku of existingSkus) {
    const row = rowOfProduct.get(productOfColorway.get(sku.colorway_id) ?? '');
    const key = `${row?.styleNumber}\u0000${sku.size}`;
    if (!row || sizes.get(row.sizeScale)!.includes(sku.size) || reported.has(key)) continue;
    reported.add(key);
    problems.add({
      line: row.line,
      column: row.sizes ? 'sizes' : 'size_scale',
      message: `style ${row.styleNumber} already has SKUs in size ${sku.size}, which size scale ${row.sizeScale} would not have`,
    });
  }
  // Styles not in the file that share a changed scale keep their sizes too.
  for (const name of changed) {
    const used = await db
      .selectFrom('skus')
      .innerJoin('products', 'products.id', 'skus.product_id')
      .select(['products.style_number', 'skus.size'])
      .distinct()
      .where('products.size_scale_id', '=', stored.get(name)!.id)
      .execute();
    const missing = new Map<string, string>();
    for (const { style_number, size } of used) {
      if (!inFile.has(style_number) && !sizes.get(name)!.includes(size)) {
        if (!missing.has(size)) missing.set(size, style_number);
      }
    }
    for (const [size, style] of missing) {
      problems.add({
        line: firstLine.get(name)!,
        column: 'sizes',
        message: `size scale ${name} would lose size ${size}, which style ${style} in the catalog is in; keep it in sizes`,
      });
    }
  }
  return { sizes, created, changed };
}

async function writePrices(db: Db, rows: PriceRow[]): Promise<WriteOutcome> {
  const problems = new ProblemList();
  const skuIds = await resolveSkus(db, rows, problems);
  const pricelists = new Map(
    (await db.selectFrom('pricelists').selectAll().execute()).map((p) => [p.name, p]),
  );
  const created: Insertable<StoreSchema['pricelists']>[] = [];
  for (const row of rows) {
    const known = pricelists.get(row.pricelist);
    if (!known) {
      const pricelist = { id: uuidv7(), name: row.pricelist, currency: row.currency };
      pricelists.set(row.pricelist, pricelist);
      created.push(pricelist);
    } else if (known.currency !== row.currency) {
      problems.add({
        line: row.line,
        column: 'currency',
        message: `pricelist ${row.pricelist} is in ${known.currency}, not ${row.currency}`,
      });
    }
  }
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  await insertInBatches(created, (batch) => db.insertInto('pricelists').values(batch).execute());
  const prices = dedupeLast(rows, (row) => `${row.pricelist}\u0000${skuIds.get(row)!}`).map(
    (row) => ({
      pricelist_id: pricelists.get(row.pricelist)!.id,
      sku_id: skuIds.get(row)!,
      wholesale_minor: row.wholesaleMinor,
      retail_minor: row.retailMinor,
    }),
  );
  await insertInBatches(prices, (batch) =>
    db
      .insertInto('prices')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['pricelist_id', 'sku_id']).doUpdateSet((eb) => ({
          wholesale_minor: eb.ref('excluded.wholesale_minor'),
          retail_minor: eb.ref('excluded.retail_minor'),
        })),
      )
      .execute(),
  );
  return { ok: true, counts: { prices: prices.length, pricelists: created.length } };
}

async function writeStock(db: Db, rows: StockRow[]): Promise<WriteOutcome> {
  const problems = new ProblemList();
  const skuIds = await resolveSkus(db, rows, problems);
  if (problems.list.length > 0) return { ok: false, problems: problems.list };
  const warehouses = new Map(
    (await db.selectFrom('warehouses').selectAll().execute()).map((w) => [w.name, w.id]),
  );
  const created = [...new Set(rows.map((r) => r.warehouse))]
    .filter((name) => !warehouses.has(name))
    .map((name) => ({ id: uuidv7(), name }));
  for (const w of created) warehouses.set(w.name, w.id);
  await insertInBatches(created, (batch) => db.insertInto('warehouses').values(batch).execute());
  // A market ships from a warehouse: markets that had none (a brand's first stock file)
  // ship from the first warehouse the file names, until an admin says otherwise.
  const first = rows[0] && warehouses.get(rows[0].warehouse);
  if (first) {
    await db
      .updateTable('markets')
      .set({ warehouse_id: first })
      .where('warehouse_id', 'is', null)
      .execute();
  }
  const levels = dedupeLast(rows, (row) => `${row.warehouse}\u0000${skuIds.get(row)!}`).map(
    (row) => ({
      warehouse_id: warehouses.get(row.warehouse)!,
      sku_id: skuIds.get(row)!,
      quantity: row.quantity,
    }),
  );
  await insertInBatches(levels, (batch) =>
    db
      .insertInto('stock')
      .values(batch)
      .onConflict((oc) =>
        oc
          .columns(['sku_id', 'warehouse_id'])
          .doUpdateSet((eb) => ({ quantity: eb.ref('excluded.quantity') })),
      )
      .execute(),
  );
  return { ok: true, counts: { stockLevels: levels.length, warehouses: created.length } };
}

/** The SKU id each row names, by barcode or by style, colourway and size; unknown ones are problems. */
async function resolveSkus<Row extends { line: number; sku: SkuKey }>(
  db: Db,
  rows: Row[],
  problems: ProblemList,
): Promise<Map<Row, string>> {
  const barcodes = rows.flatMap((r) => ('barcode' in r.sku ? [r.sku.barcode] : []));
  const byBarcode = new Map(
    (
      await inChunks([...new Set(barcodes)], (chunk) =>
        db.selectFrom('skus').select(['id', 'barcode']).where('barcode', 'in', chunk).execute(),
      )
    ).map((s) => [s.barcode!, s.id]),
  );
  const styleNumbers = rows.flatMap((r) => ('styleNumber' in r.sku ? [r.sku.styleNumber] : []));
  const byStyle = new Map(
    (
      await inChunks([...new Set(styleNumbers)], (chunk) =>
        db
          .selectFrom('skus')
          .innerJoin('colorways', 'colorways.id', 'skus.colorway_id')
          .innerJoin('products', 'products.id', 'skus.product_id')
          .select(['skus.id', 'products.style_number', 'colorways.code', 'skus.size'])
          .where('products.style_number', 'in', chunk)
          .execute(),
      )
    ).map((s) => [`${s.style_number}\u0000${s.code}\u0000${s.size}`, s.id]),
  );
  const ids = new Map<Row, string>();
  for (const row of rows) {
    const key = row.sku;
    const id =
      'barcode' in key
        ? byBarcode.get(key.barcode)
        : byStyle.get(`${key.styleNumber}\u0000${key.colorwayCode}\u0000${key.size}`);
    if (id) ids.set(row, id);
    else {
      problems.add({
        line: row.line,
        column: 'barcode' in key ? 'barcode' : 'style_number',
        message: `no SKU with ${skuKeyText(key)} in the catalog; import its products first`,
      });
    }
  }
  return ids;
}

/** When a file names the same thing twice, its later line wins, as a person reading it expects. */
function dedupeLast<Row>(rows: Row[], key: (row: Row) => string): Row[] {
  return [...new Map(rows.map((row) => [key(row), row])).values()];
}
