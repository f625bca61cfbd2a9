import { STOCK_HOLDING_STATES, type OrderState } from './order-states.ts';
import type { Id } from './model.ts';
import type { Refusal } from './refusal.ts';
import { isValidQuantity } from './selections.ts';

/**
 * Stock of one warehouse (the one the buyer's market ships from). Available = on hand −
 * what placed orders hold, never negative. An order holds what was allocated to it, not
 * what it asked: a booth order taken over availability holds the units there were and
 * is flagged short for the rest, so stock is never allocated twice. A cancelled order
 * holds nothing, so cancelling releases its units.
 */

/** A line as stock sees it: units of one SKU, with its size for the buyer's message. */
export interface StockLine {
  readonly skuId: Id;
  readonly size: string;
  readonly quantity: number;
}

/** What a placed order holds: its state and the units allocated to each of its lines. */
export interface HoldingOrder {
  readonly state: OrderState;
  readonly lines: Iterable<{ readonly skuId: Id; readonly allocated: number }>;
}

/** Units available per SKU. A SKU not in the map has none. */
export type Availability = ReadonlyMap<Id, number>;

/**
 * Available units per SKU from what is on hand and the orders that hold stock. Never
 * negative: stock counted lower than what is held (a recount, an import) shows as none,
 * not as a debt a next order would pay.
 */
export function availableStock(
  onHand: ReadonlyMap<Id, number>,
  orders: Iterable<HoldingOrder>,
): Map<Id, number> {
  const available = new Map<Id, number>();
  for (const [skuId, quantity] of onHand) available.set(skuId, Math.max(0, quantity));
  for (const order of orders) {
    if (!STOCK_HOLDING_STATES.includes(order.state)) continue;
    for (const { skuId, allocated } of order.lines) {
      available.set(skuId, Math.max(0, (available.get(skuId) ?? 0) - allocated));
    }
  }
  return available;
}

export const STOCK_REFUSALS = ['insufficient_stock'] as const;
export type StockRefusal = (typeof STOCK_REFUSALS)[number];

/** A size asked beyond what is there: the buyer reads "Only 3 left in M". */
export interface StockShortfall {
  readonly skuId: Id;
  readonly size: string;
  readonly asked: number;
  readonly available: number;
}

/**
 * An online checkout's lines against availability: nothing, or one `insufficient_stock`
 * refusal per short size (all of them, so the page marks every size at once). Lines of
 * the same SKU count together. A buyer's checkout is a request: refused, nothing written.
 */
export function checkOnlineOrder(
  lines: Iterable<StockLine>,
  available: Availability,
): { ok: true } | { ok: false; refusals: Refusal<StockRefusal>[] } {
  const asked = new Map<Id, { size: string; asked: number }>();
  for (const line of lines) {
    checkQuantity(line);
    const sku = asked.get(line.skuId);
    if (sku) sku.asked += line.quantity;
    else asked.set(line.skuId, { size: line.size, asked: line.quantity });
  }
  const refusals: Refusal<StockRefusal>[] = [];
  for (const [skuId, sku] of asked) {
    const there = available.get(skuId) ?? 0;
    if (sku.asked > there) {
      const shortfall: StockShortfall = {
        skuId,
        size: sku.size,
        asked: sku.asked,
        available: there,
      };
      refusals.push({ code: 'insufficient_stock', params: { ...shortfall } });
    }
  }
  return refusals.length === 0 ? { ok: true } : { ok: false, refusals };
}

export interface AllocatedLine extends StockLine {
  /** Units taken from stock for this line. */
  readonly allocated: number;
  /** Units asked that were not there: a booth order shows "short N units" for a person to resolve. */
  readonly short: number;
}

/**
 * What an order takes from stock, line by line in the order's own order, and what is
 * left. A booth order is a fact: it is accepted whatever is short. An online order is
 * checked first (checkOnlineOrder), so it allocates in full.
 */
export function allocateOrder(
  lines: Iterable<StockLine>,
  available: Availability,
): { lines: AllocatedLine[]; available: Map<Id, number> } {
  const left = new Map(available);
  const allocated: AllocatedLine[] = [];
  for (const line of lines) {
    checkQuantity(line);
    const there = Math.max(0, left.get(line.skuId) ?? 0);
    const taken = Math.min(there, line.quantity);
    left.set(line.skuId, there - taken);
    allocated.push({ ...line, allocated: taken, short: line.quantity - taken });
  }
  return { lines: allocated, available: left };
}

/** Units short over a whole order, for the Orders view's flag. */
export function unitsShort(lines: Iterable<AllocatedLine>): number {
  let short = 0;
  for (const line of lines) short += line.short;
  return short;
}

/** Quantities come checked by the contract; one outside the rule is the caller's mistake. */
function checkQuantity(line: StockLine): void {
  if (!isValidQuantity(line.quantity)) throw new RangeError('A quantity is 0 to 9,999 units');
}

/** A stock row as the hub keeps it: on hand, and what orders holding stock hold of it. */
export interface StockLevel {
  readonly quantity: number;
  readonly held: number;
}

/**
 * Units available of one stock row: on hand − held − `pending` (a desktop's own booth
 * orders the hub has not yet counted in `held`), never negative: a recount below what
 * is held shows as none, not as a debt.
 */
export function availableUnits(level: StockLevel | undefined, pending = 0): number {
  if (!level) return 0;
  return Math.max(0, level.quantity - level.held - pending);
}
