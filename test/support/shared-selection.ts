import { sql } from 'kysely';
import { newToken, tokenHash } from '../../main/hub/auth/tokens.ts';
import { hubDb, type StoreDb } from '../../main/store/database.ts';

/**
 * A live share link to a new selection of `skuIds` (`quantity` of each, two unless told) for `buyerId`, written
 * straight into a hub store as if a rep had generated and synced it; share links are
 * switched on. Answers the link's token.
 */
export async function insertSharedSelection(
  db: StoreDb,
  options: { buyerId: string; skuIds: readonly string[]; name: string; quantity?: number },
): Promise<string> {
  const hub = hubDb(db);
  const token = newToken();
  const owner = await hub.selectFrom('staff_users').select('id').executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const selectionId = `bench-share-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  await hub.updateTable('brand_settings').set({ share_links_enabled: 1 }).execute();
  await hub
    .insertInto('selections')
    .values({
      id: selectionId,
      buyer_id: options.buyerId,
      owner_id: owner.id,
      name: options.name,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await hub
    .insertInto('selection_lines')
    .values(
      options.skuIds.map((skuId) => ({
        selection_id: selectionId,
        sku_id: skuId,
        quantity: options.quantity ?? 2,
        added_at: now,
      })),
    )
    .execute();
  await hub
    .insertInto('share_links')
    .values({
      id: selectionId,
      selection_id: selectionId,
      token_hash: tokenHash(token),
      created_by: owner.id,
      created_at: now,
      expires_at: new Date(Date.now() + 86_400_000).toISOString(),
    })
    .execute();
  return token;
}

/**
 * A live share link to what a rep shares with a buyer whose trading terms speak
 * `language` and give a discount: whole size runs of SS27 styles, the longest first (the
 * widest table a card holds), `skus` sizes in all, priced for the buyer.
 */
export async function shareSizeRuns(
  db: StoreDb,
  options: { language: 'en' | 'ja'; skus: number; name: string },
): Promise<string> {
  const hub = hubDb(db);
  const buyer = await hub
    .selectFrom('buyers')
    .select(['id', 'pricelist_id'])
    .where('language', '=', options.language)
    .where('discount_bp', '>', 0)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const skus = await hub
    .selectFrom('skus as s')
    .innerJoin('prices as p', (join) =>
      join.onRef('p.sku_id', '=', 's.id').on('p.pricelist_id', '=', buyer.pricelist_id),
    )
    .innerJoin('products as style', 'style.id', 's.product_id')
    .select('s.id')
    // SS27: the demo's published season open for orders, so buyers see every size.
    .where('style.style_number', 'like', 'SS27-%')
    .orderBy(sql`(select count(*) from skus k where k.colorway_id = s.colorway_id)`, 'desc')
    .orderBy('s.colorway_id')
    .orderBy('s.position')
    .limit(options.skus)
    .execute();
  return insertSharedSelection(db, {
    buyerId: buyer.id,
    skuIds: skus.map((sku) => sku.id),
    name: options.name,
  });
}

/**
 * `count` SKUs of SS27, the demo's season open for orders when the demo's catalog dates
 * are counted from today (`catalogDatesFrom`): what buyers see and may order.
 */
export async function orderableSkuIds(db: StoreDb, count: number): Promise<string[]> {
  const skus = await hubDb(db)
    .selectFrom('skus as s')
    .innerJoin('products as style', 'style.id', 's.product_id')
    .select('s.id')
    .where('style.style_number', 'like', 'SS27-%')
    .orderBy('s.id')
    .limit(count)
    .execute();
  return skus.map((sku) => sku.id);
}
