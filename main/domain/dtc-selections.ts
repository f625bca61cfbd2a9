import { MAX_DTC_LINE_QUANTITY, MAX_DTC_SELECTION_LINES, MAX_DTC_SELECTION_NAME } from './dtc.ts';
import type { DtcSelectionLine } from './dtc.ts';
import { parseAmount } from './money.ts';
import { refuse, type Decided, type RefusalParams } from './refusal.ts';

/**
 * A DTC selection's rules: a name, and lines of units of one SKU each (1 to
 * MAX_DTC_LINE_QUANTITY, at most MAX_DTC_SELECTION_LINES lines), each with an optional
 * special price in minor units of the market's currency, never below zero. The editor
 * judges what is typed with them, the service and both sides' mutators judge the whole
 * set again on "Save". And when a checkout link may be made from one.
 */

export const DTC_SELECTION_PROBLEMS = [
  'name_required',
  'name_too_long',
  'too_many_lines',
  'sku_twice',
  'quantity_not_whole',
  'quantity_out_of_range',
  'special_price_not_amount',
  'special_price_negative',
] as const;
export type DtcSelectionProblemCode = (typeof DTC_SELECTION_PROBLEMS)[number];

/** A problem at its field: `name`, `lines`, or `lines.<n>.quantity` / `.specialPriceMinor`. */
export interface DtcSelectionProblem {
  readonly field: string;
  readonly code: DtcSelectionProblemCode;
  readonly params: RefusalParams;
}

/** Why no link can be made from a selection; the hub refuses the link with the same codes. */
export const DTC_LINK_REFUSALS = ['selection_deleted', 'selection_empty'] as const;
export type DtcLinkRefusal = (typeof DTC_LINK_REFUSALS)[number];

function quantityProblem(quantity: number): DtcSelectionProblemCode | null {
  if (!Number.isInteger(quantity)) return 'quantity_not_whole';
  if (quantity < 1 || quantity > MAX_DTC_LINE_QUANTITY) return 'quantity_out_of_range';
  return null;
}

function specialPriceProblem(price: number | null): DtcSelectionProblemCode | null {
  if (price === null) return null;
  if (!Number.isSafeInteger(price)) return 'special_price_not_amount';
  return price < 0 ? 'special_price_negative' : null;
}

/** Every problem of a selection as "Save" sends it; none when it can be saved. */
export function dtcSelectionProblems(selection: {
  readonly name: string;
  readonly lines: readonly DtcSelectionLine[];
}): DtcSelectionProblem[] {
  const problems: DtcSelectionProblem[] = [];
  const name = selection.name.trim();
  if (name === '') problems.push({ field: 'name', code: 'name_required', params: {} });
  if (name.length > MAX_DTC_SELECTION_NAME) {
    problems.push({
      field: 'name',
      code: 'name_too_long',
      params: { max: MAX_DTC_SELECTION_NAME },
    });
  }
  if (selection.lines.length > MAX_DTC_SELECTION_LINES) {
    problems.push({
      field: 'lines',
      code: 'too_many_lines',
      params: { max: MAX_DTC_SELECTION_LINES },
    });
  }
  const seen = new Set<string>();
  selection.lines.forEach((line, index) => {
    if (seen.has(line.skuId)) {
      problems.push({ field: `lines.${index}`, code: 'sku_twice', params: {} });
    }
    seen.add(line.skuId);
    const quantity = quantityProblem(line.quantity);
    if (quantity) {
      problems.push({
        field: `lines.${index}.quantity`,
        code: quantity,
        params: { min: 1, max: MAX_DTC_LINE_QUANTITY },
      });
    }
    const price = specialPriceProblem(line.specialPriceMinor);
    if (price) {
      problems.push({ field: `lines.${index}.specialPriceMinor`, code: price, params: {} });
    }
  });
  return problems;
}

/**
 * A quantity as typed into a size: '' or 0 leaves the size out, else a whole number of
 * units up to MAX_DTC_LINE_QUANTITY.
 */
export function parseDtcQuantity(
  text: string,
): Decided<{ quantity: number }, 'quantity_not_whole' | 'quantity_out_of_range'> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, quantity: 0 };
  const range = { min: 1, max: MAX_DTC_LINE_QUANTITY };
  if (/^-\d+$/.test(trimmed)) return refuse('quantity_out_of_range', range);
  if (!/^\d+$/.test(trimmed)) return refuse('quantity_not_whole');
  const quantity = Number(trimmed);
  if (quantity > MAX_DTC_LINE_QUANTITY) return refuse('quantity_out_of_range', range);
  return { ok: true, quantity };
}

/** A special price as typed, in the currency's units: '' means none (the retail price holds). */
export function parseSpecialPrice(
  text: string,
  currency: string,
): Decided<
  { specialPriceMinor: number | null },
  'special_price_not_amount' | 'special_price_negative'
> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, specialPriceMinor: null };
  if (trimmed.startsWith('-')) return refuse('special_price_negative');
  const parsed = parseAmount(trimmed, currency);
  return parsed.ok
    ? { ok: true, specialPriceMinor: parsed.amountMinor }
    : refuse('special_price_not_amount');
}

export interface DtcPricedLine {
  readonly quantity: number;
  readonly specialPriceMinor: number | null;
  /** The market's pricelist's retail price of the SKU; null when it has none. */
  readonly retailMinor: number | null;
}

export interface DtcSelectionTotals {
  readonly units: number;
  /** What the lines come to at retail prices. */
  readonly retailMinor: number;
  /** What the lines come to with their special prices: what the customer is asked. */
  readonly totalMinor: number;
}

/** A line's price per unit: its special price, else the retail price. */
export function dtcUnitPrice(line: DtcPricedLine): number | null {
  return line.specialPriceMinor ?? line.retailMinor;
}

/** The selection's units and totals; a line without any price counts nothing. */
export function dtcSelectionTotals(lines: readonly DtcPricedLine[]): DtcSelectionTotals {
  let units = 0;
  let retailMinor = 0;
  let totalMinor = 0;
  for (const line of lines) {
    units += line.quantity;
    retailMinor += (line.retailMinor ?? 0) * line.quantity;
    totalMinor += (dtcUnitPrice(line) ?? 0) * line.quantity;
  }
  return { units, retailMinor, totalMinor };
}

/**
 * Whether a checkout link may be made from the selection: not deleted by a purchase, and
 * with at least one line saved. The desktop asks first; the hub judges again.
 */
export function mayLinkDtcSelection(selection: {
  readonly deletedAt: string | null;
  readonly lineCount: number;
}): Decided<object, DtcLinkRefusal> {
  if (selection.deletedAt !== null) return refuse('selection_deleted');
  if (selection.lineCount === 0) return refuse('selection_empty');
  return { ok: true };
}
