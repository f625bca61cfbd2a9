import { isValidQuantity, MAX_SELECTION_LINES, selectionTotals } from './selections.ts';
import { shippingCharge, type ShippingRate } from './shipping-rates.ts';
import { refuse, type Decided } from './refusal.ts';

/**
 * What an order costs. An order is in one currency, its buyer's pricelist's; amounts in
 * different currencies are never added, not even in a list of orders.
 *
 * The rounding rule, once: lines are whole units times integer minor units, exact; the
 * buyer's discount (basis points) applies once, to the subtotal, rounded half up to the
 * minor unit (money.ts, applyDiscount), exactly as a selection's totals, so an order
 * says what its selection said; shipping is charged on top, undiscounted, and is free
 * when the goods total after discount reaches the rate's threshold. Nothing else rounds.
 */

/** An order holds what one selection holds. */
export const MAX_ORDER_LINES = MAX_SELECTION_LINES;
/**
 * The largest subtotal and total an order may have: the discount multiplies the
 * subtotal by up to 10,000 basis points, and the product must stay an exact integer
 * (below 2^53). Nine billion euros, or 900 billion yen, is no order a showroom takes.
 */
export const MAX_ORDER_AMOUNT_MINOR = 900_000_000_000;

/** One line of an order: whole units at the buyer's unit price, in minor units. */
export interface OrderLine {
  readonly quantity: number;
  readonly unitPriceMinor: number;
}

export interface OrderTotals {
  readonly currency: string;
  readonly units: number;
  readonly subtotalMinor: number;
  readonly discountMinor: number;
  /** Subtotal less discount: what the goods cost, on which free shipping is decided. */
  readonly goodsTotalMinor: number;
  readonly shippingMinor: number;
  /** goodsTotalMinor + shippingMinor. */
  readonly totalMinor: number;
}

export const ORDER_TOTALS_REFUSALS = ['order_total_too_large'] as const;
export type OrderTotalsRefusal = (typeof ORDER_TOTALS_REFUSALS)[number];

/**
 * An order's totals from its lines, the buyer's discount and the chosen shipping rate
 * (null: no shipping charged, e.g. a brand without rate groups). Lines and rate come
 * from the store and the contract's checks, so an invalid quantity or price, or a rate in
 * another currency, is a mistake in the caller and throws.
 */
export function orderTotals(order: {
  readonly currency: string;
  readonly lines: Iterable<OrderLine>;
  readonly discountBasisPoints: number;
  readonly shipping: ShippingRate | null;
}): Decided<{ totals: OrderTotals }, OrderTotalsRefusal> {
  const lines = [...order.lines];
  for (const line of lines) {
    if (!isValidQuantity(line.quantity)) throw new RangeError('A quantity is 0 to 9,999 units');
    if (!Number.isSafeInteger(line.unitPriceMinor) || line.unitPriceMinor < 0) {
      throw new RangeError('A unit price is a whole, non-negative number of minor units');
    }
  }
  if (order.shipping && order.shipping.currency !== order.currency) {
    throw new RangeError('The shipping rate is in another currency than the order');
  }
  const goods = selectionTotals(lines, order.discountBasisPoints);
  if (goods.subtotalMinor > MAX_ORDER_AMOUNT_MINOR) {
    return refuse('order_total_too_large', { max: MAX_ORDER_AMOUNT_MINOR });
  }
  const shippingMinor = order.shipping ? shippingCharge(order.shipping, goods.totalMinor) : 0;
  const totalMinor = goods.totalMinor + shippingMinor;
  if (totalMinor > MAX_ORDER_AMOUNT_MINOR) {
    return refuse('order_total_too_large', { max: MAX_ORDER_AMOUNT_MINOR });
  }
  return {
    ok: true,
    totals: {
      currency: order.currency,
      units: goods.units,
      subtotalMinor: goods.subtotalMinor,
      discountMinor: goods.discountMinor,
      goodsTotalMinor: goods.totalMinor,
      shippingMinor,
      totalMinor,
    },
  };
}

/** Totals of several orders, one sum per currency (for a list's footer or an export). */
export function totalsByCurrency(totals: Iterable<OrderTotals>): Map<string, number> {
  const sums = new Map<string, number>();
  for (const { currency, totalMinor } of totals) {
    sums.set(currency, (sums.get(currency) ?? 0) + totalMinor);
  }
  return sums;
}
