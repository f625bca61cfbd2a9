import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migratorFor } from '../../../../main/store/database.ts';

let db: Kysely<unknown>;
afterEach(() => db.destroy());

function open(): Kysely<unknown> {
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** Stock in two warehouses and orders holding some of it, one of them cancelled. */
async function seed(db: Kysely<unknown>): Promise<void> {
  await sql`insert into size_scales (id, name, sizes) values ('ss', 'Apparel', '["S","M"]')`.execute(
    db,
  );
  await sql`insert into products (id, style_number, name, category, season, size_scale_id, search_text, updated_at)
    values ('p1', 'NA-1', 'Shirt', 'Shirts', 'SS27', 'ss', 'na-1 shirt', '2026-01-01')`.execute(db);
  await sql`insert into colorways (id, product_id, code, name, color_hex, picture_id, position)
    values ('c1', 'p1', '001', 'Navy', '#1f2d4a', null, 0)`.execute(db);
  await sql`insert into skus (id, product_id, colorway_id, size, barcode, position)
    values ('s1', 'p1', 'c1', 'S', null, 0), ('s2', 'p1', 'c1', 'M', null, 1)`.execute(db);
  await sql`insert into warehouses (id, name) values ('w1', 'Osaka'), ('w2', 'Stockholm')`.execute(
    db,
  );
  await sql`insert into stock (warehouse_id, sku_id, quantity)
    values ('w1', 's1', 5), ('w2', 's1', 40), ('w2', 's2', 1)`.execute(db);
  for (const [id, status] of [
    ['o1', 'Order'],
    ['o2', 'Confirmed'],
    ['o3', 'Cancelled'],
    ['o4', 'Checkout Requested'],
  ] as const) {
    await sql`insert into orders (id, source, selection_id, buyer_id, status, contact_name,
        contact_email, currency, units, subtotal_minor, discount_minor, total_minor, created_at)
      values (${id}, 'booth', 'sel', 'b1', ${status}, 'Aiko', '', 'EUR', 3, 0, 0, 0,
        '2026-11-01T00:00:00.000Z')`.execute(db);
  }
  await sql`insert into order_allocations (order_id, sku_id, warehouse_id, allocated, short)
    values ('o1', 's1', 'w2', 3, 0), ('o2', 's1', 'w2', 4, 1), ('o3', 's1', 'w2', 9, 0),
      ('o1', 's2', 'w2', 0, 2), ('o4', 's1', 'w1', 2, 0)`.execute(db);
}

describe('0018-stock-held', () => {
  it('on a hub, gives each stock row what the orders holding stock hold of it, and no more', async () => {
    db = open();
    await migratorFor(db, 'hub').migrateTo('0017-shipping-rates');
    await seed(db);
    const { error } = await migratorFor(db, 'hub').migrateToLatest();
    expect(error).toBeUndefined();
    const rows = await sql`select warehouse_id, sku_id, quantity, held from stock
      order by warehouse_id, sku_id`.execute(db);
    expect(rows.rows).toEqual([
      { warehouse_id: 'w1', sku_id: 's1', quantity: 5, held: 2 },
      // The cancelled order's 9 units were given back when it was cancelled.
      { warehouse_id: 'w2', sku_id: 's1', quantity: 40, held: 7 },
      { warehouse_id: 'w2', sku_id: 's2', quantity: 1, held: 0 },
    ]);
    // Desktops pull the rows whose availability moved: they come after every other change.
    const changed = await sql<{ k1: string; k2: string }>`select k1, k2 from change_log
      order by version desc limit 2`.execute(db);
    expect(changed.rows.map((row) => `${row.k1}@${row.k2}`).sort()).toEqual(['s1@w1', 's1@w2']);
    await expect(sql`update stock set held = -1 where sku_id = 's2'`.execute(db)).rejects.toThrow(
      /CHECK constraint failed/,
    );
  });

  it('on a replica, adds the column for the hub to fill', async () => {
    db = open();
    const { error } = await migratorFor(db, 'replica').migrateToLatest();
    expect(error).toBeUndefined();
    const columns = await sql<{ name: string; dflt_value: string; notnull: number }>`
      select name, dflt_value, "notnull" from pragma_table_info('stock') where name = 'held'`.execute(
      db,
    );
    expect(columns.rows).toEqual([{ name: 'held', dflt_value: '0', notnull: 1 }]);
  });
});
