import { retryAfterMs, type FailureLimit } from '../../domain/rate-limit.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { HubRefusal } from '../errors.ts';

/**
 * Failed attempts kept in the hub's store, so limits survive a restart and hold across
 * hub instances sharing it. Keys name what is limited: `account:<email>`,
 * `address:<ip>`, `token:<ip>`.
 */
export const LIMITS = {
  account: { max: 10, windowMs: 15 * 60_000 },
  address: { max: 50, windowMs: 15 * 60_000 },
  token: { max: 30, windowMs: 15 * 60_000 },
} as const satisfies Record<string, FailureLimit>;

export async function retryAfter(
  db: StoreDb,
  key: string,
  limit: FailureLimit,
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - limit.windowMs).toISOString();
  const failures = await hubDb(db)
    .selectFrom('auth_failures')
    .select('at')
    .where('key', '=', key)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(limit.max)
    .execute();
  return retryAfterMs(
    failures.map((failure) => new Date(failure.at)),
    limit,
    now,
  );
}

export async function recordFailure(
  db: StoreDb,
  keys: readonly string[],
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  await hubDb(db)
    .insertInto('auth_failures')
    .values(keys.map((key) => ({ key, at })))
    .execute();
}

export async function forgetFailures(db: StoreDb, key: string): Promise<void> {
  await hubDb(db).deleteFrom('auth_failures').where('key', '=', key).execute();
}

/** Failures older than the longest window count for nothing; dropped now and then. */
export async function pruneFailures(db: StoreDb, now: Date): Promise<void> {
  const longest = Math.max(...Object.values(LIMITS).map((limit) => limit.windowMs));
  await hubDb(db)
    .deleteFrom('auth_failures')
    .where('at', '<', new Date(now.getTime() - longest).toISOString())
    .execute();
}

/**
 * Refuses a password attempt while its account or its address is over its limit,
 * before any hash is computed. `what` names the attempts: "sign-ins", "log-ins".
 */
export async function refuseWhileLimited(
  db: StoreDb,
  keys: { account: string; address: string },
  now: Date,
  what: string,
): Promise<void> {
  const wait = Math.max(
    await retryAfter(db, keys.account, LIMITS.account, now),
    await retryAfter(db, keys.address, LIMITS.address, now),
  );
  if (wait <= 0) return;
  const minutes = Math.ceil(wait / 60_000);
  throw new HubRefusal(
    429,
    'rate_limited',
    `Too many failed ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { retryAfterSeconds: Math.ceil(wait / 1000) },
  );
}
