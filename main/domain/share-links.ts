/**
 * Rules of share links with anonymous buyers: the brand's setting, each link's expiry
 * (fixed when it is generated, never moved by a later change of the setting) and what
 * a link is at a given instant.
 */
export const DEFAULT_EXPIRY_DAYS = 14;
export const MIN_EXPIRY_DAYS = 1;
export const MAX_EXPIRY_DAYS = 366;

const DAY_MS = 24 * 60 * 60 * 1000;

export type ParsedExpiryDays = { ok: true; days: number } | { ok: false; reason: string };

/** "Share links expire in days" as an admin types it: a whole number from 1 to 366. */
export function parseExpiryDays(text: string): ParsedExpiryDays {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'Type how many days a link stays valid' };
  if (!/^\d+$/.test(trimmed)) {
    return { ok: false, reason: 'Type a whole number of days, from 1 to 366' };
  }
  const days = Number(trimmed);
  if (days < MIN_EXPIRY_DAYS) return { ok: false, reason: 'A link stays valid at least 1 day' };
  if (days > MAX_EXPIRY_DAYS) return { ok: false, reason: 'A link stays valid at most 366 days' };
  return { ok: true, days };
}

export function isValidExpiryDays(days: number): boolean {
  return Number.isInteger(days) && days >= MIN_EXPIRY_DAYS && days <= MAX_EXPIRY_DAYS;
}

/** When a link generated at an instant stops working: whole days of 24 hours later. */
export function expiryOf(generatedAt: Date, days: number): Date {
  if (!isValidExpiryDays(days)) throw new RangeError('A link expires in 1 to 366 days');
  return new Date(generatedAt.getTime() + days * DAY_MS);
}

export interface ShareLinkFacts {
  expiresAt: string;
  revokedAt: string | null;
}

/**
 * - live: opens the selection for anyone holding it;
 * - expired: its days have passed;
 * - revoked: a rep revoked it, or an admin terminated every link;
 * - disabled: the brand turned anonymous share links off (it works again, until its own
 *   expiry, when they are turned back on).
 */
export type ShareLinkStatus = 'live' | 'expired' | 'revoked' | 'disabled';

export function shareLinkStatus(
  link: ShareLinkFacts,
  now: Date,
  anonymousLinksEnabled: boolean,
): ShareLinkStatus {
  if (link.revokedAt !== null) return 'revoked';
  if (Date.parse(link.expiresAt) <= now.getTime()) return 'expired';
  return anonymousLinksEnabled ? 'live' : 'disabled';
}

/** What a visitor reads for any link that does not open: the same words for all of them. */
export const LINK_EXPIRED_MESSAGE =
  'Your access link has expired. Please log in to continue browsing or contact the brand for assistance.';
