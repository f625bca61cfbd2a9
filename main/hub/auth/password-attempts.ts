import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import {
  CREDENTIAL_LIMITS,
  failureCap,
  guardPolicy,
  lockedByFailures,
  minutesToWait,
  PASSWORD_LIMITS,
  type GuardedKind,
} from '../../domain/rate-limit.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { auditRow } from '../audit.ts';
import { HubRefusal } from '../errors.ts';
import type { HashSlots } from './hash-gate.ts';
import { release, reserve } from './limits.ts';
import type { PasswordHasher } from './passwords.ts';
import { inTransaction } from '../../store/transactions.ts';

/**
 * Every password or passcode check the hub makes (staff sign-in, buyer log-in, the
 * credentials brands set for customer order links, a link's passcode) goes through
 * here, in this order:
 *
 * 1. a slot in the hash gate, or a refusal at once when this address or the hub is
 *    already hashing as much as it may;
 * 2. in one transaction: refused if the guard is locked; otherwise the attempt is
 *    reserved against its limits (per account or credential at this address, per
 *    address, per link when it comes through one) and counted as a failure of the
 *    guard before anything is hashed, so no number of concurrent guesses gets more
 *    than the limits allow to the hash;
 * 3. the hash;
 * 4. a right secret takes the reservation back, clears the failures in a row and takes
 *    back its own count of failures ever; a wrong one leaves it counted, and the failure
 *    that reaches the cap (lockedByFailures: an account's in a row, a credential's or
 *    link's ever) locks the guard and tells the admins (API Logs, and the desktop's
 *    locked list).
 *
 * Guards are keyed by what is typed (an email, a code) known or not, so a lock says
 * nothing about whether an account or credential exists.
 */
export type GuardedAccountKind = Extract<GuardedKind, 'staff' | 'buyer'>;

export interface PasswordAttempt {
  kind: GuardedAccountKind;
  /** As typed, trimmed and lower-cased. */
  email: string;
  password: string;
  /** The account's stored hash, or null when there is no such account (a decoy is hashed). */
  storedHash: string | null;
  address: string;
  now: Date;
}

/** One attempt at any guarded secret. */
export interface SecretAttempt {
  kind: GuardedKind;
  /** What names the guard, as stored: an email lower-cased, a code upper-cased, a link's id. */
  identifier: string;
  secret: string;
  /** The stored hash, or null when nothing is known by that identifier (a decoy is hashed). */
  storedHash: string | null;
  address: string;
  now: Date;
  /** The link the attempt comes through, limited per link too. */
  linkId?: string;
}

export interface PasswordCheckDependencies {
  db: StoreDb;
  gate: HashSlots;
  passwords: PasswordHasher;
}

/** What the attempts are called in refusals: "Too many failed sign-ins." */
const NOUN: Record<GuardedKind, string> = {
  staff: 'sign-ins',
  buyer: 'log-ins',
  offline_buyer: 'log-ins',
  buyer_code: 'log-ins',
  link: 'log-ins',
};

/** The audit action of a lock: an account, a credential, a link's passcode. */
const LOCK_ACTION: Record<GuardedKind, string> = {
  staff: 'auth.account_locked',
  buyer: 'auth.account_locked',
  offline_buyer: 'auth.credential_locked',
  buyer_code: 'auth.credential_locked',
  link: 'auth.link_passcode_locked',
};

export function guardKey(kind: GuardedKind, identifier: string): string {
  return `${kind}:${identifier}`;
}

/**
 * A slot to compute one password hash in, given back by calling the answer; refuses at
 * once when this address or the hub is hashing as much as it may. `noun` names the
 * attempts in the refusal, plural ("log-ins").
 */
export function hashSlot(gate: HashSlots, address: string, noun: string): () => void {
  const slot = gate.enter(address);
  if (slot === 'address_busy') {
    throw new HubRefusal(
      429,
      'rate_limited',
      `Another ${noun.slice(0, -1)} from this address is being checked. Try again in a moment.`,
      { retryAfterSeconds: 1 },
    );
  }
  if (slot === 'hub_busy') {
    throw new HubRefusal(
      503,
      'unavailable',
      `The hub is busy checking other ${noun}. Try again in a moment.`,
      { retryAfterSeconds: 1 },
    );
  }
  return slot;
}

/** Answers whether the password is right; refuses (throws) when it may not be checked now. */
export function checkPassword(
  deps: PasswordCheckDependencies,
  attempt: PasswordAttempt,
): Promise<boolean> {
  const { email, password, ...rest } = attempt;
  return checkSecret(deps, { ...rest, identifier: email, secret: password });
}

/** Answers whether the secret is right; refuses (throws) when it may not be checked now. */
export async function checkSecret(
  deps: PasswordCheckDependencies,
  attempt: SecretAttempt,
): Promise<boolean> {
  const slot = hashSlot(deps.gate, attempt.address, NOUN[attempt.kind]);
  try {
    const reservation = await reserveAttempt(deps.db, attempt);
    const right = await deps.passwords.verify(
      attempt.secret,
      attempt.storedHash ?? (await deps.passwords.decoy()),
    );
    if (right && attempt.storedHash !== null) await succeeded(deps.db, attempt, reservation);
    else await failed(deps.db, attempt);
    return right && attempt.storedHash !== null;
  } finally {
    slot();
  }
}

