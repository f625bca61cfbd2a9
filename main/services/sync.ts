import type { SyncRefusal } from '../../preload/contract/index.ts';
import { replicaDb, type StoreDb } from '../store/database.ts';

/** Refusals the rep has not dismissed, newest first; only those about `subjectPrefix` when given. */
export async function listRefusals(db: StoreDb, subjectPrefix?: string): Promise<SyncRefusal[]> {
  let query = replicaDb(db)
    .selectFrom('sync_refusals')
    .selectAll()
    .where('dismissed_at', 'is', null)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc');
  if (subjectPrefix)
    query = query.where('subject', 'like', `${subjectPrefix.replace(/[\\%_]/g, '\\$&')}%`);
  const rows = await query.execute();
  return rows.map((row) => ({
    seq: row.id,
    mutation: row.mutation,
    subject: row.subject,
    summary: row.summary,
    code: row.code as SyncRefusal['code'],
    reason: row.reason,
    args: JSON.parse(row.args) as unknown,
    at: row.at,
  }));
}

export async function dismissRefusal(db: StoreDb, id: number, now: Date): Promise<void> {
  await replicaDb(db)
    .updateTable('sync_refusals')
    .set({ dismissed_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
}
