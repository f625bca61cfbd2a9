import { isCurrencyCode } from './money.ts';
import { refuse, type Decided, type Refusal } from './refusal.ts';
import type { Id } from './model.ts';

/**
 * Shipping rate groups, as the customer-order-links spec describes them: the brand
 * creates "Shipping Rate Groups" as master data ("To set shipping rates, you must create
 * master data for 'Shipping Rate Groups' in advance"); each group holds a rate "for each
 * combination of 'Currency' and 'Country'". A rate is a flat amount in the currency's
 * minor units, optionally free when the order's goods total reaches a threshold.
 */

export const MAX_RATE_GROUP_NAME = 120;
/** Rates in one group: every ISO country times a handful of currencies fits. */
export const MAX_RATES_PER_GROUP = 2_000;
/** ISO 3166-1 alpha-2, upper case, as buyers' addresses store it. */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;

export interface ShippingRate {
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** ISO 4217. */
  readonly currency: string;
  readonly amountMinor: number;
  /**
   * The order is shipped free when its goods total (after the buyer's discount) is at
   * least this; null: never free.
   */
  readonly freeFromMinor: number | null;
}

export interface ShippingRateGroup {
  readonly id: Id;
  readonly name: string;
  readonly rates: readonly ShippingRate[];
}

/** A rate that applies to an order, with the group it came from, for the order to keep. */
export interface ResolvedShippingRate extends ShippingRate {
  readonly groupId: Id;
  readonly groupName: string;
  /** Where the group was set: the link's setting wins over the catalogs', those over the brand's default. */
  readonly source: ShippingRateSource;
}

export const SHIPPING_RATE_SOURCES = ['link', 'catalog', 'brand'] as const;
export type ShippingRateSource = (typeof SHIPPING_RATE_SOURCES)[number];

/** Which groups an order may take its shipping from, as each level set them. */
export interface ShippingSettings {
  /** The link's "Shipping settings (Rate group)"; empty for a booth order or a link without any. */
  readonly linkGroupIds: readonly Id[];
  /** The groups set on the catalogs of the order's styles, in catalog order. */
  readonly catalogGroupIds: readonly Id[];
  /** The brand's default group; null when the brand has none. */
  readonly brandDefaultGroupId: Id | null;
}

export const SHIPPING_RATE_REFUSALS = ['no_shipping_rate'] as const;
export type ShippingRateRefusal = (typeof SHIPPING_RATE_REFUSALS)[number];

/**
 * The rates an order to `country` in `currency` may choose from; the first is the one
 * offered by default. The spec: "The contents set for the link take precedence over the
 * contents set for the catalog", and "If all shipping rates set for the link are
 * invalid, the shipping rates set for the catalog will be referenced". A level's rates
 * count as invalid for this order when none of its groups still exists or none has a
 * rate for the buyer's country and currency; then the next level is asked, the brand's
 * default group last. Nothing anywhere: `no_shipping_rate` with the country and currency,
 * so the buyer reads that the brand does not ship there in that currency.
 */
export function shippingRatesFor(
  destination: { readonly country: string; readonly currency: string },
  settings: ShippingSettings,
  groups: ReadonlyMap<Id, ShippingRateGroup>,
): Decided<{ rates: ResolvedShippingRate[] }, ShippingRateRefusal> {
  const levels: [ShippingRateSource, readonly Id[]][] = [
    ['link', settings.linkGroupIds],
    ['catalog', settings.catalogGroupIds],
    ['brand', settings.brandDefaultGroupId === null ? [] : [settings.brandDefaultGroupId]],
  ];
  for (const [source, groupIds] of levels) {
    const rates: ResolvedShippingRate[] = [];
    for (const groupId of new Set(groupIds)) {
      const group = groups.get(groupId);
      const rate = group?.rates.find(
        (r) => r.country === destination.country && r.currency === destination.currency,
      );
      if (group && rate) rates.push({ ...rate, groupId, groupName: group.name, source });
    }
    if (rates.length > 0) return { ok: true, rates };
  }
  return refuse('no_shipping_rate', {
    country: destination.country,
    currency: destination.currency,
  });
}

/**
 * Whether shipping settings apply to an order at all: some level names a group that still
 * exists. The customer-order-links spec makes the address required "When shipping
 * settings are applied", whether or not the buyer's country has a rate.
 */
export function shippingSettingsApply(
  settings: ShippingSettings,
  groups: ReadonlyMap<Id, ShippingRateGroup>,
): boolean {
  const named = [
    ...settings.linkGroupIds,
    ...settings.catalogGroupIds,
    ...(settings.brandDefaultGroupId === null ? [] : [settings.brandDefaultGroupId]),
  ];
  return named.some((groupId) => groups.has(groupId));
}

/** What an order pays for shipping at a rate, given its goods total after discount. */
export function shippingCharge(
  rate: Pick<ShippingRate, 'amountMinor' | 'freeFromMinor'>,
  goodsTotalMinor: number,
): number {
  if (rate.freeFromMinor !== null && goodsTotalMinor >= rate.freeFromMinor) return 0;
  return rate.amountMinor;
}

export const SHIPPING_RATE_GROUP_REFUSALS = [
  'rate_group_name_required',
  'rate_group_name_too_long',
  'too_many_rates',
  'rate_country_invalid',
  'rate_currency_invalid',
  'rate_amount_invalid',
  'rate_duplicate',
] as const;
export type ShippingRateGroupRefusal = (typeof SHIPPING_RATE_GROUP_REFUSALS)[number];

/**
 * What is wrong with a group an admin saves, each problem once per rate (`index` names
 * the rate's row). One rate per country and currency in a group, so resolution never
 * has to pick between two.
 */
export function rateGroupProblems(group: {
  readonly name: string;
  readonly rates: readonly ShippingRate[];
}): Refusal<ShippingRateGroupRefusal>[] {
  const problems: Refusal<ShippingRateGroupRefusal>[] = [];
  const name = group.name.trim();
  if (name === '') problems.push({ code: 'rate_group_name_required', params: {} });
  if (name.length > MAX_RATE_GROUP_NAME) {
    problems.push({ code: 'rate_group_name_too_long', params: { max: MAX_RATE_GROUP_NAME } });
  }
  if (group.rates.length > MAX_RATES_PER_GROUP) {
    problems.push({ code: 'too_many_rates', params: { max: MAX_RATES_PER_GROUP } });
    return problems;
  }
  const seen = new Set<string>();
  group.rates.forEach((rate, index) => {
    if (!COUNTRY_CODE_PATTERN.test(rate.country)) {
      problems.push({ code: 'rate_country_invalid', params: { index, country: rate.country } });
    }
    if (!isCurrencyCode(rate.currency)) {
      problems.push({ code: 'rate_currency_invalid', params: { index, currency: rate.currency } });
    }
    const amounts = [
      rate.amountMinor,
      ...(rate.freeFromMinor === null ? [] : [rate.freeFromMinor]),
    ];
    if (!amounts.every((amount) => Number.isSafeInteger(amount) && amount >= 0)) {
      problems.push({ code: 'rate_amount_invalid', params: { index } });
    }
    const key = `${rate.country} ${rate.currency}`;
    if (seen.has(key)) {
      problems.push({
        code: 'rate_duplicate',
        params: { index, country: rate.country, currency: rate.currency },
      });
    }
    seen.add(key);
  });
  return problems;
}
