import type { LockedAccount } from '../../../preload/contract/index.ts';
import { countedFailures, GUARDED_KINDS, type GuardedKind } from '../../domain/rate-limit.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { auditRow } from '../audit.ts';
import { HubRefusal } from '../errors.ts';
import { requirePermission, type AuthenticatedDevice } from './accounts.ts';
import { inTransaction } from '../../store/transactions.ts';

/**
 * What failures locked, as admins see it, and unlocking it: accounts locked after too
 * many failures in a row, buyers' credentials and customer order links' passcodes at
 * their lifetime cap. Guards of emails or codes that belong to nobody are not listed:
 * they lock nothing anybody uses. A link's guard is listed by the link's id.
 */

function parseGuard(account: string): { kind: GuardedKind; identifier: string } | null {
  const colon = account.indexOf(':');
  const kind = GUARDED_KINDS.find((candidate) => candidate === account.slice(0, colon));
  return kind ? { kind, identifier: account.slice(colon + 1) } : null;
}

/** The name to show beside each guard's identifier, by kind; absent: it belongs to nobody. */
async function namesOf(
  db: StoreDb,
  identifiers: Record<GuardedKind, string[]>,
): Promise<Record<GuardedKind, Map<string, string>>> {
  const hub = hubDb(db);
  const lookUp = async (
    ids: string[],
    query: (ids: string[]) => Promise<{ identifier: string; name: string }[]>,
  ) => new Map(ids.length === 0 ? [] : (await query(ids)).map((r) => [r.identifier, r.name]));
  const credential = (kind: 'offline_email' | 'brand_code') => (ids: string[]) =>
    hub
      .selectFrom('buyer_credentials as c')
      .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
      .select(['c.identifier', 'b.name'])
      .where('c.kind', '=', kind)
      .where('c.identifier', 'in', ids)
      .execute();
  const [staff, buyer, offline, code, link] = await Promise.all([
    lookUp(identifiers.staff, (ids) =>
      hub
        .selectFrom('staff_users')
        .select(['email as identifier', 'name'])
        .where('email', 'in', ids)
        .execute(),
    ),
    lookUp(identifiers.buyer, (ids) =>
      hub
        .selectFrom('buyer_users')
        .select(['email as identifier', 'name'])
        .where('email', 'in', ids)
        .execute(),
    ),
    lookUp(identifiers.offline_buyer, credential('offline_email')),
    lookUp(identifiers.buyer_code, credential('brand_code')),
    lookUp(identifiers.link, (ids) =>
      hub
        .selectFrom('customer_order_links')
        .select(['id as identifier', 'name'])
        .where('id', 'in', ids)
        .execute(),
    ),
  ]);
  return {
    staff,
    buyer,
    offline_buyer: offline,
    buyer_code: code,
    link,
  };
}

export async function listLockedAccounts(
  db: StoreDb,
  asker: AuthenticatedDevice,
): Promise<LockedAccount[]> {
  requirePermission(asker, 'unlockAccounts', 'see and unlock locked accounts');
  const guards = await hubDb(db)
    .selectFrom('login_guards')
    .select(['account', 'locked_at', 'consecutive_failures', 'lifetime_failures'])
    .where('locked_at', 'is not', null)
    .orderBy('locked_at', 'desc')
    .execute();
  const parsed = guards.flatMap((guard) => {
    const named = parseGuard(guard.account);
    return named ? [{ ...guard, ...named }] : [];
  });
  const identifiers = Object.fromEntries(
    GUARDED_KINDS.map((kind) => [
      kind,
      parsed.filter((guard) => guard.kind === kind).map((guard) => guard.identifier),
    ]),
  ) as Record<GuardedKind, string[]>;
  const names = await namesOf(db, identifiers);
  return parsed.flatMap((guard) => {
    const name = names[guard.kind].get(guard.identifier);
    if (name === undefined) return [];
    return [
      {
        account: guard.account,
        kind: guard.kind,
        identifier: guard.identifier,
        name,
        lockedAt: guard.locked_at!,
        failures: countedFailures(guard.kind, {
          consecutive: guard.consecutive_failures,
          lifetime: guard.lifetime_failures,
        }),
      },
    ];
  });
}

/** Unlocks what failures locked and starts its counts of failures again; audited. */
export async function unlockAccount(
  db: StoreDb,
  asker: AuthenticatedDevice,
  account: string,
  now: Date,
): Promise<void> {
  requirePermission(asker, 'unlockAccounts', 'see and unlock locked accounts');
  await inTransaction(db, async (trx) => {
    const unlocked = await hubDb(trx)
      .updateTable('login_guards')
      .set({ locked_at: null, consecutive_failures: 0, lifetime_failures: 0 })
      .where('account', '=', account)
      .where('locked_at', 'is not', null)
      .executeTakeFirst();
    if (Number(unlocked.numUpdatedRows) === 0) {
      throw new HubRefusal(404, 'not_found', 'This account is not locked.');
    }
    await hubDb(trx)
      .insertInto('audit_log')
      .values(
        auditRow({
          at: now.toISOString(),
          actor: { kind: 'staff', userId: asker.userId, device: asker.id },
          action: 'auth.account_unlocked',
          subject: account,
        }),
      )
      .execute();
  });
}
