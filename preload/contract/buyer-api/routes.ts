import type { HubErrorCode } from '../hub-errors.ts';
import { customerLinkRoutes } from './customer-link-routes.ts';
import { dtcRoutes } from './dtc-routes.ts';

/**
 * Where each operation of the hub's buyer-facing API answers, who may call it and how it
 * answers. Half of the buyer API's contract: the other half, each operation's input and
 * output as zod schemas, is in schemas.ts, and index.ts joins the two.
 *
 * Kept apart because the buyer pages load this half to build their requests, and a zod
 * schema loaded by a page would bring zod into its bundle (about 20 KB compressed on a
 * phone's first screen). So this file imports nothing at run time, and the pages import
 * the schemas for their types only.
 */
export interface BuyerRoute {
  readonly method: 'GET' | 'POST';
  /** Fastify's form: `:name` takes an input field of that name from the address. */
  readonly path: string;
  /**
   * - anyone: no one in particular (sign-in, health);
   * - linkHolder: whoever holds a share link, by its token in the input's `token` field;
   *   every link that does not open is refused with `link_expired`;
   * - buyer: a buyer logged in with the session cookie, else `unauthorized`.
   * - customerLink: whoever visits a customer order link, by its token in `token`, with
   *   what their visit's cookie says they passed (customer-link-routes.ts).
   */
  readonly caller: 'anyone' | 'linkHolder' | 'buyer' | 'customerLink';
  /**
   * Input fields sent as headers, by header name. A share token travels in a header or a
   * body, never in an address, where logs and Referers would carry it.
   */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * - json: the output as JSON;
   * - created: the same, 201 when the call made something and 200 when it repeated an
   *   earlier call (a retried checkout);
   * - prepared: JSON the hub prepared and compressed before the request came;
   * - picture: an image's bytes, with its own content type;
   * - none: 204, no body.
   */
  readonly answer: 'json' | 'created' | 'prepared' | 'picture' | 'none';
  /** Whether a call starts the buyer's session cookie or ends it. */
  readonly session?: 'starts' | 'ends';
  /** Which cookie `session` means: the buyer's session (by default) or a link's visit. */
  readonly cookie?: 'buyer' | 'link';
  /** The refusals this operation gives, besides COMMON_REFUSALS, with their status. */
  readonly refusals: Readonly<Partial<Record<HubErrorCode, number>>>;
  readonly summary: string;
  /** Its group in the OpenAPI document. */
  readonly tag: 'hub' | 'share links' | 'buyers' | 'customer order links' | 'dtc checkout links';
}

/** What any operation may answer: input it cannot read, a hub too busy or failing. */
export const COMMON_REFUSALS = {
  invalid_json: 400,
  invalid_input: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
  unavailable: 503,
} as const satisfies Partial<Record<HubErrorCode, number>>;

/** Guessing tokens from one address is limited; a live link is never refused for it. */
const LINK_REFUSALS = { link_expired: 404, rate_limited: 429 } as const;
const BUYER_REFUSALS = { unauthorized: 401 } as const;

export const buyerRoutes = {
  'hub.health': {
    method: 'GET',
    path: '/api/health',
    caller: 'anyone',
    answer: 'json',
    refusals: {},
    summary: 'Whether the hub is up, and what it runs',
    tag: 'hub',
  },
  'shareLink.open': {
    method: 'POST',
    path: '/api/share/open',
    caller: 'linkHolder',
    answer: 'prepared',
    refusals: LINK_REFUSALS,
    summary: 'The selection a share link opens; counts the open',
    tag: 'share links',
  },
  'shareLink.checkout': {
    method: 'POST',
    path: '/api/share/checkout',
    caller: 'linkHolder',
    answer: 'created',
    refusals: {
      ...LINK_REFUSALS,
      forbidden: 403,
      conflict: 409,
      deadline_passed: 409,
      insufficient_stock: 409,
    },
    summary: 'Request Checkout for a shared selection, or, with prepayment checkout, complete it',
    tag: 'share links',
  },
  'shareLink.shippingOptions': {
    method: 'POST',
    path: '/api/share/shipping-options',
    caller: 'linkHolder',
    answer: 'json',
    refusals: LINK_REFUSALS,
    summary:
      "Whether shipping applies to a shared selection's order, and the rates to a country in its currency",
    tag: 'share links',
  },
  'shareLink.picture': {
    method: 'GET',
    path: '/api/share/pictures/:id',
    caller: 'linkHolder',
    headers: { token: 'x-share-token' },
    answer: 'picture',
    refusals: { ...LINK_REFUSALS, not_found: 404 },
    summary: "A picture of a shared selection's styles; the token goes in x-share-token",
    tag: 'share links',
  },
  'buyer.signIn': {
    method: 'POST',
    path: '/api/buyer/sign-in',
    caller: 'anyone',
    answer: 'json',
    session: 'starts',
    refusals: { unauthorized: 401, rate_limited: 429, account_locked: 403 },
    summary: 'A buyer logs in to the buyer pages',
    tag: 'buyers',
  },
  'buyer.signOut': {
    method: 'POST',
    path: '/api/buyer/sign-out',
    caller: 'anyone',
    answer: 'none',
    session: 'ends',
    refusals: {},
    summary: 'A buyer logs out; the session ends at the hub too',
    tag: 'buyers',
  },
  'buyer.demoAccounts': {
    method: 'GET',
    path: '/api/buyer/demo-accounts',
    caller: 'anyone',
    answer: 'json',
    refusals: {},
    summary: "The demo brand's buyer logins, listed on its login page; null on a real hub",
    tag: 'buyers',
  },
  'buyer.selections': {
    method: 'GET',
    path: '/api/buyer/selections',
    caller: 'buyer',
    answer: 'json',
    refusals: BUYER_REFUSALS,
    summary: "The selections of the logged-in buyer's stores, newest first",
    tag: 'buyers',
  },
  'buyer.selection': {
    method: 'GET',
    path: '/api/buyer/selections/:id',
    caller: 'buyer',
    answer: 'json',
    refusals: { ...BUYER_REFUSALS, not_found: 404 },
    summary: "A selection of the logged-in buyer's stores, at its ordinary address",
    tag: 'buyers',
  },
  'buyer.picture': {
    method: 'GET',
    path: '/api/buyer/pictures/:id',
    caller: 'buyer',
    answer: 'picture',
    refusals: { ...BUYER_REFUSALS, not_found: 404 },
    summary: "A picture of a style in a selection of the logged-in buyer's stores",
    tag: 'buyers',
  },
  'buyer.invitation': {
    method: 'POST',
    path: '/api/buyer/invitation',
    caller: 'anyone',
    answer: 'json',
    refusals: { link_expired: 404, rate_limited: 429 },
    summary:
      "Who invited the person to which buyer, from the invitation link's token (in the body); consumes nothing",
    tag: 'buyers',
  },
  'buyer.acceptInvitation': {
    method: 'POST',
    path: '/api/buyer/invitation/accept',
    caller: 'anyone',
    answer: 'json',
    session: 'starts',
    refusals: { link_expired: 404, rate_limited: 429 },
    summary: 'Set a password with an invitation link, once, and log in',
    tag: 'buyers',
  },
  ...customerLinkRoutes,
  ...dtcRoutes,
} as const satisfies Record<string, BuyerRoute>;

export type BuyerRoutes = typeof buyerRoutes;
export type BuyerOperationName = keyof BuyerRoutes;

/** The names `:name` in a path stands for. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
}
