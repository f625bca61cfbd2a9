import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { AuditEntry, AuditKind, AuditQuery } from '../../preload/contract/index.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import { requireAdmin, type AuthenticatedDevice } from './auth/accounts.ts';

/** The actions each kind of entry covers, as LIKE patterns. */
const PATTERNS: Readonly<Record<Exclude<AuditKind, 'all'>, readonly string[]>> = {
  shareLinks: ['shareLink.%'],
  orders: ['order.%'],
  settings: ['brand.%'],
  signIns: ['auth.%'],
};

/** The audit log, newest first, for an admin: who, when, from which device, what. */
export async function readAuditLog(
  db: StoreDb,
  asker: AuthenticatedDevice,
  query: z.output<typeof AuditQuery>,
): Promise<AuditEntry[]> {
  requireAdmin(asker);
  let rows = hubDb(db)
    .selectFrom('audit_log as a')
    .leftJoin('staff_users as u', 'u.id', 'a.actor_id')
    .leftJoin('devices as d', 'd.id', 'a.device')
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.actor_kind',
      'a.subject',
      'a.details',
      'u.name as actor',
      'd.name as device',
    ]);
  if (query.kind !== 'all') {
    const patterns = PATTERNS[query.kind];
    rows = rows.where((eb) => eb.or(patterns.map((pattern) => eb('a.action', 'like', pattern))));
  }
  if (query.before) rows = rows.where('a.at', '<', query.before);
  const found = await rows
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(query.limit)
    .execute();
  return found.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    actor: row.actor,
    actorKind: row.actor_kind,
    device: row.device,
    subject: row.subject,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
}

/** What a link holder did, as an audit row: anonymous, so no actor and no device. */
export function anonymousAuditRow(entry: {
  at: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}) {
  return {
    id: uuidv7(),
    at: entry.at,
    actor_kind: 'anonymous' as const,
    actor_id: null,
    device: null,
    action: entry.action,
    subject: entry.subject,
    details: JSON.stringify(entry.details),
  };
}
