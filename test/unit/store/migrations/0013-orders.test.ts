import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migratorFor } from '../../../../main/store/database.ts';

let db: Kysely<unknown>;
afterEach(() => db.destroy());

/** Two orders of a share link, and stock in two warehouses, as the release before left them. */
async function seed(db: Kysely<unknown>): Promise<void> {
  await sql`insert into pricelists (id, name, currency) values ('pl', 'Europe EUR', 'EUR')`.execute(
    db,
  );
  await sql`insert into markets (id, name, pricelist_id) values ('m1', 'Europe', 'pl')`.execute(db);
  await sql`insert into size_scales (id, name, sizes) values ('ss', 'Apparel', '["S","M"]')`.execute(
    db,
  );
  await sql`insert into products (id, style_number, name, category, season, size_scale_id, search_text, updated_at)
    values ('p1', 'NA-1', 'Shirt', 'Shirts', 'SS27', 'ss', 'na-1 shirt', '2026-01-01')`.execute(db);
  await sql`insert into colorways (id, product_id, code, name, color_hex, picture_id, position)
    values ('c1', 'p1', '001', 'Navy', '#1f2d4a', null, 0)`.execute(db);
  await sql`insert into skus (id, product_id, colorway_id, size, barcode, position)
    values ('s1', 'p1', 'c1', 'S', null, 0), ('s2', 'p1', 'c1', 'M', null, 1)`.execute(db);
  await sql`insert into warehouses (id, name) values ('w1', 'Small'), ('w2', 'Main')`.execute(db);
  await sql`insert into stock (warehouse_id, sku_id, quantity)
    values ('w1', 's1', 5), ('w2', 's1', 40), ('w2', 's2', 1)`.execute(db);
  for (const [id, at] of [
    ['o-late', '2026-11-20T10:00:00.000Z'],
    ['o-early', '2026-03-01T10:00:00.000Z'],
  ] as const) {
    await sql`insert into orders (id, source, selection_id, share_link_id, buyer_id, status,
        contact_name, contact_email, currency, units, subtotal_minor, discount_minor,
        total_minor, created_at)
      values (${id}, 'share_link', 'sel', 'link', 'b1', 'Checkout Requested', 'Aiko',
        'aiko@shop.example', 'EUR', 2, 9000, 0, 9000, ${at})`.execute(db);
    await sql`insert into order_lines (order_id, sku_id, quantity, unit_price_minor)
      values (${id}, 's1', 2, 4500)`.execute(db);
  }
}

describe('0013-orders on a hub', () => {
  it('numbers the orders there were, oldest first, keeps their lines and gives markets the main warehouse', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.pragma('foreign_keys = ON');
    db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
    await migratorFor(db, 'hub').migrateTo('0011-buyer-addresses');
    await seed(db);
    const { error } = await migratorFor(db, 'hub').migrateToLatest();
    expect(error).toBeUndefined();

    const orders = await sql<{ id: string; number: string }>`select id, number from orders
      order by number`.execute(db);
    expect(orders.rows).toEqual([
      { id: 'o-early', number: 'SO-2026-00001' },
      { id: 'o-late', number: 'SO-2026-00002' },
    ]);
    const lines = await sql`select order_id from order_lines order by order_id`.execute(db);
    expect(lines.rows).toHaveLength(2);
    const counter = await sql`select prefix, last_sequence from order_counters`.execute(db);
    expect(counter.rows).toEqual([{ prefix: 'SO', last_sequence: 2 }]);
    const events = await sql`select to_state from order_events`.execute(db);
    expect(events.rows).toEqual([
      { to_state: 'Checkout Requested' },
      { to_state: 'Checkout Requested' },
    ]);
    const market = await sql`select warehouse_id from markets`.execute(db);
    expect(market.rows).toEqual([{ warehouse_id: 'w2' }]);
    // Desktops pull the numbers: the rebuilt tables feed the change log again.
    const logged = await sql`select k1 from change_log where entity = 'orders' order by k1`.execute(
      db,
    );
    expect(logged.rows).toEqual([{ k1: 'o-early' }, { k1: 'o-late' }]);
    await expect(
      sql`update orders set status = 'Confirmed' where id = 'o-early'`.execute(db),
    ).resolves.toBeDefined();
    await expect(
      sql`update orders set status = 'Shipped' where id = 'o-early'`.execute(db),
    ).rejects.toThrow(/CHECK/);
  });
});
