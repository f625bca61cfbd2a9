import type { BuyerRoute } from './routes.ts';

/**
 * The buyer API of customer order links (customer-order-links.txt): a visitor holding a
 * link's token opens it, passes its passcode, logs in one of three ways, picks a buyer,
 * then browses the link's catalogs under that buyer's trading terms. The token travels
 * in the body, or in `x-link-token` for a picture; the visit in its own cookie. Like
 * routes.ts, this imports nothing at run time: the buyer pages load it.
 */

/** Every link that does not open answers alike; guessing tokens from one address is limited. */
const LINK_REFUSALS = { link_expired: 404, rate_limited: 429 } as const;
/** Asked of a visit not yet through the passcode and log-in (the page shows them again). */
const VISIT_REFUSALS = { ...LINK_REFUSALS, unauthorized: 401 } as const;
const tag = 'customer order links';

export const customerLinkRoutes = {
  'customerLink.open': {
    method: 'POST',
    path: '/api/link/open',
    caller: 'customerLink',
    answer: 'json',
    refusals: LINK_REFUSALS,
    summary:
      'What a customer order link shows this visitor now: when it opens, expired, its passcode, the log-in, the buyers to choose from, or its catalogs; consumes nothing',
    tag,
  },
  'customerLink.passcode': {
    method: 'POST',
    path: '/api/link/passcode',
    caller: 'customerLink',
    answer: 'json',
    session: 'starts',
    cookie: 'link',
    refusals: {
      ...LINK_REFUSALS,
      wrong_credentials: 401,
      credential_locked: 403,
      unavailable: 503,
    },
    summary: "Pass a customer order link's passcode",
    tag,
  },
  'customerLink.logIn': {
    method: 'POST',
    path: '/api/link/log-in',
    caller: 'customerLink',
    answer: 'json',
    session: 'starts',
    cookie: 'link',
    refusals: {
      ...LINK_REFUSALS,
      unauthorized: 401,
      wrong_credentials: 401,
      account_locked: 403,
      credential_locked: 403,
    },
    summary:
      'Log in to a customer order link with a user account, an offline buyer or brand-specific credentials',
    tag,
  },
  'customerLink.redeemTicket': {
    method: 'POST',
    path: '/api/link/ticket',
    caller: 'customerLink',
    answer: 'json',
    session: 'starts',
    cookie: 'link',
    refusals: { ...LINK_REFUSALS, ticket_invalid: 401 },
    summary:
      "Trade a staff member's one-time sign-in ticket for a visit logged in as the buyer, on the brand's behalf",
    tag,
  },
  'customerLink.chooseBuyer': {
    method: 'POST',
    path: '/api/link/buyer',
    caller: 'customerLink',
    answer: 'json',
    refusals: { ...VISIT_REFUSALS, not_found: 404 },
    summary: 'Choose which of the person’s buyers orders through the link',
    tag,
  },
  'customerLink.logOut': {
    method: 'POST',
    path: '/api/link/log-out',
    caller: 'customerLink',
    answer: 'none',
    session: 'ends',
    cookie: 'link',
    refusals: LINK_REFUSALS,
    summary: 'End the visit of a customer order link',
    tag,
  },
  'customerLink.styles': {
    method: 'POST',
    path: '/api/link/styles',
    caller: 'customerLink',
    answer: 'json',
    refusals: VISIT_REFUSALS,
    summary:
      "A page of the styles of the link's open catalogs, searched, at the logged-in buyer's prices",
    tag,
  },
  'customerLink.style': {
    method: 'POST',
    path: '/api/link/style',
    caller: 'customerLink',
    answer: 'json',
    refusals: { ...VISIT_REFUSALS, not_found: 404 },
    summary: "A style of the link's catalogs: colours, sizes, the buyer's prices, availability",
    tag,
  },
  'customerLink.shippingOptions': {
    method: 'POST',
    path: '/api/link/shipping-options',
    caller: 'customerLink',
    answer: 'json',
    refusals: VISIT_REFUSALS,
    summary:
      "Whether shipping applies to a cart of the link, and its rates to a country in the buyer's currency: the link's rate groups, else its catalogs'",
    tag,
  },
  'customerLink.checkout': {
    method: 'POST',
    path: '/api/link/checkout',
    caller: 'customerLink',
    answer: 'created',
    refusals: {
      ...VISIT_REFUSALS,
      forbidden: 403,
      conflict: 409,
      deadline_passed: 409,
      insufficient_stock: 409,
    },
    summary:
      "Order the cart at the logged-in buyer's terms; a view-only link takes no order, a retry with the same order id places nothing twice",
    tag,
  },
  'customerLink.picture': {
    method: 'GET',
    path: '/api/link/pictures/:id',
    caller: 'customerLink',
    headers: { token: 'x-link-token' },
    answer: 'picture',
    refusals: { ...VISIT_REFUSALS, not_found: 404 },
    summary:
      "A picture of the link: its background before the log-in, its styles' and lookbooks' after; the token goes in x-link-token",
    tag,
  },
} as const satisfies Record<string, BuyerRoute>;
