import { z } from 'zod';
import { MAX_DTC_LINK_TEMPLATE } from '../../main/domain/dtc.ts';
import { operation } from './operation.ts';

/**
 * The admin's Settings for direct-to-consumer checkout links: tax rates per country,
 * whether each market's retail prices include tax, and the brand's link template (the
 * spec's Static "payment_link"). Each answer says what waits to reach the hub.
 */

export interface TaxRateView {
  /** ISO 3166-1 alpha-2. */
  countryCode: string;
  /** Basis points: 2500 is 25 %. */
  rateBp: number;
  /** Set or changed on this computer, not yet on the hub. */
  waitingToSync: boolean;
}

export interface TaxRates {
  rates: TaxRateView[];
}

/**
 * A country's rate as the admin typed it: the percentage is text ("25", "8.25") that the
 * domain's readTaxRate reads, answering each problem at `countryCode` or `rate` with its
 * code. This only bounds the input.
 */
export const TaxRateInput = z.strictObject({
  countryCode: z.string().max(8),
  rate: z.string().max(40),
});
export type TaxRateInput = z.infer<typeof TaxRateInput>;

export interface MarketTaxView {
  id: string;
  name: string;
  /** The currency of the market's pricelist, the currency its DTC selections sell in. */
  currency: string;
  pricelistName: string;
  /** The countries the market sells to, ISO 3166-1 alpha-2. */
  countryCodes: string[];
  pricesIncludeTax: boolean;
  waitingToSync: boolean;
}

export interface MarketsTax {
  markets: MarketTaxView[];
}

export interface DtcLinkTemplateView {
  /** The storefront address with %basket% and %hash%; null: the hub's own checkout page. */
  template: string | null;
  /** Where a link leads without a template: the hub's address as links carry it. */
  checkoutOrigin: string;
  waitingToSync: boolean;
}

/** The template as typed; checkDtcLinkTemplate judges it ('' clears it). */
export const DtcLinkTemplateInput = z.strictObject({
  template: z.string().max(MAX_DTC_LINK_TEMPLATE * 2),
});

export const dtcSettingsOperations = {
  'dtcSettings.taxRates': operation<TaxRates>()({
    input: z.strictObject({}),
    summary: "The brand's tax rate of each country, for direct-to-consumer checkout",
  }),
  'dtcSettings.setTaxRate': operation<TaxRates>()({
    input: TaxRateInput,
    summary: "Add or change a country's tax rate (admins)",
  }),
  'dtcSettings.removeTaxRate': operation<TaxRates>()({
    input: z.strictObject({ countryCode: z.string().max(8) }),
    summary: "Remove a country's tax rate; orders keep the rate they were sold at (admins)",
  }),
  'dtcSettings.markets': operation<MarketsTax>()({
    input: z.strictObject({}),
    summary: 'The markets with their currency, countries and whether retail prices include tax',
  }),
  'dtcSettings.setPricesIncludeTax': operation<MarketsTax>()({
    input: z.strictObject({ marketId: z.string().min(1).max(64), pricesIncludeTax: z.boolean() }),
    summary: "Say whether a market's retail prices include tax (admins)",
  }),
  'dtcSettings.linkTemplate': operation<DtcLinkTemplateView>()({
    input: z.strictObject({}),
    summary: "The brand's checkout link template (payment_link) and where links lead without one",
  }),
  'dtcSettings.setLinkTemplate': operation<DtcLinkTemplateView>()({
    input: DtcLinkTemplateInput,
    summary: 'Set or clear the checkout link template (admins)',
  }),
};
