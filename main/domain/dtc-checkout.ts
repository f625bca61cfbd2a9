import { MAX_DTC_LINE_QUANTITY, type DtcLinkOptions, type DtcSelectionLine } from './dtc.ts';
import type { Id } from './model.ts';
import { MAX_ORDER_AMOUNT_MINOR } from './order-totals.ts';
import type { Decided, Refusal } from './refusal.ts';
import {
  shippingCharge,
  type ResolvedShippingRate,
  type ShippingRateRefusal,
} from './shipping-rates.ts';

/**
 * What a customer pays through a DTC checkout link (dtc-shareable-order-link.txt), from
 * their claimed copy of the selection: the basket they ask for, priced, taxed and shipped.
 *
 * - Prices: the selection's pricelist's retail price; a line's special price holds for at
 *   most its saved quantity ("the customer will never be able to increase the amount with
 *   that specific price"), units above it cost the retail price. A line whose units are
 *   all at one price keeps that price as its unit price; a line raised above its special
 *   price's quantity is at the retail price, and what the special price takes off its
 *   saved units is the order's discount.
 * - Quantities: whole, 0 (the line is dropped) up to the saved quantity when the link
 *   locks them, up to MAX_DTC_LINE_QUANTITY otherwise; only the saved SKUs, locked or not.
 * - Tax: the customer's country's rate (tax_rates) per line, rounded half up per line:
 *   inside the price when the market's prices include tax (price × rate / (10000 + rate)),
 *   added to it otherwise (price × rate / 10000). None when the link ignores tax, or the
 *   country has no rate. Shipping is not taxed.
 * - Shipping: the brand's rate for the country and the basket's currency, the first
 *   rate unless the customer chose another; none when the link ignores shipping. The
 *   market's countries bound where it may go, whatever the link says.
 *
 * Each refusal is a code and parameters (`index` names the basket's line), for the
 * pages and storefronts to say in their words.
 */

export const DTC_CHECKOUT_REFUSALS = [
  'dtc_basket_empty',
  'dtc_sku_repeated',
  'dtc_sku_not_in_basket',
  'dtc_quantity_invalid',
  'dtc_quantity_above_saved',
  'dtc_no_retail_price',
  'dtc_country_not_in_market',
  'dtc_no_shipping_to_country',
  'dtc_shipping_rate_unknown',
  'dtc_basket_too_large',
  /** A claim already bought under another order id: one order per claim. */
  'dtc_claim_purchased',
] as const;
export type DtcCheckoutRefusal = (typeof DTC_CHECKOUT_REFUSALS)[number];

/** What the customer asks for: each saved SKU once, with the units they want. */
export interface DtcBasketLine {
  readonly skuId: Id;
  readonly quantity: number;
}

/** What the hub knows when it prices a claimed basket. */
export interface DtcBasketFacts {
  /** The claimed copy's lines, as saved when claimed. */
  readonly saved: readonly DtcSelectionLine[];
  readonly options: DtcLinkOptions;
  /** The selection's pricelist's currency. */
  readonly currency: string;
  /** The pricelist's retail price of each saved SKU; absent: it has none. */
  readonly retailMinor: ReadonlyMap<Id, number>;
  /** The market's countries (ISO 3166-1 alpha-2); empty: the market names none and bounds nothing. */
  readonly marketCountries: readonly string[];
  readonly pricesIncludeTax: boolean;
  /** The rate of the customer's country in basis points; null: the country has none. */
  readonly taxRateBp: number | null;
  /** The brand's rates to the country in the currency (shippingRatesFor); null before a country. */
  readonly shipping: Decided<{ rates: ResolvedShippingRate[] }, ShippingRateRefusal> | null;
}

export interface DtcBasketChoice {
  readonly lines: readonly DtcBasketLine[];
  /** Where it ships (ISO 3166-1 alpha-2), upper case; null before the customer says. */
  readonly country: string | null;
  /** The rate group chosen among the rates; null: the first. */
  readonly shippingGroupId: Id | null;
}

