import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  LINK_ADDRESS_PREFIX,
  LINK_PAGE_PATH,
  VIDEO_EMBED_HOSTS,
} from '../domain/customer-order-links.ts';

/**
 * The headers every hub response carries (docs/ARCHITECTURE.md, Security). Buyer pages open share
 * links whose tokens must not leak through a Referer, a search index, a cache, an
 * injected script or a framing page.
 *
 * Set by hand rather than with @fastify/helmet: helmet's hooks do not run for the
 * answers Fastify gives before routing (a malformed URL goes to `frameworkErrors`), and
 * those must carry the same headers; one function serves both paths. Helmet's defaults
 * would also add `upgrade-insecure-requests`, which breaks a hub served over plain HTTP
 * on the local network, and HSTS, which belongs to whoever terminates TLS in front of a
 * standalone hub.
 *
 * Stripe Credit Card Payment needs nothing from Stripe here: it uses Stripe Checkout
 * (main/hub/payments/stripe.ts), a whole-page move to Stripe's own payment page once the
 * hub answers the session's address, so no page of the hub loads a Stripe script, frame
 * or connection, and none is allowed. The move is made by script (a navigation, which the
 * policy does not govern): a form posted to the hub and redirected to Stripe would need
 * Stripe's origin in `form-action`. `payment=()` stays: the card is never asked here.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
];
export const CONTENT_SECURITY_POLICY = POLICY.join('; ');

/**
 * A customer order link's pages also frame the video players a link may embed
 * (VIDEO_EMBED_HOSTS), and play uploaded videos; no other page frames anything.
 */
const LINK_PAGE_POLICY = [
  ...POLICY,
  `frame-src ${VIDEO_EMBED_HOSTS.map((embed) => `https://${embed.host}`).join(' ')}`,
  "media-src 'self' blob:",
].join('; ');

/** The policy of the answer at a path: the link pages' where a customer order link opens. */
export function contentSecurityPolicyFor(path: string): string {
  return path === LINK_PAGE_PATH || path.startsWith(LINK_ADDRESS_PREFIX)
    ? LINK_PAGE_POLICY
    : CONTENT_SECURITY_POLICY;
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Paths whose content is named by its hash, so they may be cached for good. */
export function isImmutableAsset(path: string): boolean {
  return /^\/assets\/[\w.-]+-[\w-]{8,}\.(?:js|css|svg|png|jpe?g|webp|woff2)$/.test(path);
}

export function cacheControlFor(path: string, status: number): string {
  return status === 200 && isImmutableAsset(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-store';
}

/** Sets every security header and the cache policy on a reply that is about to be sent. */
export function setSecurityHeaders(reply: FastifyReply, path: string): void {
  reply.headers(SECURITY_HEADERS);
  reply.header('content-security-policy', contentSecurityPolicyFor(path));
  reply.header('cache-control', cacheControlFor(path, reply.statusCode));
}

export function registerSecurityHeaders(app: FastifyInstance): void {
  // onSend has the last word, whatever a route or the static plugin set: nothing but
  // hashed assets is stored anywhere, since pages and API answers may concern a token.
  app.addHook('onSend', async (request, reply, payload) => {
    setSecurityHeaders(reply, request.url.split('?', 1)[0] ?? '');
    return payload;
  });
}
