import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type CompiledQuery } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseAllocations, writeAllocations } from '../../../main/hub/orders/stock-allocation.ts';
import { migrateToLatest } from '../../../main/store/database.ts';

/**
 * Allocating stock runs inside every order's write lock, so a plan that walks the
 * warehouse's whole stock instead of looking each SKU up by its key makes every
 * checkout slower the bigger the catalog (a 20-line order on the 10,000-style brand took
 * 10 ms instead of 0.3 ms, and checkouts a second fell to a third). Timings are not
 * asserted in tests; the plan SQLite picks is.
 */
let db: Kysely<unknown> | undefined;
afterEach(() => db?.destroy());

const SKUS = 40;

async function seed(db: Kysely<unknown>): Promise<void> {
  await sql`insert into size_scales (id, name, sizes) values ('ss', 'Apparel', '["S"]')`.execute(
    db,
  );
  await sql`insert into products (id, style_number, name, category, season, size_scale_id, search_text, updated_at)
    values ('p1', 'NA-1', 'Shirt', 'Shirts', 'SS27', 'ss', 'na-1 shirt', '2026-11-30T10:00:00.000Z')`.execute(
    db,
  );
  await sql`insert into colorways (id, product_id, code, name, color_hex, picture_id, position)
    values ('c1', 'p1', '001', 'Navy', '#1f2d4a', null, 0)`.execute(db);
  await sql`insert into warehouses (id, name) values ('w1', 'Stockholm DC')`.execute(db);
  for (let n = 0; n < SKUS; n++) {
    await sql`insert into skus (id, product_id, colorway_id, size, barcode, position)
      values (${`s${n}`}, 'p1', 'c1', ${`S${n}`}, null, ${n})`.execute(db);
    await sql`insert into stock (warehouse_id, sku_id, quantity) values ('w1', ${`s${n}`}, 10)`.execute(
      db,
    );
  }
  // As a store in use has them (the hub runs `pragma optimize` as it closes).
  await sql`analyze`.execute(db);
}

describe('allocating stock on SQLite', () => {
  it('looks each line’s stock up by its SKU, never scanning the stock table', async () => {
    const run: CompiledQuery[] = [];
    db = new Kysely({
      dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }),
      log: (event) => {
        if (event.level === 'query') run.push(event.query);
      },
    });
    await migrateToLatest(db, 'hub');
    await seed(db);
    // Only the stock writes' plans are looked at: no order row to refer to.
    await sql`pragma foreign_keys = off`.execute(db);
    run.length = 0;

    const lines = Array.from({ length: 20 }, (_, n) => ({
      skuId: `s${n}`,
      allocated: 2,
      short: 0,
      quantity: 2,
      size: 'S',
    }));
    await writeAllocations(db, 'o1', 'w1', lines);
    await releaseAllocations(db, 'o1');
    const stockWrites = run.filter((query) => /^update stock/.test(query.sql));
    expect(stockWrites).toHaveLength(2);

    for (const query of stockWrites) {
      const plan = await db.executeQuery<{ detail: string }>({
        ...query,
        sql: `explain query plan ${query.sql}`,
      });
      const details = plan.rows.map((row) => row.detail);
      expect(details.some((detail) => /^SCAN stock\b/.test(detail))).toBe(false);
      expect(details.some((detail) => /^SEARCH stock USING/.test(detail))).toBe(true);
    }
  });
});
