import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migratorFor } from '../../../../main/store/database.ts';

let db: Kysely<unknown>;
afterEach(() => db.destroy());

/** A wholesale order with its line, paid by card on the hub, as the release before left it. */
async function seed(db: Kysely<unknown>): Promise<void> {
  await sql`insert into orders (id, source, selection_id, buyer_id, status, contact_name,
      contact_email, currency, units, subtotal_minor, discount_minor, total_minor, created_at,
      number, payment_method, payment_status, payment_reference)
    values ('o1', 'customer_order_link', 'sel', 'b1', 'Order', 'Aiko', 'aiko@shop.example',
      'EUR', 2, 9000, 0, 9000, '2026-11-20T10:00:00.000Z', 'SO-2026-00001', 'stripe_card',
      'pending', 'cs_test_1')`.execute(db);
  await sql`insert into order_lines (order_id, sku_id, quantity, unit_price_minor)
    values ('o1', 's1', 2, 4500)`.execute(db);
}

const insertOrder = (db: Kysely<unknown>, id: string, source: string, buyer: string | null) =>
  sql`insert into orders (id, source, selection_id, buyer_id, status, contact_name,
      contact_email, currency, units, subtotal_minor, discount_minor, total_minor, created_at)
    values (${id}, ${source}, 'sel', ${buyer}, 'Order', 'Ingrid', 'ingrid@example.com', 'EUR',
      1, 100, 0, 100, '2026-11-30T10:00:00.000Z')`.execute(db);

describe('0029-dtc-orders on a hub', () => {
  it('keeps the orders there were with the hub’s card payment, and takes DTC orders without a buyer', async () => {
    const sqlite = new BetterSqlite3(':memory:');
    db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
    await migratorFor(db, 'hub').migrateTo('0028-dtc');
    await seed(db);
    const { error } = await migratorFor(db, 'hub').migrateToLatest();
    expect(error).toBeUndefined();

    const orders = await sql`select id, buyer_id, payment_reference, tax_minor, tax_included,
      dtc_link_id from orders`.execute(db);
    expect(orders.rows).toEqual([
      {
        id: 'o1',
        buyer_id: 'b1',
        payment_reference: 'cs_test_1',
        tax_minor: 0,
        tax_included: 0,
        dtc_link_id: null,
      },
    ]);
    const lines = await sql`select order_id, tax_rate_bp from order_lines`.execute(db);
    expect(lines.rows).toEqual([{ order_id: 'o1', tax_rate_bp: 0 }]);

    await expect(insertOrder(db, 'o2', 'dtc_link', null)).resolves.toBeDefined();
    // Only a DTC order goes without a wholesale buyer.
    await expect(insertOrder(db, 'o3', 'share_link', null)).rejects.toThrow(/CHECK/);
    await expect(
      sql`update order_lines set tax_rate_bp = -1 where order_id = 'o1'`.execute(db),
    ).rejects.toThrow(/CHECK/);
    // Desktops pull the DTC order: the rebuilt table feeds the change log again.
    const logged =
      await sql`select k1 from change_log where entity = 'orders' and k1 = 'o2'`.execute(db);
    expect(logged.rows).toHaveLength(1);
  });
});