function lockedRefusal(kind: GuardedKind): HubRefusal {
  if (guardPolicy(kind) === 'credential') {
    return new HubRefusal(
      403,
      'credential_locked',
      `This ${kind === 'link' ? "link's passcode" : 'log-in'} is locked after too many failed attempts. Contact the brand to unlock it.`,
    );
  }
  return new HubRefusal(
    403,
    'account_locked',
    `This account is locked after too many failed ${NOUN[kind]}. ${
      kind === 'staff'
        ? 'An admin of the brand can unlock it under Devices.'
        : 'Contact the brand to unlock it.'
    }`,
  );
}

async function reserveAttempt(db: StoreDb, attempt: SecretAttempt): Promise<string> {
  const account = guardKey(attempt.kind, attempt.identifier);
  const id = uuidv7();
  const at = attempt.now.toISOString();
  const wait = await inTransaction(db, async (trx) => {
    const guards = hubDb(trx);
    const guard = await guards
      .selectFrom('login_guards')
      .select(['consecutive_failures', 'lifetime_failures', 'locked_at'])
      .where('account', '=', account)
      .executeTakeFirst();
    if (
      guard &&
      (guard.locked_at !== null ||
        lockedByFailures(attempt.kind, {
          consecutive: guard.consecutive_failures,
          lifetime: guard.lifetime_failures,
        }))
    ) {
      return 'locked' as const;
    }
    const waitMs = await reserve(
      trx,
      [
        { key: `password:${account}@${attempt.address}`, limit: PASSWORD_LIMITS.accountAtAddress },
        { key: `password@${attempt.address}`, limit: PASSWORD_LIMITS.address },
        ...(attempt.linkId === undefined
          ? []
          : [{ key: linkLimitKey(attempt.linkId), limit: CREDENTIAL_LIMITS.perLink }]),
      ],
      attempt.now,
      id,
    );
    if (waitMs > 0) return waitMs;
    await guards
      .insertInto('login_guards')
      .values({
        account,
        consecutive_failures: 1,
        lifetime_failures: 1,
        last_failure_at: at,
        locked_at: null,
      })
      .onConflict((oc) =>
        oc.column('account').doUpdateSet((eb) => ({
          consecutive_failures: eb('login_guards.consecutive_failures', '+', 1),
          lifetime_failures: eb('login_guards.lifetime_failures', '+', 1),
          last_failure_at: at,
        })),
      )
      .execute();
    return 0;
  });
  if (wait === 'locked') throw lockedRefusal(attempt.kind);
  if (wait > 0) {
    const minutes = minutesToWait(wait);
    throw new HubRefusal(
      429,
      'rate_limited',
      `Too many failed ${NOUN[attempt.kind]}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { retryAfterSeconds: Math.ceil(wait / 1000) },
    );
  }
  return id;
}

/** Attempts through one link, from every address and by every method. */
export function linkLimitKey(linkId: string): string {
  return `password:link:${linkId}`;
}

/** Right: the attempt was never a failure, so both counts it added are taken back. */
async function succeeded(db: StoreDb, attempt: SecretAttempt, reservation: string) {
  await inTransaction(db, async (trx) => {
    await release(trx, reservation);
    await hubDb(trx)
      .updateTable('login_guards')
      .set({
        consecutive_failures: 0,
        lifetime_failures: sql`case when lifetime_failures > 0 then lifetime_failures - 1 else 0 end`,
      })
      .where('account', '=', guardKey(attempt.kind, attempt.identifier))
      .execute();
  });
}

/** The failure was counted when reserved; the one that reaches the cap locks the guard. */
async function failed(db: StoreDb, attempt: SecretAttempt) {
  const account = guardKey(attempt.kind, attempt.identifier);
  const policy = guardPolicy(attempt.kind);
  const at = attempt.now.toISOString();
  await inTransaction(db, async (trx) => {
    const locked = await hubDb(trx)
      .updateTable('login_guards')
      .set({ locked_at: at })
      .where('account', '=', account)
      .where('locked_at', 'is', null)
      .where(
        policy === 'account' ? 'consecutive_failures' : 'lifetime_failures',
        '>=',
        failureCap(attempt.kind),
      )
      .returning(['consecutive_failures', 'lifetime_failures'])
      .executeTakeFirst();
    if (!locked) return;
    await hubDb(trx)
      .insertInto('audit_log')
      .values(
        auditRow({
          at,
          actor: { kind: 'system' },
          action: LOCK_ACTION[attempt.kind],
          subject: account,
          details:
            policy === 'account'
              ? {
                  kind: attempt.kind,
                  email: attempt.identifier,
                  failures: locked.consecutive_failures,
                  address: attempt.address,
                }
              : {
                  kind: attempt.kind,
                  identifier: attempt.identifier,
                  failures: locked.lifetime_failures,
                  address: attempt.address,
                  ...(attempt.linkId === undefined ? {} : { linkId: attempt.linkId }),
                },
        }),
      )
      .execute();
  });
}