export interface DtcPricedLine {
  readonly skuId: Id;
  readonly quantity: number;
  /** The price each unit is sold at; the retail price for a line raised above its special price's units. */
  readonly unitPriceMinor: number;
  /** Units at the special price, and that price; 0 and null without one. */
  readonly specialQuantity: number;
  readonly specialPriceMinor: number | null;
  /** What the special price takes off a raised line (the order's discount); 0 otherwise. */
  readonly savingMinor: number;
  /** quantity × unitPriceMinor − savingMinor. */
  readonly amountMinor: number;
  readonly taxRateBp: number;
  /** The line's tax, inside amountMinor or on top of it as the basket says. */
  readonly taxMinor: number;
}

export interface DtcQuote {
  readonly currency: string;
  readonly lines: readonly DtcPricedLine[];
  readonly units: number;
  /** Σ quantity × unit price. */
  readonly subtotalMinor: number;
  /** Σ savings of raised lines. */
  readonly discountMinor: number;
  /** subtotal − discount: what the goods cost, on which free shipping is decided. */
  readonly goodsTotalMinor: number;
  readonly taxMinor: number;
  /** Whether taxMinor is inside the prices (the market's) or added to them. */
  readonly taxIncluded: boolean;
  /** The rates the customer may choose from (none when shipping is ignored or not yet known). */
  readonly shippingRates: readonly ResolvedShippingRate[];
  readonly shipping: ResolvedShippingRate | null;
  readonly shippingMinor: number;
  /** goods + added tax + shipping. */
  readonly totalMinor: number;
  /** Why this basket cannot be bought as it stands; empty when it can. */
  readonly problems: readonly Refusal<DtcCheckoutRefusal>[];
}

/** Half-up division of non-negative integers, exact below 2^53. */
function divideHalfUp(numerator: number, denominator: number): number {
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  return 2 * remainder >= denominator ? quotient + 1 : quotient;
}

/**
 * A line's tax at `rateBp`: the part of `amountMinor` that is tax when prices include it,
 * else what is added to it; rounded half up to the minor unit.
 */
export function lineTax(amountMinor: number, rateBp: number, included: boolean): number {
  if (rateBp === 0 || amountMinor === 0) return 0;
  return included
    ? divideHalfUp(amountMinor * rateBp, 10_000 + rateBp)
    : divideHalfUp(amountMinor * rateBp, 10_000);
}

/** The units of a line the special price covers, and what a line costs before tax. */
export function priceDtcLine(
  saved: DtcSelectionLine,
  quantity: number,
  retailMinor: number | undefined,
): Omit<DtcPricedLine, 'taxRateBp' | 'taxMinor'> | null {
  const special = saved.specialPriceMinor;
  const specialQuantity = special === null ? 0 : Math.min(quantity, saved.quantity);
  const atRetail = quantity - specialQuantity;
  if (atRetail > 0 && retailMinor === undefined) return null;
  const base = { skuId: saved.skuId, quantity, specialQuantity, specialPriceMinor: special };
  if (atRetail === 0 && special !== null) {
    return { ...base, unitPriceMinor: special, savingMinor: 0, amountMinor: quantity * special };
  }
  const retail = retailMinor!;
  // Raised above the special price's units (or no special price): retail, less what the
  // special price takes off its units. A special price above retail is a price the brand
  // holds the saved units at, not a surcharge on more: a raised line is then all retail.
  const savingMinor = special === null ? 0 : Math.max(0, specialQuantity * (retail - special));
  return {
    ...base,
    unitPriceMinor: retail,
    savingMinor,
    amountMinor: quantity * retail - savingMinor,
  };
}

/**
 * The basket as the customer asks for it, priced, taxed and shipped, with every problem
 * that stops its purchase. Lines asked at 0 units are dropped.
 */
