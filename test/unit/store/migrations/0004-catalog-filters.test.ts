import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migratorFor } from '../../../../main/store/database.ts';
import type { StoreKind } from '../../../../main/store/migrations/index.ts';

let db: Kysely<unknown>;
afterEach(() => db.destroy());

const now = '2026-11-23T10:00:00.000Z';

/** A style with one colourway and one SKU stocked in one warehouse: enough for the plans. */
async function seed(db: Kysely<unknown>): Promise<void> {
  await sql`insert into size_scales (id, name, sizes) values ('ss', 'Apparel', '["S"]')`.execute(
    db,
  );
  await sql`insert into products (id, style_number, name, category, season, size_scale_id, search_text, updated_at)
    values ('p1', 'NA-1', 'Shirt', 'Shirts', 'SS27', 'ss', 'na-1 shirt navy', ${now})`.execute(db);
  await sql`insert into colorways (id, product_id, code, name, color_hex, picture_id, position)
    values ('c1', 'p1', '001', 'Navy', '#1f2d4a', null, 0)`.execute(db);
  await sql`insert into skus (id, product_id, colorway_id, size, barcode, position)
    values ('s1', 'p1', 'c1', 'S', null, 0)`.execute(db);
  await sql`insert into warehouses (id, name) values ('w1', 'Stockholm DC')`.execute(db);
  await sql`insert into stock (warehouse_id, sku_id, quantity) values ('w1', 's1', 4)`.execute(db);
}

async function plan(db: Kysely<unknown>, query: string): Promise<string> {
  const rows = await sql<{ detail: string }>`explain query plan ${sql.raw(query)}`.execute(db);
  return rows.rows.map((row) => row.detail).join('\n');
}

describe.each(['hub', 'replica'] as StoreKind[])('0004-catalog-filters on a %s', (kind) => {
  it('lets a colour and "in stock" be answered from indexes, keeping the rows as they were', async () => {
    db = new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
    // A store as the release before this migration left it, with a style in it.
    await migratorFor(db, kind).migrateTo('0003-selections');
    await seed(db);
    const { error } = await migratorFor(db, kind).migrateToLatest();
    expect(error).toBeUndefined();

    const colour = await plan(
      db,
      "select p.id from products p where p.id in (select c.product_id from colorways c where c.name = 'NAVY' collate nocase)",
    );
    expect(colour).toMatch(/colorways_name/);
    const inStock = await plan(
      db,
      `select count(*) from products p where exists (select 1 from skus s where s.product_id = p.id
        and (select sum(st.quantity) from stock st where st.sku_id = s.id) > 0)`,
    );
    expect(inStock).toMatch(/COVERING INDEX skus_product_sku/);
    expect(inStock).toMatch(/COVERING INDEX stock_sku_quantity/);

    const indexes = await sql<{ name: string }>`select name from sqlite_schema
      where type = 'index' and tbl_name = 'skus'`.execute(db);
    expect(indexes.rows.map((row) => row.name)).not.toContain('skus_product');
    const styles = await sql<{ n: number }>`select count(*) as n from products p
      where exists (select 1 from skus s where s.product_id = p.id)`.execute(db);
    expect(styles.rows[0]?.n).toBe(1);
  });
});
