import { applyDiscount } from './money.ts';

/**
 * Rules of a selection: the styles a rep picks for a buyer, with a quantity per SKU.
 * Quantities are whole units; a selection is priced at the buyer's pricelist and
 * discounted by the buyer's trading terms, always in integer minor units.
 */

/** More than any one buyer orders of a size; a bigger number is a slip of the keyboard. */
export const MAX_QUANTITY = 9_999;
/** Lines in one selection: a whole season's range for a department store fits. */
export const MAX_SELECTION_LINES = 5_000;
export const MAX_SELECTION_NAME = 120;
export const MAX_SELECTION_NOTES = 4_000;

export type ParsedQuantity = { ok: true; quantity: number } | { ok: false; reason: string };

/**
 * Reads what a rep typed in a size cell. Empty means none; anything but a whole number
 * from 0 to MAX_QUANTITY is refused with a reason the field shows.
 */
export function parseQuantity(text: string): ParsedQuantity {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, quantity: 0 };
  if (/^-\s*\d/.test(trimmed)) return { ok: false, reason: 'A quantity cannot be negative' };
  if (!/^\d+$/.test(trimmed)) return { ok: false, reason: 'Type a whole number of units' };
  const quantity = Number(trimmed);
  if (quantity > MAX_QUANTITY) {
    return { ok: false, reason: `At most ${MAX_QUANTITY.toLocaleString('en')} units per size` };
  }
  return { ok: true, quantity };
}

export function isValidQuantity(quantity: number): boolean {
  return Number.isInteger(quantity) && quantity >= 0 && quantity <= MAX_QUANTITY;
}

/** One line as totals see it: its units and its unit price, or null when it is no longer sold. */
export interface PricedLine {
  quantity: number;
  unitPriceMinor: number | null;
}

export interface SelectionTotals {
  units: number;
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  /** Lines whose SKU is no longer sold on the buyer's pricelist: counted nowhere. */
  unpricedLines: number;
}

/**
 * Units and money of a selection. The trading-terms discount applies once, to the
 * subtotal, rounded half up to the minor unit, so the lines and the total agree with
 * what the order will say.
 */
export function selectionTotals(
  lines: Iterable<PricedLine>,
  discountBasisPoints: number,
): SelectionTotals {
  let units = 0;
  let subtotalMinor = 0;
  let unpricedLines = 0;
  for (const line of lines) {
    if (line.unitPriceMinor === null) {
      unpricedLines++;
      continue;
    }
    units += line.quantity;
    subtotalMinor += line.quantity * line.unitPriceMinor;
  }
  return discountedTotals({ units, subtotalMinor, unpricedLines }, discountBasisPoints);
}

/** Totals from units and a subtotal summed elsewhere (by the store, for a list of selections). */
export function discountedTotals(
  sums: { units: number; subtotalMinor: number; unpricedLines: number },
  discountBasisPoints: number,
): SelectionTotals {
  const totalMinor = applyDiscount(sums.subtotalMinor, discountBasisPoints);
  return { ...sums, discountMinor: sums.subtotalMinor - totalMinor, totalMinor };
}

/** "Copy of Spring order", "Copy of Spring order (2)", … so a duplicate never looks like its source. */
export function duplicateName(name: string, taken: ReadonlySet<string>): string {
  const base = `Copy of ${name}`.slice(0, MAX_SELECTION_NAME);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, MAX_SELECTION_NAME - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
