import {
  BUYER_CODE,
  normalisedCode,
  normalisedEmail,
  OFFLINE_LOG_IN_EMAIL,
} from '../../domain/buyer-credentials.ts';
import { hubDb } from '../../store/database.ts';
import { anonymousAuditRow } from '../audit.ts';
import { HubRefusal } from '../errors.ts';
import { checkSecret, type PasswordCheckDependencies } from './password-attempts.ts';
import type { PasswordHasher } from './passwords.ts';

/**
 * The checks behind a customer order link's log-in (no HTTP here: the buyer API calls
 * them). Each goes through checkSecret: a slot in the hash gate, the attempt reserved
 * per credential at the address, per address and per link before anything is hashed,
 * a decoy hash when nothing is known by what was typed, and a lifetime cap of failures
 * that locks the credential or the link's passcode until an admin unlocks it.
 *
 * Refusals (HubRefusal, with the codes of CREDENTIAL_LOG_IN_REFUSALS for pages to word):
 * `wrong_credentials` (401) for a wrong secret or an unknown email or code alike;
 * `credential_locked` (403) for a locked one, known or not; `rate_limited` (429) and
 * `unavailable` (503) as for every password.
 */

export interface CredentialLogIn {
  /** The link the log-in comes through. */
  linkId: string;
  /** The visitor's address, the key of the per-address limits. */
  address: string;
  now: Date;
}

/** What names a guard is kept no longer than what could be stored, whatever was typed. */
const bounded = (identifier: string, max: number) => [...identifier].slice(0, max + 1).join('');

/**
 * "Login with Offline Buyer": the email and password the brand set for an offline
 * buyer. Answers the buyer's id. A buyer that is no longer offline (it became
 * customer-owned) does not log in this way any more; its people have accounts.
 */
export async function checkOfflineBuyerLogIn(
  deps: PasswordCheckDependencies,
  attempt: CredentialLogIn & { email: string; password: string },
): Promise<string> {
  const email = bounded(normalisedEmail(attempt.email), OFFLINE_LOG_IN_EMAIL.maxLength);
  const credential = await hubDb(deps.db)
    .selectFrom('buyer_credentials as c')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .select(['c.buyer_id', 'c.secret_hash'])
    .where('c.kind', '=', 'offline_email')
    .where('c.identifier', '=', email)
    .where('b.kind', '=', 'offline')
    .executeTakeFirst();
  const right = await checkSecret(deps, {
    kind: 'offline_buyer',
    identifier: email,
    secret: attempt.password,
    storedHash: credential?.secret_hash ?? null,
    address: attempt.address,
    now: attempt.now,
    linkId: attempt.linkId,
  });
  if (!credential || !right) {
    throw new HubRefusal(401, 'wrong_credentials', 'The email or password is not right.');
  }
  return credential.buyer_id;
}

/**
 * "Login with Brand-Specific Credentials": a buyer's unique code (any case) and
 * passcode. Answers the buyer's id; every such log-in is in API Logs (which buyer,
 * through which link, from which address), since it is how the brand acts for a buyer.
 */
export async function checkBrandCredentials(
  deps: PasswordCheckDependencies,
  attempt: CredentialLogIn & { code: string; passcode: string },
): Promise<string> {
  const code = bounded(normalisedCode(attempt.code), BUYER_CODE.maxLength);
  const credential = await hubDb(deps.db)
    .selectFrom('buyer_credentials')
    .select(['buyer_id', 'secret_hash'])
    .where('kind', '=', 'brand_code')
    .where('identifier', '=', code)
    .executeTakeFirst();
  const right = await checkSecret(deps, {
    kind: 'buyer_code',
    identifier: code,
    secret: attempt.passcode,
    storedHash: credential?.secret_hash ?? null,
    address: attempt.address,
    now: attempt.now,
    linkId: attempt.linkId,
  });
  if (!credential || !right) {
    throw new HubRefusal(401, 'wrong_credentials', 'The code or passcode is not right.');
  }
  await hubDb(deps.db)
    .insertInto('audit_log')
    .values(
      anonymousAuditRow({
        at: attempt.now.toISOString(),
        action: 'auth.brand_credentials_log_in',
        subject: `buyer:${credential.buyer_id}`,
        details: {
          buyerId: credential.buyer_id,
          code,
          linkId: attempt.linkId,
          address: attempt.address,
        },
      }),
    )
    .execute();
  return credential.buyer_id;
}

/**
 * A link's passcode, before anything of the link is shown. `storedHash` is the link's
 * (hashLinkPasscode); null when it has none set, which no passcode opens.
 */
export async function checkLinkPasscode(
  deps: PasswordCheckDependencies,
  attempt: CredentialLogIn & { passcode: string; storedHash: string | null },
): Promise<void> {
  const right = await checkSecret(deps, {
    kind: 'link',
    identifier: attempt.linkId,
    secret: attempt.passcode,
    storedHash: attempt.storedHash,
    address: attempt.address,
    now: attempt.now,
    linkId: attempt.linkId,
  });
  if (!right) throw new HubRefusal(401, 'wrong_credentials', 'The passcode is not right.');
}

/**
 * The Argon2id hash a link's passcode is stored as (never the passcode). Judge it first
 * with passcodeProblems (main/domain/buyer-credentials.ts).
 */
export function hashLinkPasscode(passwords: PasswordHasher, passcode: string): Promise<string> {
  return passwords.hash(passcode);
}
