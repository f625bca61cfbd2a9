import type { BuyerRoute } from './routes.ts';

/**
 * The buyer API of DTC checkout links (dtc-shareable-order-link.txt): what a customer,
 * through the hub's own page `/dtc/<basket>/<hash>` or a brand's storefront, uses to claim
 * the link's basket and buy it. The link's two values (`basket`, the link's id, and
 * `hash`, its secret) travel in the body of the claim only; the claim answers a claim
 * token, the customer's own copy, which every later call carries in its body. Opening
 * the page (a GET) claims nothing: mail scanners and chat previews fetch every link.
 * Like routes.ts, this imports nothing at run time: the buyer pages load it.
 */

const tag = 'dtc checkout links';
/** A link or claim that is not valid (tampered, truncated, another brand's) answers alike. */
const NOT_VALID = { link_expired: 404, rate_limited: 429 } as const;
/** What the domain refuses a basket for (main/domain/dtc-checkout.ts), with its params. */
const BASKET_REFUSALS = {
  dtc_basket_empty: 409,
  dtc_sku_repeated: 400,
  dtc_sku_not_in_basket: 409,
  dtc_quantity_invalid: 400,
  dtc_quantity_above_saved: 409,
  dtc_no_retail_price: 409,
  dtc_country_not_in_market: 409,
  dtc_no_shipping_to_country: 409,
  dtc_shipping_rate_unknown: 409,
  dtc_basket_too_large: 409,
} as const;

export const dtcRoutes = {
  'dtc.claim': {
    method: 'POST',
    path: '/api/dtc/claim',
    caller: 'anyone',
    answer: 'json',
    refusals: NOT_VALID,
    summary:
      "Claim a DTC checkout link's basket: before the link's first purchase, the customer's own copy of it and the claim token that names it (counted as a claim); after it, or once the brand killed the link, `used` and an empty basket",
    tag,
  },
  'dtc.basket': {
    method: 'POST',
    path: '/api/dtc/basket',
    caller: 'anyone',
    answer: 'json',
    refusals: NOT_VALID,
    summary: 'The claimed basket again, by its claim token: its lines, prices and options',
    tag,
  },
  'dtc.quote': {
    method: 'POST',
    path: '/api/dtc/quote',
    caller: 'anyone',
    answer: 'json',
    refusals: NOT_VALID,
    summary:
      "Price the claimed basket as the customer wants it, for a country: lines, tax, the brand's shipping rates there, totals, and every problem that would stop its purchase",
    tag,
  },
  'dtc.purchase': {
    method: 'POST',
    path: '/api/dtc/purchase',
    caller: 'anyone',
    answer: 'created',
    refusals: {
      ...NOT_VALID,
      ...BASKET_REFUSALS,
      dtc_claim_purchased: 409,
      insufficient_stock: 409,
      payment_method_not_offered: 409,
      conflict: 409,
    },
    summary:
      "Buy the claimed basket: the order id the client made is the idempotency key (a retry gets the first answer); stock is checked, and the link's first purchase kills the link and deletes its selection",
    tag,
  },
} as const satisfies Record<string, BuyerRoute>;
