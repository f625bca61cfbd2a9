import { sql } from 'kysely';
import { hubDb, type StoreDb } from '../store/database.ts';
import { anonymousAuditRow } from './audit.ts';

export interface ShareOpen {
  linkId: string;
  selectionId: string;
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
 * Counts share-link opens and audits each one, a batch per transaction. An open is worth
 * a count and an audit line, not a flush to disk of its own: at a show, a link mailed to
 * a whole list is opened in bursts, and one durable write per burst keeps the hub
 * answering. What a crash can lose is the last `flushMs` of opens, never an order.
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
    const perLink = new Map<string, { count: number; last: string }>();
    for (const open of batch) {
      const seen = perLink.get(open.linkId);
      if (!seen) perLink.set(open.linkId, { count: 1, last: open.at });
      else {
        seen.count++;
        if (open.at > seen.last) seen.last = open.at;
      }
    }
    await db.transaction().execute(async (trx) => {
      const hub = hubDb(trx);
      for (const [linkId, { count, last }] of perLink) {
        await hub
          .updateTable('share_links')
          .set((eb) => ({
            open_count: eb('open_count', '+', count),
            last_opened_at: sql<string>`case when last_opened_at is null or last_opened_at < ${last} then ${last} else last_opened_at end`,
          }))
          .where('id', '=', linkId)
          .execute();
      }
      await hub
        .insertInto('audit_log')
        .values(
          batch.map((open) =>
            anonymousAuditRow({
              at: open.at,
              action: 'shareLink.opened',
              subject: `share-link:${open.linkId}`,
              details: { selectionId: open.selectionId },
            }),
          ),
        )
        .execute();
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
