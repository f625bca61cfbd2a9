import type { BuyerKind } from './model.ts';
import { BUYER_PASSWORD, passwordLengthProblem } from './buyer-invitations.ts';
import { CHECKOUT_CONTACT, EMAIL_PATTERN } from './checkout-contact.ts';
import type { Refusal } from './refusal.ts';

/**
 * The credentials the brand sets for a buyer to log in to a customer order link with,
 * besides the buyer's own people (buyer-invitations.ts):
 *
 * - "Login with Offline Buyer": an email and password the brand sets for an offline
 *   buyer (one the brand manages; a customer-owned buyer's people have their own
 *   accounts). The email is unique among offline buyers' credentials, whatever its case.
 * - "Login with Brand-Specific Credentials": a unique code and a passcode the brand sets
 *   for any buyer, mainly so the brand operates the cart on the buyer's behalf. The code
 *   is unique within the brand, whatever its case.
 *
 * The hub keeps them (Argon2id hashes only) and checks them; these are their rules, for
 * the hub, the desktop and its forms alike.
 */

export type CredentialField = 'email' | 'password' | 'code' | 'passcode';

/** The offline buyer's email: the longest address mail servers carry, as at checkout. */
export const OFFLINE_LOG_IN_EMAIL = { maxLength: CHECKOUT_CONTACT.email.max } as const;

/** The offline buyer's password: the rule every buyer password follows. */
export const OFFLINE_LOG_IN_PASSWORD = BUYER_PASSWORD;

/**
 * A buyer's unique code: letters A–Z and digits, optionally in groups joined by single
 * hyphens ("SHOP-0042"). Read aloud or typed on a phone, so no other characters; case
 * does not matter (stored and compared upper-case).
 */
export const BUYER_CODE = { minLength: 4, maxLength: 32 } as const;
const CODE_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/**
 * A passcode: the secret beside a code (and a link's passcode). Shorter than a password
 * may be, since every guess is limited and a lifetime cap locks it (rate-limit.ts); long
 * enough that the cap is never reached by luck. Case and spaces count as typed.
 */
export const PASSCODE = { minLength: 8, maxLength: 128 } as const;

export const CREDENTIAL_PROBLEMS = [
  'credential_not_offline',
  'credential_email_invalid',
  'credential_email_too_long',
  'credential_email_taken',
  'credential_password_required',
  'credential_password_too_short',
  'credential_password_too_long',
  'credential_code_invalid',
  'credential_code_too_short',
  'credential_code_too_long',
  'credential_code_taken',
  'credential_passcode_required',
  'credential_passcode_too_short',
  'credential_passcode_too_long',
] as const;
export type CredentialProblemCode = (typeof CREDENTIAL_PROBLEMS)[number];

/** A problem with the field it concerns, so a form can say it there. */
export interface CredentialProblem extends Refusal<CredentialProblemCode> {
  readonly field: CredentialField;
}

/**
 * How a log-in with these credentials is refused, the same whether or not the email,
 * code or link exists: the secret (or what names it) was wrong, or it is locked after
 * its lifetime cap of failures until an admin unlocks it.
 */
export const CREDENTIAL_LOG_IN_REFUSALS = ['wrong_credentials', 'credential_locked'] as const;
export type CredentialLogInRefusal = (typeof CREDENTIAL_LOG_IN_REFUSALS)[number];

function problem(
  field: CredentialField,
  code: CredentialProblemCode,
  params: Refusal['params'] = {},
): CredentialProblem {
  return { field, code, params };
}

/** An email as stored and compared: without surrounding spaces, lower-case. */
export function normalisedEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A code as stored and compared: without surrounding spaces, upper-case. */
export function normalisedCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Counted in characters as a person counts them, not UTF-16 units. */
const length = (text: string) => [...text].length;

/**
 * What is wrong with a secret. `required` when none is set yet: an empty one then is
 * missing; when one is set, empty keeps it.
 */
function secretProblems(
  field: 'password' | 'passcode',
  secret: string | undefined,
  required: boolean,
): CredentialProblem[] {
  if (secret === undefined || secret === '') {
    return required ? [problem(field, `credential_${field}_required`)] : [];
  }
  if (field === 'password') {
    const wrong = passwordLengthProblem(secret);
    if (wrong === 'too_short') {
      return [
        problem(field, 'credential_password_too_short', {
          min: OFFLINE_LOG_IN_PASSWORD.minLength,
        }),
      ];
    }
    if (wrong === 'too_long') {
      return [
        problem(field, 'credential_password_too_long', { max: OFFLINE_LOG_IN_PASSWORD.maxLength }),
      ];
    }
    return [];
  }
  return passcodeProblems(secret);
}

/** What is wrong with a passcode's length; also for a link's passcode. */
export function passcodeProblems(passcode: string): CredentialProblem[] {
  if (length(passcode) < PASSCODE.minLength) {
    return [problem('passcode', 'credential_passcode_too_short', { min: PASSCODE.minLength })];
  }
  if (length(passcode) > PASSCODE.maxLength) {
    return [problem('passcode', 'credential_passcode_too_long', { max: PASSCODE.maxLength })];
  }
  return [];
}

export interface OfflineLogInDraft {
  /** The buyer it is for: only an offline buyer has one. */
  buyerKind: BuyerKind;
  email: string;
  /** Empty or absent keeps the password already set. */
  password?: string | undefined;
  /** Whether the buyer already has a password set. */
  passwordSet: boolean;
}

/** Everything wrong with an offline buyer's email and password, each at its field. */
export function offlineLogInProblems(draft: OfflineLogInDraft): CredentialProblem[] {
  const problems: CredentialProblem[] = [];
  if (draft.buyerKind !== 'offline') problems.push(problem('email', 'credential_not_offline'));
  const email = normalisedEmail(draft.email);
  if (length(email) > OFFLINE_LOG_IN_EMAIL.maxLength) {
    problems.push(
      problem('email', 'credential_email_too_long', { max: OFFLINE_LOG_IN_EMAIL.maxLength }),
    );
  } else if (!EMAIL_PATTERN.test(email)) {
    problems.push(problem('email', 'credential_email_invalid'));
  }
  problems.push(...secretProblems('password', draft.password, !draft.passwordSet));
  return problems;
}

export interface BrandCodeDraft {
  code: string;
  /** Empty or absent keeps the passcode already set. */
  passcode?: string | undefined;
  /** Whether the buyer already has a passcode set. */
  passcodeSet: boolean;
}

/** Everything wrong with a buyer's unique code and passcode, each at its field. */
export function brandCodeProblems(draft: BrandCodeDraft): CredentialProblem[] {
  const problems: CredentialProblem[] = [];
  const code = normalisedCode(draft.code);
  if (length(code) < BUYER_CODE.minLength) {
    problems.push(problem('code', 'credential_code_too_short', { min: BUYER_CODE.minLength }));
  } else if (length(code) > BUYER_CODE.maxLength) {
    problems.push(problem('code', 'credential_code_too_long', { max: BUYER_CODE.maxLength }));
  } else if (!CODE_PATTERN.test(code)) {
    problems.push(problem('code', 'credential_code_invalid'));
  }
  problems.push(...secretProblems('passcode', draft.passcode, !draft.passcodeSet));
  return problems;
}

/** Another buyer already logs in with this email or code: said at its field. */
export function takenProblem(field: 'email' | 'code'): CredentialProblem {
  return field === 'email'
    ? problem('email', 'credential_email_taken')
    : problem('code', 'credential_code_taken');
}