export function quoteDtcBasket(facts: DtcBasketFacts, choice: DtcBasketChoice): DtcQuote {
  const problems: Refusal<DtcCheckoutRefusal>[] = [];
  const savedBySku = new Map(facts.saved.map((line) => [line.skuId, line]));
  const seen = new Set<Id>();
  const taxRateBp = facts.options.ignoreTax ? 0 : (facts.taxRateBp ?? 0);
  const lines: DtcPricedLine[] = [];
  choice.lines.forEach((asked, index) => {
    if (seen.has(asked.skuId)) {
      problems.push({ code: 'dtc_sku_repeated', params: { index, skuId: asked.skuId } });
      return;
    }
    seen.add(asked.skuId);
    const saved = savedBySku.get(asked.skuId);
    if (!saved) {
      problems.push({ code: 'dtc_sku_not_in_basket', params: { index, skuId: asked.skuId } });
      return;
    }
    const max = facts.options.lockQuantities ? saved.quantity : MAX_DTC_LINE_QUANTITY;
    if (!Number.isInteger(asked.quantity) || asked.quantity < 0) {
      problems.push({ code: 'dtc_quantity_invalid', params: { index, max } });
      return;
    }
    if (asked.quantity > max) {
      const code = facts.options.lockQuantities
        ? 'dtc_quantity_above_saved'
        : 'dtc_quantity_invalid';
      problems.push({ code, params: { index, max } });
      return;
    }
    if (asked.quantity === 0) return;
    const priced = priceDtcLine(saved, asked.quantity, facts.retailMinor.get(asked.skuId));
    if (!priced) {
      problems.push({ code: 'dtc_no_retail_price', params: { index, skuId: asked.skuId } });
      return;
    }
    const taxMinor = lineTax(priced.amountMinor, taxRateBp, facts.pricesIncludeTax);
    lines.push({ ...priced, taxRateBp, taxMinor });
  });
  if (lines.length === 0 && problems.length === 0) {
    problems.push({ code: 'dtc_basket_empty', params: {} });
  }

  const sum = (pick: (line: DtcPricedLine) => number) =>
    lines.reduce((total, line) => total + pick(line), 0);
  const subtotalMinor = sum((line) => line.quantity * line.unitPriceMinor);
  const goodsTotalMinor = sum((line) => line.amountMinor);
  const discountMinor = subtotalMinor - goodsTotalMinor;
  const taxMinor = sum((line) => line.taxMinor);

  const shipping = chooseShipping(facts, choice, problems);
  const shippingMinor = shipping.rate ? shippingCharge(shipping.rate, goodsTotalMinor) : 0;
  const totalMinor = goodsTotalMinor + (facts.pricesIncludeTax ? 0 : taxMinor) + shippingMinor;
  if (totalMinor > MAX_ORDER_AMOUNT_MINOR) {
    problems.push({ code: 'dtc_basket_too_large', params: { max: MAX_ORDER_AMOUNT_MINOR } });
  }
  return {
    currency: facts.currency,
    lines,
    units: sum((line) => line.quantity),
    subtotalMinor,
    discountMinor,
    goodsTotalMinor,
    taxMinor,
    taxIncluded: facts.pricesIncludeTax,
    shippingRates: shipping.rates,
    shipping: shipping.rate,
    shippingMinor,
    totalMinor,
    problems,
  };
}

/** The country's check against the market, and the rate the basket ships at. */
function chooseShipping(
  facts: DtcBasketFacts,
  choice: DtcBasketChoice,
  problems: Refusal<DtcCheckoutRefusal>[],
): { rates: ResolvedShippingRate[]; rate: ResolvedShippingRate | null } {
  const none = { rates: [], rate: null };
  const { country } = choice;
  if (country === null) return none;
  if (facts.marketCountries.length > 0 && !facts.marketCountries.includes(country)) {
    problems.push({ code: 'dtc_country_not_in_market', params: { country } });
    return none;
  }
  if (facts.options.ignoreShipping || facts.shipping === null) return none;
  if (!facts.shipping.ok) {
    problems.push({
      code: 'dtc_no_shipping_to_country',
      params: { country, currency: facts.currency },
    });
    return none;
  }
  const { rates } = facts.shipping;
  const rate =
    choice.shippingGroupId === null
      ? rates[0]!
      : rates.find((candidate) => candidate.groupId === choice.shippingGroupId);
  if (!rate) {
    problems.push({
      code: 'dtc_shipping_rate_unknown',
      params: { groupId: choice.shippingGroupId ?? '' },
    });
    return { rates, rate: null };
  }
  return { rates, rate };
}
