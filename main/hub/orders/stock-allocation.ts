import { sql } from 'kysely';
import type { Id } from '../../domain/model.ts';
import { STOCK_HOLDING_STATES } from '../../domain/order-states.ts';
import { availableStock, type AllocatedLine } from '../../domain/stock.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';

/**
 * The hub's side of stock (the rule is main/domain/stock.ts): which warehouse an order
 * ships from, what is available there, and the guarded writes that allocate it. Every
 * function takes the placing transaction: BEGIN IMMEDIATE holds the write lock from the
 * first read, so nothing another writer (another hub process included) does can come
 * between reading availability and allocating it.
 */

/**
 * The warehouse the buyer's market ships from: the market of the buyer's country, else
 * the market of the buyer's pricelist. Null when the market ships from none (a brand
 * that keeps no stock in Trunkshow): then nothing is checked or allocated.
 */
export async function shippingWarehouse(trx: StoreDb, buyerId: Id): Promise<Id | null> {
  const row = await hubDb(trx)
    .selectFrom('buyers as b')
    .select((eb) => [
      eb
        .selectFrom('market_countries as c')
        .innerJoin('markets as m', 'm.id', 'c.market_id')
        .select('m.warehouse_id')
        .whereRef('c.country_code', '=', 'b.country_code')
        .limit(1)
        .as('by_country'),
      eb
        .selectFrom('markets as m')
        .select('m.warehouse_id')
        .whereRef('m.pricelist_id', '=', 'b.pricelist_id')
        .where('m.warehouse_id', 'is not', null)
        .orderBy('m.id')
        .limit(1)
        .as('by_pricelist'),
    ])
    .where('b.id', '=', buyerId)
    .executeTakeFirst();
  return row?.by_country ?? row?.by_pricelist ?? null;
}

const holding = sql.join(STOCK_HOLDING_STATES.map((state) => sql.lit(state)));

/** Units of a SKU held in a warehouse by orders whose state holds stock. */
const held = (warehouseId: Id, skuId: ReturnType<typeof sql.ref> | Id) =>
  sql<number>`coalesce((select sum(a.allocated) from order_allocations a
    join orders o on o.id = a.order_id
    where a.warehouse_id = ${warehouseId} and a.sku_id = ${skuId} and o.status in (${holding})), 0)`;

/**
 * Each SKU's size and units available in the warehouse, in one query: on hand and held,
 * combined by the domain's availableStock (never negative). A SKU the warehouse has no
 * row for has none.
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
    .select(['s.id', 's.size'])
    .select((eb) => [
      eb.fn.coalesce('st.quantity', sql.lit(0)).as('on_hand'),
      held(warehouseId, sql.ref('s.id')).as('held'),
    ])
    .where('s.id', 'in', skuIds)
    .execute();
  const onHand = new Map(rows.map((row) => [row.id, Number(row.on_hand)]));
  // The query already kept only the orders that hold stock; the rule subtracts and clamps.
  const available = availableStock(onHand, [
    { state: 'Order', lines: rows.map((row) => ({ skuId: row.id, allocated: row.held })) },
  ]);
  return { sizes: new Map(rows.map((row) => [row.id, row.size])), available };
}

interface AllocationWritten {
  sku_id: Id;
}

/** Lines written by one statement: well under SQLite's 32,766 bound parameters (3 a line). */
const ALLOCATIONS_PER_STATEMENT = 1_000;

/**
 * Writes what an order holds, each line guarded by the stock it takes: a line is written
 * only while on hand − held still covers it, so stock is never negative and never
 * allocated twice even if a caller read availability outside its transaction. A guard
 * that fails means exactly that mistake, and rolls the order back. The lines go in one
 * statement (per ALLOCATIONS_PER_STATEMENT): an order's lines are distinct SKUs, so no
 * line's guard reads what another line of the same statement writes.
 */
export async function writeAllocations(
  trx: StoreDb,
  orderId: Id,
  warehouseId: Id,
  lines: readonly AllocatedLine[],
): Promise<void> {
  for (let from = 0; from < lines.length; from += ALLOCATIONS_PER_STATEMENT) {
    const chunk = lines.slice(from, from + ALLOCATIONS_PER_STATEMENT);
    const values = sql.join(
      chunk.map((line) => sql`(${line.skuId}, ${line.allocated}, ${line.short})`),
    );
    const skuId = sql.ref('l.sku_id');
    const onHand = sql<number>`coalesce((select quantity from stock
      where warehouse_id = ${warehouseId} and sku_id = ${skuId}), 0)`;
    const written =
      await sql<AllocationWritten>`with l (sku_id, allocated, short) as (values ${values})
      insert into order_allocations (order_id, sku_id, warehouse_id, allocated, short)
      select ${orderId}, l.sku_id, ${warehouseId}, l.allocated, l.short from l
      where l.allocated = 0 or l.allocated <= ${onHand} - ${held(warehouseId, skuId)}
      returning sku_id`.execute(trx);
    if (written.rows.length !== chunk.length) {
      const fitted = new Set(written.rows.map((row) => row.sku_id));
      const changed = chunk.find((line) => !fitted.has(line.skuId))?.skuId;
      throw new Error(`Stock of SKU ${changed} changed while order ${orderId} was allocated`);
    }
  }
}
