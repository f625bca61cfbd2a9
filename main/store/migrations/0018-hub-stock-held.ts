import { sql, type Kysely } from 'kysely';
import { STOCK_HOLDING_STATES } from '../../domain/order-states.ts';
import { up as addHeld } from './0018-stock-held.ts';

/**
 * The hub's `stock.held`, backfilled from the allocations of orders whose state holds
 * stock. The update feeds the change log (stock's triggers), so every desktop pulls the
 * rows whose availability this moved.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addHeld(db);
  const holding = sql.join(STOCK_HOLDING_STATES.map((state) => sql.lit(state)));
  await sql`update stock set held = (
      select sum(a.allocated) from order_allocations a join orders o on o.id = a.order_id
      where a.warehouse_id = stock.warehouse_id and a.sku_id = stock.sku_id
        and o.status in (${holding}))
    where exists (
      select 1 from order_allocations a join orders o on o.id = a.order_id
      where a.warehouse_id = stock.warehouse_id and a.sku_id = stock.sku_id
        and o.status in (${holding}) and a.allocated > 0)`.execute(db);
}
