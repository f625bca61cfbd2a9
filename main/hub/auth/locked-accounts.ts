import type { LockedAccount } from '../../../preload/contract/index.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { auditRow } from '../audit.ts';
import { HubRefusal } from '../errors.ts';
import { requirePermission, type AuthenticatedDevice } from './accounts.ts';
import { guardKey, type GuardedAccountKind } from './password-attempts.ts';

/**
 * Accounts locked at the lifetime cap of failed attempts, as admins see them, and
 * unlocking one. Guards of emails that belong to nobody are not listed: they lock
 * nothing anybody uses.
 */

export async function listLockedAccounts(
  db: StoreDb,
  asker: AuthenticatedDevice,
): Promise<LockedAccount[]> {
  requirePermission(asker, 'unlockAccounts', 'see and unlock locked accounts');
  const hub = hubDb(db);
  const guards = await hub
    .selectFrom('login_guards')
    .select(['account', 'locked_at', 'consecutive_failures'])
    .where('locked_at', 'is not', null)
    .orderBy('locked_at', 'desc')
    .execute();
  const staff = guards.flatMap((g) => (g.account.startsWith('staff:') ? [g.account.slice(6)] : []));
  const buyers = guards.flatMap((g) =>
    g.account.startsWith('buyer:') ? [g.account.slice(6)] : [],
  );
  const [staffNames, buyerNames] = await Promise.all([
    staff.length === 0
      ? []
      : hub
          .selectFrom('staff_users')
          .select(['email', 'name'])
          .where('email', 'in', staff)
          .execute(),
    buyers.length === 0
      ? []
      : hub
          .selectFrom('buyer_users')
          .select(['email', 'name'])
          .where('email', 'in', buyers)
          .execute(),
  ]);
  const names = new Map<string, string>([
    ...staffNames.map((row) => [guardKey('staff', row.email), row.name] as const),
    ...buyerNames.map((row) => [guardKey('buyer', row.email), row.name] as const),
  ]);
  return guards.flatMap((guard) => {
    const name = names.get(guard.account);
    if (name === undefined) return [];
    const kind: GuardedAccountKind = guard.account.startsWith('staff:') ? 'staff' : 'buyer';
    return [
      {
        account: guard.account,
        kind,
        email: guard.account.slice(kind.length + 1),
        name,
        lockedAt: guard.locked_at!,
        failures: guard.consecutive_failures,
      },
    ];
  });
}

/** Unlocks an account and starts its count of failures again; audited. */
export async function unlockAccount(
  db: StoreDb,
  asker: AuthenticatedDevice,
  account: string,
  now: Date,
): Promise<void> {
  requirePermission(asker, 'unlockAccounts', 'see and unlock locked accounts');
  await db.transaction().execute(async (trx) => {
    const unlocked = await hubDb(trx)
      .updateTable('login_guards')
      .set({ locked_at: null, consecutive_failures: 0 })
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
