import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { minutesToWait, PASSWORD_LIMITS } from '../../domain/rate-limit.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { auditRow } from '../audit.ts';
import { HubRefusal } from '../errors.ts';
import type { HashSlots } from './hash-gate.ts';
import { release, reserve } from './limits.ts';
import type { PasswordHasher } from './passwords.ts';

/**
 * Every password check the hub makes (staff sign-in, buyer log-in, later passcodes)
 * goes through here, in this order:
 *
 * 1. a slot in the hash gate, or a refusal at once when this address or the hub is
 *    already hashing as much as it may;
 * 2. in one transaction: refused if the account is locked; otherwise the attempt is
 *    reserved against its limits (per account at this address, per address) and
 *    counted as a failure of the account before anything is hashed, so no number of
 *    concurrent guesses gets more than the limits allow to the hash;
 * 3. the hash;
 * 4. a right password takes the reservation back and clears the account's failures;
 *    a wrong one leaves it counted, and the failure that reaches the cap locks the
 *    account and tells the admins (API Logs, and the desktop's locked accounts).
 *
 * Accounts are guarded by email, known or not, so a lock says nothing about whether
 * an account exists.
 */
export type GuardedAccountKind = 'staff' | 'buyer';

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

export interface PasswordCheckDependencies {
  db: StoreDb;
  gate: HashSlots;
  passwords: PasswordHasher;
}

/** What the attempts are called in refusals: "Too many failed sign-ins." */
const NOUN: Record<GuardedAccountKind, string> = { staff: 'sign-ins', buyer: 'log-ins' };

export function guardKey(kind: GuardedAccountKind, email: string): string {
  return `${kind}:${email}`;
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
export async function checkPassword(
  deps: PasswordCheckDependencies,
  attempt: PasswordAttempt,
): Promise<boolean> {
  const slot = hashSlot(deps.gate, attempt.address, NOUN[attempt.kind]);
  try {
    const reservation = await reserveAttempt(deps.db, attempt);
    const right = await deps.passwords.verify(
      attempt.password,
      attempt.storedHash ?? (await deps.passwords.decoy()),
    );
    if (right && attempt.storedHash !== null) await succeeded(deps.db, attempt, reservation);
    else await failed(deps.db, attempt);
    return right && attempt.storedHash !== null;
  } finally {
    slot();
  }
}

async function reserveAttempt(db: StoreDb, attempt: PasswordAttempt): Promise<string> {
  const account = guardKey(attempt.kind, attempt.email);
  const id = uuidv7();
  const at = attempt.now.toISOString();
  const wait = await db.transaction().execute(async (trx) => {
    const guards = hubDb(trx);
    const guard = await guards
      .selectFrom('login_guards')
      .select(['consecutive_failures', 'locked_at'])
      .where('account', '=', account)
      .executeTakeFirst();
    if (
      guard &&
      (guard.locked_at !== null ||
        guard.consecutive_failures >= PASSWORD_LIMITS.consecutiveFailures)
    ) {
      return 'locked' as const;
    }
    const waitMs = await reserve(
      trx,
      [
        { key: `password:${account}@${attempt.address}`, limit: PASSWORD_LIMITS.accountAtAddress },
        { key: `password@${attempt.address}`, limit: PASSWORD_LIMITS.address },
      ],
      attempt.now,
      id,
    );
    if (waitMs > 0) return waitMs;
    await guards
      .insertInto('login_guards')
      .values({ account, consecutive_failures: 1, last_failure_at: at, locked_at: null })
      .onConflict((oc) =>
        oc.column('account').doUpdateSet({
          consecutive_failures: sql`consecutive_failures + 1`,
          last_failure_at: at,
        }),
      )
      .execute();
    return 0;
  });
  if (wait === 'locked') {
    throw new HubRefusal(
      403,
      'account_locked',
      `This account is locked after too many failed ${NOUN[attempt.kind]}. ${
        attempt.kind === 'staff'
          ? 'An admin of the brand can unlock it under Devices.'
          : 'Contact the brand to unlock it.'
      }`,
    );
  }
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

async function succeeded(db: StoreDb, attempt: PasswordAttempt, reservation: string) {
  await db.transaction().execute(async (trx) => {
    await release(trx, reservation);
    await hubDb(trx)
      .updateTable('login_guards')
      .set({ consecutive_failures: 0 })
      .where('account', '=', guardKey(attempt.kind, attempt.email))
      .execute();
  });
}

/** The failure was counted when reserved; the one that reaches the cap locks the account. */
async function failed(db: StoreDb, attempt: PasswordAttempt) {
  const account = guardKey(attempt.kind, attempt.email);
  const at = attempt.now.toISOString();
  await db.transaction().execute(async (trx) => {
    const locked = await hubDb(trx)
      .updateTable('login_guards')
      .set({ locked_at: at })
      .where('account', '=', account)
      .where('locked_at', 'is', null)
      .where('consecutive_failures', '>=', PASSWORD_LIMITS.consecutiveFailures)
      .returning('consecutive_failures')
      .executeTakeFirst();
    if (!locked) return;
    await hubDb(trx)
      .insertInto('audit_log')
      .values(
        auditRow({
          at,
          actor: { kind: 'system' },
          action: 'auth.account_locked',
          subject: account,
          details: {
            kind: attempt.kind,
            email: attempt.email,
            failures: locked.consecutive_failures,
            address: attempt.address,
          },
        }),
      )
      .execute();
  });
}
