import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { AuditEntry, AuditKind, AuditQuery } from '../../preload/contract/index.ts';
import { hubDb, type StoreDb } from '../store/database.ts';
import { requirePermission, type AuthenticatedDevice } from './auth/accounts.ts';

/** The actions each kind of entry covers, as LIKE patterns. */
const PATTERNS: Readonly<Record<Exclude<AuditKind, 'all'>, readonly string[]>> = {
  shareLinks: ['shareLink.%'],
  orders: ['order.%'],
  settings: ['brand.%'],
  // Opening a customer order link as a buyer is a log-in too, the brand's for the buyer.
  signIns: ['auth.%', 'customerLink.logged_in_on_behalf'],
};

/** The audit log, newest first, for an admin: who, when, from which device, what. */
export async function readAuditLog(
  db: StoreDb,
  asker: AuthenticatedDevice,
  query: z.output<typeof AuditQuery>,
): Promise<AuditEntry[]> {
  requirePermission(asker, 'readApiLogs', 'read the API Logs');
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
  const [found, opens] = await Promise.all([
    rows.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(query.limit).execute(),
    query.kind === 'all' || query.kind === 'shareLinks' ? openPeriods(db, query) : [],
  ]);
  const entries: AuditEntry[] = found.map((row) => ({
    id: row.id,
    at: row.at,
    action: row.action,
    actor: row.actor,
    actorKind: row.actor_kind,
    device: row.device,
    subject: row.subject,
    details: JSON.parse(row.details) as Record<string, unknown>,
  }));
  return [...entries, ...opens]
    .sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at < a.at ? -1 : 1))
    .slice(0, query.limit);
}

/**
 * Share-link opens, one entry per link and hour: how many, the first and the last.
 * Opens are counted, not audited one by one (anyone holding a link can open it as
 * often as they like), and placed in the log at the hour's last open.
 */
async function openPeriods(db: StoreDb, query: z.output<typeof AuditQuery>): Promise<AuditEntry[]> {
  let rows = hubDb(db)
    .selectFrom('share_link_open_periods as p')
    .leftJoin('share_links as l', 'l.id', 'p.link_id')
    .select([
      'p.link_id',
      'p.period_start',
      'p.opens',
      'p.first_at',
      'p.last_at',
      'l.selection_id',
    ]);
  if (query.before) rows = rows.where('p.last_at', '<', query.before);
  const found = await rows.orderBy('p.last_at', 'desc').limit(query.limit).execute();
  return found.map((row) => ({
    id: `opens:${row.link_id}:${row.period_start}`,
    at: row.last_at,
    action: 'shareLink.opened',
    actor: null,
    actorKind: 'anonymous',
    device: null,
    subject: `share-link:${row.link_id}`,
    details: {
      opens: row.opens,
      firstAt: row.first_at,
      lastAt: row.last_at,
      selectionId: row.selection_id,
    },
  }));
}

/**
 * Who an audit entry names: a staff member on a device, an anonymous link holder (no
 * actor, no device), or the hub itself (a limit that locked an account, a start-up
 * setting).
 */
export type AuditActor =
  | { kind: 'staff'; userId: string; device: string | null }
  | { kind: 'anonymous' }
  | { kind: 'system' };

export function auditRow(entry: {
  at: string;
  actor: AuditActor;
  action: string;
  subject: string | null;
  details?: Record<string, unknown>;
}) {
  return {
    id: uuidv7(),
    at: entry.at,
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.kind === 'staff' ? entry.actor.userId : null,
    device: entry.actor.kind === 'staff' ? entry.actor.device : null,
    action: entry.action,
    subject: entry.subject,
    details: JSON.stringify(entry.details ?? {}),
  };
}

/** What a link holder did, as an audit row: anonymous, so no actor and no device. */
export function anonymousAuditRow(entry: {
  at: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
}) {
  return auditRow({ ...entry, actor: { kind: 'anonymous' } });
}

/**
 * An admin's change of one of the brand's hub-kept settings (`brand:smtp`,
 * `brand:stripe`), for API Logs under Settings, in the caller's transaction; never a secret.
 */
export async function auditSettingChange(
  trx: StoreDb,
  admin: AuthenticatedDevice,
  now: Date,
  change: { action: string; subject: string; details?: Record<string, unknown> },
): Promise<void> {
  await hubDb(trx)
    .insertInto('audit_log')
    .values(
      auditRow({
        at: now.toISOString(),
        actor: { kind: 'staff', userId: admin.userId, device: admin.id },
        ...change,
      }),
    )
    .execute();
}
