import { sql } from 'kysely';
import { hubDb, type StoreDb } from '../store/database.ts';
import { inTransaction } from '../store/transactions.ts';

export interface ShareOpen {
  /** Which kind of link: a share link (by default) or a customer order link. */
  kind?: 'share' | 'customerOrder';
  linkId: string;
  /** When the link was opened, as an ISO instant. */
  at: string;
}

export interface ShareOpenLog {
  /** Notes an open; it is written within `flushMs`, with whatever else came meanwhile. */
  record(open: ShareOpen): void;
  /** Writes every open noted so far (on close, and in tests). */
  flush(): Promise<void>;
}

/**
 * Counts link opens, a batch per transaction: on the link (its open count and last open,
 * which desktops pull) and, for share links, per link and hour for API Logs, which shows
 * one entry per link and hour instead of a line per open. Customer order links count
 * their opens the same way on their own row. An open is worth a count, not a write
 * of its own: a link mailed to a whole list is opened in bursts, and anyone holding a
 * link can open it as fast as they like. What a crash can lose is the last `flushMs`
 * of counts, never an order.
 *
 * Counts are added (`open_count + n`), so several hub instances may each keep a batch.
 */
export function shareOpenLog(
  db: StoreDb,
  options: {
    flushMs?: number;
    maxBatch?: number;
    /** After each batch is written: tell syncing desktops to pull the new counts. */
    onWritten?: () => void;
    onFailed?: (error: unknown, opens: number) => void;
  } = {},
): ShareOpenLog {
  const flushMs = options.flushMs ?? 250;
  const maxBatch = options.maxBatch ?? 500;
  let pending: ShareOpen[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  async function write(batch: ShareOpen[]): Promise<void> {
    const perLink = tally(batch, (open) => `${open.kind ?? 'share'} ${open.linkId}`);
    const perPeriod = tally(
      batch.filter((open) => (open.kind ?? 'share') === 'share'),
      (open) => `${open.linkId} ${hourOf(open.at)}`,
    );
    await inTransaction(db, async (trx) => {
      const hub = hubDb(trx);
      for (const [key, { count, last }] of perLink) {
        const [kind, linkId = ''] = key.split(' ');
        await hub
          .updateTable(kind === 'share' ? 'share_links' : 'customer_order_links')
          .set((eb) => ({
            open_count: eb('open_count', '+', count),
            last_opened_at: sql<string>`case when last_opened_at is null or last_opened_at < ${last} then ${last} else last_opened_at end`,
          }))
          .where('id', '=', linkId)
          .execute();
      }
      for (const [key, { count, first, last }] of perPeriod) {
        const [linkId = '', periodStart = ''] = key.split(' ');
        await hub
          .insertInto('share_link_open_periods')
          .values({
            link_id: linkId,
            period_start: periodStart,
            opens: count,
            first_at: first,
            last_at: last,
          })
          .onConflict((oc) =>
            // The stored row's columns named with their table: PostgreSQL would not know
            // them from the `excluded` row's.
            oc.columns(['link_id', 'period_start']).doUpdateSet({
              opens: sql`share_link_open_periods.opens + ${count}`,
              first_at: sql`case when share_link_open_periods.first_at <= ${first}
                then share_link_open_periods.first_at else ${first} end`,
              last_at: sql`case when share_link_open_periods.last_at >= ${last}
                then share_link_open_periods.last_at else ${last} end`,
            }),
          )
          .execute();
      }
    });
    options.onWritten?.();
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    // One write at a time, in order; a failed batch is reported, the next still runs.
    writing = writing.then(() =>
      batch.length === 0
        ? undefined
        : write(batch).catch((error: unknown) => options.onFailed?.(error, batch.length)),
    );
    return writing;
  }

  return {
    record(open) {
      pending.push(open);
      if (pending.length >= maxBatch) void flush();
      else timer ??= setTimeout(() => void flush(), flushMs);
    },
    flush,
  };
}

/** Opens grouped by a key: how many, and the first and last instant of each group. */
function tally(
  opens: readonly ShareOpen[],
  keyOf: (open: ShareOpen) => string,
): Map<string, { count: number; first: string; last: string }> {
  const groups = new Map<string, { count: number; first: string; last: string }>();
  for (const open of opens) {
    const key = keyOf(open);
    const group = groups.get(key);
    if (!group) groups.set(key, { count: 1, first: open.at, last: open.at });
    else {
      group.count++;
      if (open.at < group.first) group.first = open.at;
      if (open.at > group.last) group.last = open.at;
    }
  }
  return groups;
}

/** The hour an instant falls in, as the ISO instant it starts at. */
export function hourOf(at: string): string {
  return `${at.slice(0, 13)}:00:00.000Z`;
}
