import type { Refusal } from './refusal.ts';

/**
 * The Stripe Credit Card Payment add-on's settings: the brand's own Stripe account, by
 * its secret API key and the signing secret of the webhook endpoint it set up for the
 * hub. Only the formats are judged here (Stripe alone knows whether a key is live); the
 * mode is the key's, so admins see whether buyers' cards are really charged.
 */

/** A standard secret key: `sk_test_…` or `sk_live_…` (Stripe's restricted keys also work there, but card checkout needs the full key). */
const SECRET_KEY = /^sk_(test|live)_[A-Za-z0-9]{8,240}$/;
/** A webhook endpoint's signing secret: `whsec_…`. */
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/=_]{8,240}$/;

export const STRIPE_KEY_MODES = ['test', 'live'] as const;
export type StripeKeyMode = (typeof STRIPE_KEY_MODES)[number];

export const STRIPE_SETTINGS_FIELDS = ['secretKey', 'webhookSecret'] as const;
export type StripeSettingsField = (typeof STRIPE_SETTINGS_FIELDS)[number];

export const STRIPE_SETTINGS_REFUSALS = [
  'stripe_secret_key_invalid',
  'stripe_webhook_secret_invalid',
  'stripe_key_required',
] as const;
export type StripeSettingsRefusal = (typeof STRIPE_SETTINGS_REFUSALS)[number];

/** The mode of a secret key of the right format; null for anything else. */
export function stripeKeyMode(secretKey: string): StripeKeyMode | null {
  const match = SECRET_KEY.exec(secretKey);
  return match ? (match[1] as StripeKeyMode) : null;
}

export interface StripeSettingsChange {
  readonly enabled: boolean;
  /** Omitted or empty: keep the one set. */
  readonly secretKey?: string | undefined;
  readonly webhookSecret?: string | undefined;
}

/**
 * What is wrong with a change, at its field: a key of the wrong format, or the add-on
 * switched on without both secrets (given now or set before). Empty when it may be saved.
 */
export function stripeSettingsProblems(
  change: StripeSettingsChange,
  saved: { readonly secretKeySet: boolean; readonly webhookSecretSet: boolean },
): Partial<Record<StripeSettingsField, Refusal<StripeSettingsRefusal>>> {
  const problems: Partial<Record<StripeSettingsField, Refusal<StripeSettingsRefusal>>> = {};
  const secretKey = change.secretKey ?? '';
  const webhookSecret = change.webhookSecret ?? '';
  if (secretKey !== '' && stripeKeyMode(secretKey) === null) {
    problems.secretKey = { code: 'stripe_secret_key_invalid', params: {} };
  } else if (change.enabled && secretKey === '' && !saved.secretKeySet) {
    problems.secretKey = { code: 'stripe_key_required', params: {} };
  }
  if (webhookSecret !== '' && !WEBHOOK_SECRET.test(webhookSecret)) {
    problems.webhookSecret = { code: 'stripe_webhook_secret_invalid', params: {} };
  } else if (change.enabled && webhookSecret === '' && !saved.webhookSecretSet) {
    problems.webhookSecret = { code: 'stripe_key_required', params: {} };
  }
  return problems;
}

/** Where Stripe sends the brand's events: the hub's webhook, at the brand's public address. */
export const STRIPE_WEBHOOK_PATH = '/api/payments/stripe/webhook';
