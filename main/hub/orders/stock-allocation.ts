import { sql } from 'kysely';
import type { Id } from '../../domain/model.ts';
import { STOCK_HOLDING_STATES, type OrderState } from '../../domain/order-states.ts';
import { availableUnits, type AllocatedLine } from '../../domain/stock.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';

/**
 * The hub's side of stock (the rule is main/domain/stock.ts): which warehouse an order
 * ships from, what is available there, and the guarded writes that allocate it. Every
 * function takes the placing transaction: BEGIN IMMEDIATE holds the write lock from the
 * first read, so nothing another writer (another hub process included) does can come
 * between reading availability and allocating it.
 */

/** The one rule of which warehouse ships a buyer's order, for the hub and desktops alike. */
export { shippingWarehouse } from '../../store/stock-queries.ts';

/** The warehouse a market ships from (a DTC order's: its selection's market); null: none. */
export async function marketWarehouse(trx: StoreDb, marketId: Id): Promise<Id | null> {
  const market = await hubDb(trx)
    .selectFrom('markets')
    .select('warehouse_id')
    .where('id', '=', marketId)
    .executeTakeFirst();
  return market?.warehouse_id ?? null;
}

/**
 * Each SKU's size and units available in the warehouse, in one query: on hand − held
 * (`stock.held`, kept by the writes below and by releaseAllocations), combined by the
 * domain's availableUnits (never negative). A SKU the warehouse has no row for has none.
 */
export async function readAvailability(
  trx: StoreDb,
  warehouseId: Id,
  skuIds: readonly Id[],
): Promise<{ sizes: Map<Id, string>; available: Map<Id, number> }> {
  if (skuIds.length === 0) return { sizes: new Map(), available: new Map() };
  const rows = await hubDb(trx)
    .selectFrom('skus as s')
    .leftJoin('stock as st', (join) =>
      join.onRef('st.sku_id', '=', 's.id').on('st.warehouse_id', '=', warehouseId),
    )
    .select(['s.id', 's.size', 'st.quantity', 'st.held'])
    .where('s.id', 'in', skuIds)
    .execute();
  const available = new Map(
    rows.map((row) => [
      row.id,
      availableUnits(
        row.quantity === null ? undefined : { quantity: row.quantity, held: row.held ?? 0 },
      ),
    ]),
  );
  return { sizes: new Map(rows.map((row) => [row.id, row.size])), available };
}

/** Lines written by one statement: well under SQLite's 32,766 bound parameters (5 a line). */
const ALLOCATIONS_PER_STATEMENT = 1_000;

/**
 * Writes what an order holds, guarded by the stock it takes: `held` grows by each line in
 * one update that takes a line only while on hand − held still covers it, in the same
 * transaction, so stock is never negative and never allocated twice even if a caller read
 * availability outside its transaction. A guard that fails means exactly that mistake:
 * it names the SKU and rolls the order back. One statement each for the stock and the
 * allocation rows (per ALLOCATIONS_PER_STATEMENT): an order's lines are distinct SKUs,
 * so no line's guard reads what another line of the same statement writes.
 */
export async function writeAllocations(
  trx: StoreDb,
  orderId: Id,
  warehouseId: Id,
  lines: readonly AllocatedLine[],
): Promise<void> {
  for (let from = 0; from < lines.length; from += ALLOCATIONS_PER_STATEMENT) {
    const chunk = lines.slice(from, from + ALLOCATIONS_PER_STATEMENT);
    const taking = chunk.filter((line) => line.allocated > 0);
    if (taking.length > 0) {
      // Typed in the outer select: PostgreSQL reads untyped parameters in VALUES as text.
      // Not in the first row: that makes VALUES a compound query on SQLite, which then
      // scans the whole stock table instead of looking each SKU up (10 ms, not 0.3 ms).
      const units = sql.join(taking.map((line) => sql`(${line.skuId}, ${line.allocated})`));
      const taken = await sql<{ sku_id: Id }>`update stock set held = held + t.units
        from (select cast(column1 as text) as sku_id, cast(column2 as integer) as units
          from (values ${units}) as v) as t
        where stock.warehouse_id = ${warehouseId} and stock.sku_id = t.sku_id
          and stock.quantity - stock.held >= t.units
        returning stock.sku_id`.execute(trx);
      if (taken.rows.length !== taking.length) {
        const fitted = new Set(taken.rows.map((row) => row.sku_id));
        const changed = taking.find((line) => !fitted.has(line.skuId))?.skuId;
        throw new Error(`Stock of SKU ${changed} changed while order ${orderId} was allocated`);
      }
    }
    await hubDb(trx)
      .insertInto('order_allocations')
      .values(
        chunk.map((line) => ({
          order_id: orderId,
          sku_id: line.skuId,
          warehouse_id: warehouseId,
          allocated: line.allocated,
          short: line.short,
        })),
      )
      .execute();
  }
}

/**
 * Gives back what an order held, when it moves from a state that holds stock to one that
 * does not (cancelling), in the transaction that moves it. Its allocation rows stay as
 * the record of what it held; only `held` shrinks.
 */
export async function releaseAllocations(trx: StoreDb, orderId: Id): Promise<void> {
  // Driven by the order's allocation rows (an order holds each SKU once), so each
  // stock row is found by its key rather than every row of the table checked.
  await sql`update stock set held = stock.held - a.allocated
    from order_allocations a
    where a.order_id = ${orderId} and a.allocated > 0
      and stock.warehouse_id = a.warehouse_id and stock.sku_id = a.sku_id`.execute(trx);
}

/** Whether leaving `from` for `to` gives the order's stock back. */
export function releasesStock(from: OrderState, to: OrderState): boolean {
  return STOCK_HOLDING_STATES.includes(from) && !STOCK_HOLDING_STATES.includes(to);
}
