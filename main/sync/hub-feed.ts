import { sql } from 'kysely';
import { engineOf, hubDb, type StoreDb } from '../store/database.ts';
import { SYNCED_ENTITIES, type SyncViewer } from './entities.ts';
import type { Change, Refusal, RefusalCode } from './protocol.ts';
import { encodeRow } from './rows.ts';

/** A picture weighs at least this many rows, and one row more per this many of its bytes. */
const PICTURE_WEIGHT = 20;
const PICTURE_BYTES_PER_ROW = 512;

/**
 * What changed on the hub after a cursor, a page at a time. The cursor is a change-log
 * version: each write moves its row's single log entry to a new, higher version inside
 * the writing transaction, so reading entries above the cursor finds every row written
 * since, once, and a sync with nothing new is one index probe. The head (the newest
 * version, also one probe) says how far the cursor has to go.
 */
export async function readChanges(
  db: StoreDb,
  viewer: SyncViewer,
  cursor: number,
  limit: number,
): Promise<{ cursor: number; more: boolean; head: number; changes: Change[] }> {
  const hub = hubDb(db);
  const engine = engineOf(db);
  const keyOf = (column: string) => engine.asLogKey(sql`t.${sql.ref(column)}`);
  const newest = await hub
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('version').as('version'))
    .executeTakeFirst();
  const head = Math.max(cursor, newest?.version ?? 0);
  const candidates = await hub
    .selectFrom('change_log as c')
    .select([
      'c.version',
      'c.entity',
      // Only for pictures; SQLite reads a blob's length without reading the blob.
      sql<number | null>`case when c.entity = 'media'
        then (select length(m.bytes) from media m where m.id = c.k1) end`.as('pictureBytes'),
    ])
    .where('c.version', '>', cursor)
    .orderBy('c.version')
    .limit(limit + 1)
    .execute();
  if (candidates.length === 0) return { cursor, more: false, head, changes: [] };
  // A page holds `limit` rows' worth: a picture weighs as much as many small rows, an
  // uploaded one (up to 10 MB) by its size, so a page of them stays a few megabytes.
  let weight = 0;
  let taken = 0;
  while (taken < candidates.length && taken < limit) {
    const { entity, pictureBytes } = candidates[taken]!;
    weight +=
      entity === 'media'
        ? Math.max(PICTURE_WEIGHT, Math.ceil(Number(pictureBytes ?? 0) / PICTURE_BYTES_PER_ROW))
        : 1;
    if (weight > limit && taken > 0) break;
    taken++;
  }
  const window = candidates.slice(0, taken);
  const more = candidates.length > taken;
  const upTo = window.at(-1)!.version;
  const entities = new Set(window.map((entry) => entry.entity));

  const changes: Change[] = [];
  for (const entity of SYNCED_ENTITIES) {
    if (!entities.has(entity.table)) continue;
    const [first, second] = entity.key;
    const join = second
      ? sql`${keyOf(first)} = c.k1 and ${keyOf(second)} = c.k2`
      : sql`${keyOf(first)} = c.k1`;
    const live = sql`t.${sql.ref(first)}`;
    const columns = sql.join(entity.columns.map((column) => sql`t.${sql.ref(column)}`));
    const visible = entity.visibleTo?.(viewer);
    const rows = await sql<
      Record<string, unknown> & { __k1: string; __k2: string; __live: number | null }
    >`
      select c.k1 as __k1, c.k2 as __k2, ${live} as __live, ${columns}
      from change_log c left join ${sql.table(entity.table)} t on ${join}
      where c.entity = ${entity.table} and c.version > ${cursor} and c.version <= ${upTo}
        ${visible ? sql`and (${live} is null or ${visible})` : sql``}
      order by c.version`.execute(hub);
    for (const row of rows.rows) {
      changes.push({
        entity: entity.table,
        key: [row.__k1, row.__k2],
        row: row.__live === null ? null : encodeRow(entity, row),
      });
    }
  }
  return { cursor: upTo, more, head: Math.max(head, upTo), changes };
}

/** The refusals kept for a device after the seq its desktop has already seen. */
export async function readRefusals(
  db: StoreDb,
  deviceId: string,
  after: number,
): Promise<Refusal[]> {
  const rows = await hubDb(db)
    .selectFrom('sync_refusals')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('seq', '>', after)
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    mutation: row.mutation,
    subject: row.subject,
    summary: row.summary,
    code: row.code as RefusalCode,
    reason: row.reason,
    args: JSON.parse(row.args) as unknown,
    at: row.at,
  }));
}
