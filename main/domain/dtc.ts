import type { Id } from './model.ts';
import { refuse, type Decided } from './refusal.ts';

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

export const DTC_TEMPLATE_REFUSALS = [
  'template_too_long',
  'template_needs_basket',
  'template_needs_hash',
  'template_not_web_address',
] as const;
export type DtcTemplateRefusal = (typeof DTC_TEMPLATE_REFUSALS)[number];

/** http(s)://host[:port] and a path, query or fragment; no user or password, no spaces. */
const WEB_ADDRESS = /^https?:\/\/[a-z\d.-]+(:\d{1,5})?([/?#]\S*)?$/i;

/**
 * Whether a link template can be saved: at most MAX_DTC_LINK_TEMPLATE characters, both
 * placeholders, and once filled in an http(s) address with a host (a storefront's own
 * address; http for a storefront under development on the brand's machine). Surrounding
 * spaces are dropped; '' clears it (the hub's own checkout page).
 */
export function checkDtcLinkTemplate(
  text: string,
): Decided<{ template: string | null }, DtcTemplateRefusal> {
  const template = text.trim();
  if (template === '') return { ok: true, template: null };
  if (template.length > MAX_DTC_LINK_TEMPLATE) {
    return refuse('template_too_long', { max: MAX_DTC_LINK_TEMPLATE });
  }
  if (!template.includes(DTC_TEMPLATE_BASKET)) {
    return refuse('template_needs_basket', { placeholder: DTC_TEMPLATE_BASKET });
  }
  if (!template.includes(DTC_TEMPLATE_HASH)) {
    return refuse('template_needs_hash', { placeholder: DTC_TEMPLATE_HASH });
  }
  if (!WEB_ADDRESS.test(fillDtcTemplate(template, 'basket', 'hash'))) {
    return refuse('template_not_web_address');
  }
  return { ok: true, template };
}

function fillDtcTemplate(template: string, basket: string, hash: string): string {
  return template.replaceAll(DTC_TEMPLATE_BASKET, basket).replaceAll(DTC_TEMPLATE_HASH, hash);
}

/**
 * The address a customer is sent: the brand's template filled in, or the hub's own
 * checkout page at its public address. `basket` is the link's id (public: it names the
 * basket); `hash` is the link's token (the secret), both already URL-safe.
 */
export function dtcLinkAddress(
  template: string | null,
  publicOrigin: string,
  basket: Id,
  hash: string,
): string {
  if (template) return fillDtcTemplate(template, basket, hash);
  return `${publicOrigin.replace(/\/+$/, '')}${DTC_CHECKOUT_PATH_PREFIX}${basket}/${hash}`;
}

/**
 * A checkout link's state as the selection lists it. `acceptedByHub`: whether the hub
 * has the link (a desktop knows it once the mutation that made it is acknowledged).
 */
export function dtcLinkState(link: {
  readonly acceptedByHub: boolean;
  readonly claimCount: number;
  readonly purchasedAt: string | null;
  readonly killedAt: string | null;
}): DtcLinkState {
  if (link.purchasedAt !== null) return 'purchased';
  if (link.killedAt !== null) return 'dead';
  if (!link.acceptedByHub) return 'waitingToSync';
  return link.claimCount > 0 ? 'claimed' : 'live';
}
