/**
 * The rules of the hub's mail, in one place: why a send failed (as codes the showroom
 * translates), how long to wait before trying again, and the limits of what is sent.
 * Pure: the sender (main/hub/mail/) applies them, the contract and the UI read them.
 */

/**
 * Why a mail (or a test mail) did not go out.
 * - smtp_not_configured: no SMTP server is set in Settings yet.
 * - smtp_auth_failed: the server refused the user name or password.
 * - smtp_unreachable: no connection (down, wrong host or port, DNS, timeout).
 * - smtp_tls_failed: the TLS handshake or STARTTLS upgrade failed (often the wrong security).
 * - smtp_rejected: the server answered but refused the sender, a recipient or the message.
 * - smtp_failed: anything else the server or the library reported.
 * - attachment_failed: an attachment drawn at send time (an order's confirmation) could
 *   not be made; the mail waits and is tried again like any other failure.
 */
export const MAIL_ERROR_CODES = [
  'smtp_not_configured',
  'smtp_auth_failed',
  'smtp_unreachable',
  'smtp_tls_failed',
  'smtp_rejected',
  'smtp_failed',
  'attachment_failed',
] as const;
export type MailErrorCode = (typeof MAIL_ERROR_CODES)[number];

export const SMTP_SECURITIES = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof SMTP_SECURITIES)[number];

/** Field limits of the SMTP settings form (RFC 5321 caps an address at 254 characters). */
export const SMTP_LIMITS = {
  hostMaxLength: 253,
  userMaxLength: 320,
  passwordMaxLength: 1024,
  addressMaxLength: 254,
} as const;

export interface RetryPolicy {
  /** The wait after the first failure; each further failure doubles it. */
  baseMs: number;
  /** No wait is longer than this, however many failures came before. */
  capMs: number;
  /**
   * After this many attempts a mail is marked failed and left for a person (it stays in
   * the outbox and the order's history); only a permanent rejection stops sooner.
   */
  maxAttempts: number;
}

/**
 * 1 min, 2, 4, … capped at an hour: a server down for a night is retried hourly, and 40
 * attempts cover well over a day of outage before a person has to look.
 */
export const DEFAULT_RETRY: RetryPolicy = { baseMs: 60_000, capMs: 60 * 60_000, maxAttempts: 40 };

/**
 * How long to wait before attempt `attempts + 1`, after `attempts` failures: exponential,
 * capped, with "equal jitter" (half fixed, half random) so that many mails failing at once,
 * or several hubs, do not all come back at the same instant. `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, policy: RetryPolicy, random: number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/**
 * A claim older than this belongs to a sender that died mid-send: another sender may take
 * the mail again, the one case where a mail may go out twice. A sender claims one mail at
 * a time, just before sending it, so a live claim is never older than one send, which the
 * SMTP timeouts below end well within this.
 */
export const STALE_CLAIM_MS = 5 * 60_000;

/** Nodemailer's waits: a dead server is given up on in seconds, a slow one in a minute. */
export const SMTP_TIMEOUTS_MS = { connection: 10_000, greeting: 10_000, socket: 60_000 } as const;

/**
 * The longest a sender sleeps without looking at the outbox: mails another hub instance
 * enqueued reach this one's sender by this poll.
 */
export const MAIL_POLL_MS = 30_000;

/**
 * How often, at most, a sender looks at the outbox because the hub's data changed. Every
 * write on every instance is such a change (a push, an opened link), and a look is a
 * few queries: under a show's load, unthrottled, the senders' looks ran back to back. A
 * mail waits this much longer at worst.
 */
export const MAIL_LOOK_GAP_MS = 250;

const KNOWN_CODES: ReadonlySet<string> = new Set(MAIL_ERROR_CODES);

/** Whether a code read back from the store is one this release knows (a newer one may not be). */
export function isMailErrorCode(code: string | null): code is MailErrorCode {
  return code !== null && KNOWN_CODES.has(code);
}
