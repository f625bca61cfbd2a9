import { sql, type Kysely } from 'kysely';

/**
 * Indexes for filtering the catalog, the same on the hub and on a replica (indexes
 * hold no rows of their own, so the hub's change log has nothing to record).
 *
 * - Colour: styles are found from a colourway name in any letter case, as the filter
 *   menu offers names, without reading every colourway.
 * - In stock: a style's SKUs and each SKU's quantities are read from the indexes
 *   alone. Without them every style costs a lookup of each SKU row and each stock row,
 *   and counting the styles in stock across 10,000 styles took ~100 ms instead of ~11.
 *   The wider SKU index serves every query the plain product_id one did, so that one
 *   goes and writes stay as cheap as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index colorways_name on colorways (name collate nocase, product_id)`.execute(db);
  await db.schema
    .createIndex('skus_product_sku')
    .on('skus')
    .columns(['product_id', 'id'])
    .execute();
  await db.schema.dropIndex('skus_product').execute();
  await db.schema
    .createIndex('stock_sku_quantity')
    .on('stock')
    .columns(['sku_id', 'quantity'])
    .execute();
}
