import type { Id } from './model.ts';

/**
 * Direct-to-consumer selling, as dtc-shareable-order-link.txt describes it: the brand's
 * DTC customers, a selection built for one of them in a market (the market's pricelist,
 * its retail prices and currency, special prices per line), and the one-time checkout
 * link made from that saved selection. The limits here are the tables' checks too
 * (migration 0028); the rules that use them live beside them in this folder.
 */

export const MAX_CUSTOMER_NAME = 80;
export const MAX_CUSTOMER_EMAIL = 254;
export const MAX_CUSTOMER_PHONE = 40;
export const MAX_CUSTOMER_ADDRESSES = 10;
export const MAX_DTC_SELECTION_NAME = 120;
/** Lines of one DTC selection: a VIP's basket, not a wholesale order. */
export const MAX_DTC_SELECTION_LINES = 500;
/** Units of one line: a checkout link sells to one person. */
export const MAX_DTC_LINE_QUANTITY = 999;

/** A tax rate in basis points: 2500 is 25 %. */
export const MAX_TAX_RATE_BP = 10_000;

/**
 * The brand's storefront address for checkout links (the spec's Static "payment_link"),
 * with the two values a storefront extracts: the link's public id and its secret.
 */
export const DTC_TEMPLATE_BASKET = '%basket%';
export const DTC_TEMPLATE_HASH = '%hash%';
export const MAX_DTC_LINK_TEMPLATE = 500;
/**
 * Where a link leads when the brand has no storefront: Trunkshow's own checkout page on
 * the hub, `/dtc/<basket>/<hash>`.
 */
export const DTC_CHECKOUT_PATH_PREFIX = '/dtc/';

/**
 * What a checkout link is, as the selection lists it: `waitingToSync` until the hub has
 * accepted it (no purchase can happen before), `live` while no one has claimed it,
 * `claimed` once someone has (N times), `purchased` once the first purchase killed it,
 * `dead` when a staff member killed it before any purchase.
 */
export const DTC_LINK_STATES = ['waitingToSync', 'live', 'claimed', 'purchased', 'dead'] as const;
export type DtcLinkState = (typeof DTC_LINK_STATES)[number];

/** The options of the spec's pop-up, fixed when the link is made. */
export interface DtcLinkOptions {
  /** The customer can buy exactly the saved products and at most their saved quantities. */
  readonly lockQuantities: boolean;
  readonly ignoreShipping: boolean;
  readonly ignoreTax: boolean;
}

/** A DTC selection's line: units of one SKU, and the special price that holds for those units only. */
export interface DtcSelectionLine {
  readonly skuId: Id;
  readonly quantity: number;
  /** Minor units of the market's currency; null: the pricelist's retail price. */
  readonly specialPriceMinor: number | null;
}
