import {
  LONGEST_LIMIT_WINDOW_MS,
  retryAfterMs,
  TOKEN_GUESS_LIMIT,
  type FailureLimit,
} from '../../domain/rate-limit.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { HubRefusal } from '../errors.ts';

/**
 * Events counted against limits, kept in the hub's store so the limits survive a
 * restart and hold across hub instances sharing it. A key names what is limited and
 * for whom, e.g. `password:staff:ana@shop.com@203.0.113.7` or `order-link:<id>`.
 */
export interface CountedKey {
  key: string;
  limit: FailureLimit;
}

async function eventsInWindow(db: StoreDb, { key, limit }: CountedKey, now: Date) {
  const since = new Date(now.getTime() - limit.windowMs).toISOString();
  const rows = await hubDb(db)
    .selectFrom('limit_hits')
    .select('at')
    .where('key', '=', key)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(limit.max)
    .execute();
  return rows.map((row) => new Date(row.at));
}

/** How long until one more event under the key fits its limit; 0 when it fits now. */
async function waitFor(db: StoreDb, counted: CountedKey, now: Date): Promise<number> {
  return retryAfterMs(await eventsInWindow(db, counted, now), counted.limit, now);
}

/**
 * Counts one event under every key, or under none: answers 0 when all had room, or how
 * long until all would. Call it inside the transaction that acts on the answer (on
 * SQLite every transaction begins IMMEDIATE and holds the write lock), so two
 * concurrent callers can never both take the last place. `attempt` names the rows so
 * that `release` can take them back.
 */
export async function reserve(
  trx: StoreDb,
  keys: readonly CountedKey[],
  now: Date,
  attempt: string | null = null,
): Promise<number> {
  let wait = 0;
  for (const counted of keys) wait = Math.max(wait, await waitFor(trx, counted, now));
  if (wait > 0) return wait;
  const at = now.toISOString();
  await hubDb(trx)
    .insertInto('limit_hits')
    .values(keys.map(({ key }) => ({ key, at, attempt })))
    .execute();
  return 0;
}

/** Takes back what a reservation counted (the attempt turned out to be the owner's). */
export async function release(db: StoreDb, attempt: string): Promise<void> {
  await hubDb(db).deleteFrom('limit_hits').where('attempt', '=', attempt).execute();
}

/**
 * Counts a token that names nothing (a share link, a device credential) under `key`, one
 * per address, and refuses with `message` once that address has tried too many. A real
 * token never comes here, so it is never refused for what others tried.
 */
export async function countUnknownToken(
  db: StoreDb,
  key: string,
  now: Date,
  message: string,
): Promise<void> {
  const wait = await waitFor(db, { key, limit: TOKEN_GUESS_LIMIT }, now);
  if (wait > 0) {
    throw new HubRefusal(429, 'rate_limited', message, {
      retryAfterSeconds: Math.ceil(wait / 1000),
    });
  }
  await hubDb(db)
    .insertInto('limit_hits')
    .values({ key, at: now.toISOString(), attempt: null })
    .execute();
}

/** Events older than the longest window count for nothing; dropped now and then. */
export async function pruneHits(db: StoreDb, now: Date): Promise<void> {
  await hubDb(db)
    .deleteFrom('limit_hits')
    .where('at', '<', new Date(now.getTime() - LONGEST_LIMIT_WINDOW_MS).toISOString())
    .execute();
}
