import { sql } from 'kysely';
import { containsPattern } from '../domain/catalog-search.ts';
import { engineOf, hubDb, replicaDb, type StoreDb } from './database.ts';

/** A selection's head: its buyer's terms and its rep. Hub and replica alike. */
function selectionHeads(db: StoreDb) {
  return db
    .selectFrom('selections as sel')
    .innerJoin('buyers as b', 'b.id', 'sel.buyer_id')
    .leftJoin('pricelists as pl', 'pl.id', 'b.pricelist_id')
    .leftJoin('staff_users as u', 'u.id', 'sel.owner_id')
    .select([
      'sel.id',
      'sel.name',
      'sel.notes',
      'sel.created_at',
      'sel.updated_at',
      'sel.owner_id',
      'u.name as owner_name',
      'b.id as buyer_id',
      'b.name as buyer_name',
      'b.pricelist_id',
      'b.discount_bp',
      'b.language',
      'pl.name as pricelist_name',
      'pl.currency',
    ]);
}

/** Whether one selection has changes the hub has not taken yet: one probe of the outbox index. */
export async function selectionWaitingToSync(db: StoreDb, selectionId: string): Promise<boolean> {
  const row = await replicaDb(db)
    .selectFrom('outbox')
    .select('seq')
    .where('subject', '=', `selection:${selectionId}`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The selections with changes on this desktop that the hub has not taken yet. */
export async function selectionsWaitingToSync(db: StoreDb): Promise<Set<string>> {
  const rows = await replicaDb(db)
    .selectFrom('outbox')
    .select('subject')
    .where('subject', 'like', 'selection:%')
    .execute();
  return new Set(rows.map((row) => row.subject!.slice('selection:'.length)));
}

export type SelectionHeadRow = Awaited<
  ReturnType<ReturnType<typeof selectionHeads>['executeTakeFirstOrThrow']>
>;

export async function selectionHead(
  db: StoreDb,
  selectionId: string,
): Promise<SelectionHeadRow | undefined> {
  return selectionHeads(db).where('sel.id', '=', selectionId).executeTakeFirst();
}

export interface SelectionFilter {
  buyerId?: string | undefined;
  ownerId?: string | undefined;
  query: string;
}

/** Selections newest first, each with its units, priced subtotal and style-colourways. */
export async function selectionList(db: StoreDb, filter: SelectionFilter) {
  let heads = selectionHeads(db);
  if (filter.buyerId) heads = heads.where('sel.buyer_id', '=', filter.buyerId);
  if (filter.ownerId) heads = heads.where('sel.owner_id', '=', filter.ownerId);
  const query = filter.query.trim().toLowerCase();
  if (query) {
    const pattern = containsPattern(query);
    heads = heads.where(
      (eb) =>
        sql<boolean>`(lower(${eb.ref('sel.name')}) like ${pattern} escape '\\' or lower(${eb.ref('b.name')}) like ${pattern} escape '\\')`,
    );
  }
  const rows = await heads
    .orderBy('sel.updated_at', 'desc')
    .orderBy('sel.id')
    .limit(1000)
    .execute();
  if (rows.length === 0) return [];
  const sums = await replicaDb(db)
    .selectFrom('selection_lines as sl')
    .innerJoin('selections as sel', 'sel.id', 'sl.selection_id')
    .innerJoin('buyers as b', 'b.id', 'sel.buyer_id')
    .leftJoin('skus as s', 's.id', 'sl.sku_id')
    .leftJoin('prices as pr', (join) =>
      join.onRef('pr.sku_id', '=', 'sl.sku_id').onRef('pr.pricelist_id', '=', 'b.pricelist_id'),
    )
    .select((eb) => [
      'sl.selection_id',
      sql<number>`coalesce(sum(case when pr.wholesale_minor is not null then sl.quantity end), 0)`.as(
        'units',
      ),
      sql<number>`coalesce(sum(sl.quantity * pr.wholesale_minor), 0)`.as('subtotal'),
      sql<number>`sum(pr.wholesale_minor is null)`.as('unpriced'),
      eb.fn.count<number>('s.colorway_id').distinct().as('styles'),
    ])
    .where(
      'sl.selection_id',
      'in',
      rows.map((row) => row.id),
    )
    .groupBy('sl.selection_id')
    .execute();
  const byId = new Map(sums.map((sum) => [sum.selection_id, sum]));
  return rows.map((row) => ({ head: row, sums: byId.get(row.id) }));
}

/**
 * What a selection's order sheet is made of, in four index-driven reads: its lines with
 * their SKU's colourway and price on the buyer's pricelist (a line whose SKU is gone has
 * no colourway), the colourways with their style and size scale, and every SKU of those
 * colourways for the sizes not selected yet, and the catalogs of their styles. Stock and the prices of unselected sizes are
 * left out: the sheet is read again after every change, so it reads only what it shows.
 */
export async function selectionSheet(db: StoreDb, selectionId: string, pricelistId: string) {
  const store = db;
  const lines = await store
    .selectFrom('selection_lines as sl')
    .leftJoin('skus as s', 's.id', 'sl.sku_id')
    .leftJoin('prices as pr', (join) =>
      join.onRef('pr.sku_id', '=', 'sl.sku_id').on('pr.pricelist_id', '=', pricelistId),
    )
    .select([
      'sl.sku_id',
      'sl.quantity',
      'sl.added_at',
      's.colorway_id',
      'pr.wholesale_minor',
      'pr.retail_minor',
    ])
    .where('sl.selection_id', '=', selectionId)
    .execute();
  const colorwayIds = [
    ...new Set(lines.flatMap((line) => (line.colorway_id === null ? [] : [line.colorway_id]))),
  ];
  if (colorwayIds.length === 0) return { lines, colorways: [], skus: [], catalogs: [] };
  const [colorways, skus, catalogs] = await Promise.all([
    store
      .selectFrom('colorways as c')
      .innerJoin('products as p', 'p.id', 'c.product_id')
      .innerJoin('size_scales as z', 'z.id', 'p.size_scale_id')
      .select([
        'c.id',
        'c.code',
        'c.name',
        'c.color_hex',
        'c.picture_id',
        'p.id as product_id',
        'p.style_number',
        'p.name as style_name',
        'z.sizes',
      ])
      .where(engineOf(store).isAmong(sql`c.id`, colorwayIds))
      .execute(),
    store
      .selectFrom('skus')
      .select(['id', 'colorway_id', 'size', 'barcode', 'position'])
      .where(engineOf(store).isAmong(sql`colorway_id`, colorwayIds))
      .execute(),
    // The catalogs each selected style is in, with the dates buyers are held to.
    store
      .selectFrom('colorways as c')
      .innerJoin('catalog_products as cp', 'cp.product_id', 'c.product_id')
      .innerJoin('catalogs as k', 'k.id', 'cp.catalog_id')
      .select(['cp.product_id', 'k.name', 'k.status', 'k.publication_at', 'k.order_deadline_at'])
      .where(engineOf(store).isAmong(sql`c.id`, colorwayIds))
      .groupBy(['cp.product_id', 'k.id'])
      .execute(),
  ]);
  return { lines, colorways, skus, catalogs };
}

/** The reps (and admins) who own the selections this replica holds. */
export async function selectionOwners(db: StoreDb) {
  return replicaDb(db)
    .selectFrom('staff_users as u')
    .select(['u.id', 'u.name'])
    .where((eb) =>
      eb.exists(
        eb.selectFrom('selections as sel').select('sel.id').whereRef('sel.owner_id', '=', 'u.id'),
      ),
    )
    .orderBy('u.name')
    .execute();
}

/** The names of a buyer's selections, so a new or copied one gets a name of its own. */
export async function selectionNamesOf(db: StoreDb, buyerId: string): Promise<Set<string>> {
  const rows = await replicaDb(db)
    .selectFrom('selections')
    .select('name')
    .where('buyer_id', '=', buyerId)
    .execute();
  return new Set(rows.map((row) => row.name));
}

export async function skuByBarcode(db: StoreDb, barcode: string) {
  return replicaDb(db)
    .selectFrom('skus as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .innerJoin('colorways as c', 'c.id', 's.colorway_id')
    .select(['s.id', 's.size', 'p.style_number', 'p.name', 'c.name as colour'])
    .where('s.barcode', '=', barcode)
    .executeTakeFirst();
}

/**
 * A picture, only when a colourway it shows is in a selection the asker may see: one
 * selection (a share link's), or every selection of the stores a buyer person belongs to.
 */
export async function pictureInSelections(
  db: StoreDb,
  pictureId: string,
  scope: { selectionId: string } | { buyerUserId: string },
): Promise<{ content_type: string; bytes: Uint8Array } | undefined> {
  return hubDb(db)
    .selectFrom('media')
    .select(['media.content_type', 'media.bytes'])
    .where('media.id', '=', pictureId)
    .where((eb) => {
      const shown = eb
        .selectFrom('selection_lines as l')
        .innerJoin('skus as sku', 'sku.id', 'l.sku_id')
        .innerJoin('colorways as c', 'c.id', 'sku.colorway_id')
        .select('c.id')
        .whereRef('c.picture_id', '=', 'media.id');
      return eb.exists(
        'selectionId' in scope
          ? shown.where('l.selection_id', '=', scope.selectionId)
          : shown.where('l.selection_id', 'in', (inner) =>
              inner
                .selectFrom('selections as sel')
                .innerJoin('buyer_memberships as m', 'm.buyer_id', 'sel.buyer_id')
                .select('sel.id')
                .where('m.buyer_user_id', '=', scope.buyerUserId),
            ),
      );
    })
    .executeTakeFirst();
}
