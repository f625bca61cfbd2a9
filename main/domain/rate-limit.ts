/**
 * The hub's limits on what strangers can try, in one place. Every limit counts events
 * in a sliding window: at most `max` in `windowMs`; the answer to a refused attempt
 * says how long until the oldest event in the window stops counting.
 */
export interface FailureLimit {
  max: number;
  windowMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Password (and later passcode) attempts. Each is reserved before the hash is
 * computed, so concurrent guesses cannot pass a check together.
 *
 * - `accountAtAddress`: guesses at one account from one address. Keyed on both, so a
 *   stranger guessing elsewhere never slows the owner down at their own address.
 * - `address`: every attempt from one address, whatever the account (a sweep of many
 *   accounts, or random emails to make the hub hash).
 * - `consecutiveFailures`: failures on an account since it last signed in, from every
 *   address together. Reaching it locks the account until an admin unlocks it, and
 *   the admins are told: a slow, spread-out guesser gets this many tries in all.
 */
export const PASSWORD_LIMITS = {
  accountAtAddress: { max: 10, windowMs: 15 * MINUTE },
  address: { max: 50, windowMs: 15 * MINUTE },
  consecutiveFailures: 50,
} as const;

/**
 * Secrets the brand sets for logging in to a customer order link (an offline buyer's
 * email and password, a buyer's unique code and passcode) and a link's passcode. Each
 * attempt is reserved like a password attempt (per credential at the address, per
 * address, with PASSWORD_LIMITS), and also:
 *
 * - `perLink`: attempts through one link, from every address and by every method.
 * - `lifetimeFailures`: failures of one credential or one link's passcode ever, never
 *   reset by a right one: reaching it locks it until an admin unlocks it (which starts
 *   the count again), and the admins are told. A passcode is shared or handed over by
 *   the brand rather than chosen by a person, so its guesses are capped in all, not
 *   only in a row.
 */
export const CREDENTIAL_LIMITS = {
  perLink: { max: 50, windowMs: 15 * MINUTE },
  lifetimeFailures: 100,
} as const;

/**
 * What the hub guards against guessing (login_guards, by kind and what is typed): staff
 * and buyer accounts, an offline buyer's email, a buyer's code, a link's passcode.
 */
export const GUARDED_KINDS = ['staff', 'buyer', 'offline_buyer', 'buyer_code', 'link'] as const;
export type GuardedKind = (typeof GUARDED_KINDS)[number];

/**
 * An account a person chose a password for locks at failures in a row
 * (PASSWORD_LIMITS.consecutiveFailures); a credential the brand set, or a link's
 * passcode, at failures ever (CREDENTIAL_LIMITS.lifetimeFailures).
 */
export function guardPolicy(kind: GuardedKind): 'account' | 'credential' {
  return kind === 'staff' || kind === 'buyer' ? 'account' : 'credential';
}

export interface FailureCounts {
  /** Since the last right attempt. */
  consecutive: number;
  /** Since the guard began or was last unlocked; never reset by a right attempt. */
  lifetime: number;
}

/** The failures that count towards a guard's lock, by its policy. */
export function countedFailures(kind: GuardedKind, counts: FailureCounts): number {
  return guardPolicy(kind) === 'account' ? counts.consecutive : counts.lifetime;
}

/** Failures that lock a guard of this kind. */
export function failureCap(kind: GuardedKind): number {
  return guardPolicy(kind) === 'account'
    ? PASSWORD_LIMITS.consecutiveFailures
    : CREDENTIAL_LIMITS.lifetimeFailures;
}

/** Whether these failures lock what the guard guards. */
export function lockedByFailures(kind: GuardedKind, counts: FailureCounts): boolean {
  return countedFailures(kind, counts) >= failureCap(kind);
}

/**
 * Unknown 256-bit tokens (share links, device credentials) tried from one address.
 * Only unknown tokens count, and a known token is never refused because of them:
 * nobody guesses 256 bits, so the limit only keeps a noisy client from costing lookups.
 */
export const TOKEN_GUESS_LIMIT: FailureLimit = { max: 30, windowMs: 15 * MINUTE };

/**
 * Claims of DTC checkout links from one address, every claim counted before any work:
 * a claim makes a copy of a basket, and a person opens a link a few times at most.
 */
export const DTC_CLAIM_LIMIT: FailureLimit = { max: 30, windowMs: 15 * MINUTE };

/**
 * Passwords set through invitation links, per address: reserved before the password is
 * hashed, so a flood of attempts cannot make the hub hash more than this.
 */
export const INVITATION_ACCEPT_LIMIT: FailureLimit = { max: 10, windowMs: 15 * MINUTE };

/** Orders a link holder may place: per link, and per address over every link. */
export const LINK_ORDER_LIMITS = {
  perLink: { max: 10, windowMs: HOUR },
  perAddress: { max: 30, windowMs: HOUR },
} as const satisfies Record<string, FailureLimit>;

/**
 * Orders through a customer order link: per buyer (a link serves many buyers, each
 * ordering for itself) and per address over every link.
 */
export const CUSTOMER_LINK_ORDER_LIMITS = {
  perBuyer: { max: 20, windowMs: HOUR },
  perAddress: { max: 30, windowMs: HOUR },
} as const satisfies Record<string, FailureLimit>;

/**
 * Password hashes (Argon2id, 19 MiB each) computed at once by one hub process, overall
 * and for one address. Beyond these an attempt is refused at once rather than queued:
 * hashing runs on the same thread pool as file reads, so a flood of queued hashes
 * would stall every page the hub serves.
 */
export const HASHING_IN_FLIGHT = { overall: 2, perAddress: 1 } as const;

/** The longest window of any limit: events older than this count for nothing. */
export const LONGEST_LIMIT_WINDOW_MS = Math.max(
  PASSWORD_LIMITS.accountAtAddress.windowMs,
  PASSWORD_LIMITS.address.windowMs,
  TOKEN_GUESS_LIMIT.windowMs,
  INVITATION_ACCEPT_LIMIT.windowMs,
  LINK_ORDER_LIMITS.perLink.windowMs,
  LINK_ORDER_LIMITS.perAddress.windowMs,
  CUSTOMER_LINK_ORDER_LIMITS.perBuyer.windowMs,
  CUSTOMER_LINK_ORDER_LIMITS.perAddress.windowMs,
  CREDENTIAL_LIMITS.perLink.windowMs,
  DTC_CLAIM_LIMIT.windowMs,
);

/**
 * How long until one more event fits under the limit, given the instants of the events
 * already in its window; 0 when it fits now.
 */
export function retryAfterMs(
  eventsInWindow: readonly Date[],
  limit: FailureLimit,
  now: Date,
): number {
  if (eventsInWindow.length < limit.max) return 0;
  const sorted = [...eventsInWindow].sort((a, b) => a.getTime() - b.getTime());
  const freeing = sorted[sorted.length - limit.max]!;
  return Math.max(1, freeing.getTime() + limit.windowMs - now.getTime());
}

/** Whole minutes to tell a person, never "0 minutes". */
export function minutesToWait(ms: number): number {
  return Math.max(1, Math.ceil(ms / MINUTE));
}
