import { z } from 'zod';
import type { StockRefusal } from '../../main/domain/stock.ts';
import { operation } from './operation.ts';

/**
 * - offline: the hub cannot be reached; changes wait in the outbox.
 * - revoked: an admin revoked this device; the rep must sign in again.
 * - update_required: the hub speaks a newer sync protocol; the app must be updated.
 */
export type SyncConnection =
  'signed_out' | 'online' | 'syncing' | 'offline' | 'revoked' | 'update_required';

/**
 * Why the last sync failed, as a code the showroom puts in the rep's language:
 * - unreachable: the hub could not be reached (offline, or the hub is down);
 * - revoked: the hub no longer accepts this device;
 * - update_required: the hub speaks a newer sync protocol;
 * - hub_outdated: the hub does not know a change this app made (it needs updating);
 * - hub_busy: the hub asked to wait (too many requests, or closing);
 * - refused: the hub refused the sync for another reason;
 * - unexpected: anything else (the message says what, in the log).
 */
export const SYNC_PROBLEMS = [
  'unreachable',
  'revoked',
  'update_required',
  'hub_outdated',
  'hub_busy',
  'refused',
  'unexpected',
] as const;
export type SyncProblemCode = (typeof SYNC_PROBLEMS)[number];

export interface SyncProblem {
  code: SyncProblemCode;
  /** In English, for logs and support: never shown as it is. */
  message: string;
}

export interface SyncStatus {
  connection: SyncConnection;
  /** Local changes not yet accepted or refused by the hub. */
  pending: number;
  /** Changes the hub refused that the rep has not dismissed. */
  refused: number;
  /** When the last sync that reached the hub ended, ISO 8601. */
  lastSyncAt: string | null;
  /** The last failure; null after a sync succeeds. */
  lastProblem: SyncProblem | null;
  /** Rises whenever the replica's data changes (local edit or pulled rows); views reload on change. */
  dataVersion: number;
  /** While a first sync downloads the brand; null once it is done. */
  progress: SyncProgress | null;
}

export interface SyncProgress {
  /** Rows received so far. */
  rows: number;
  /**
   * How much of the hub's change log has been read, 0 to 1 (it rises as pages arrive);
   * null until the first page says, or when the hub does not.
   */
  fraction: number | null;
}

/** A change the hub refused, kept until the rep dismisses it. */
export interface SyncRefusal {
  seq: number;
  /** What was asked, e.g. "buyer.create.v1". */
  mutation: string;
  /** What it was about, e.g. "buyer:0193…"; the view that shows that thing shows the refusal. */
  subject: string | null;
  /** A short description of the change, e.g. "Create buyer “Maison Kura”". */
  summary: string;
  code: 'forbidden' | 'not_found' | 'conflict' | 'invalid_input' | StockRefusal | 'deadline_passed';
  reason: string;
  /** The change's arguments, so the rep can correct and send it again. */
  args: unknown;
  at: string;
}

export const syncOperations = {
  'sync.status': operation<SyncStatus>()({
    input: z.strictObject({}),
    summary: 'Online or offline, changes waiting, last sync and last error',
  }),
  'sync.now': operation<SyncStatus>()({
    input: z.strictObject({}),
    summary: 'Sync with the hub now instead of waiting',
  }),
  'sync.refusals': operation<SyncRefusal[]>()({
    input: z.strictObject({ subject: z.string().max(200).optional() }),
    summary: 'Changes the hub refused and the rep has not dismissed, newest first',
  }),
  'sync.dismissRefusal': operation<SyncStatus>()({
    input: z.strictObject({ seq: z.number().int().positive() }),
    summary: 'Dismiss a refused change once the rep has seen it',
  }),
};
