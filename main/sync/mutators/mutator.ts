import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { StaffRole } from '../../domain/model.ts';
import { can, type StaffAction } from '../../domain/permissions.ts';
import type { HubSchema, StoreSchema } from '../../store/schema.ts';
import type { RefusalCode } from '../protocol.ts';
import type { SyncedTable } from '../entities.ts';

/** Who made a change, where, and when: what the hub checks and the audit log names. */
export interface MutationContext {
  userId: string;
  role: StaffRole;
  /** The instant the change is applied at (the hub's clock on the hub). */
  now: string;
  /**
   * When the rep made the change, on the device's clock: the same as `now` on the
   * desktop; earlier on the hub for a change made offline. For rules that count from
   * the moment something happened in front of a buyer, not from when the hub heard.
   */
  madeAt: string;
  /** 'replica' when applied on the desktop ahead of the hub, 'hub' when applied for good. */
  side: 'hub' | 'replica';
}

/** On the hub, the context also names the device the change came from. */
export interface HubMutationContext extends MutationContext {
  side: 'hub';
  device: string;
  /** The push's transaction with the hub's own tables, for what never leaves the hub. */
  hub: Kysely<HubSchema>;
  /** The same transaction as `apply` writes through, so applyOnHub can run `apply` too. */
  tx: MutationTx;
  /** Seals a secret the hub must read again under its key; null on a hub without one. */
  secrets: SecretSealer | null;
}

export interface SecretSealer {
  seal(text: string, use: 'link token'): string;
}

/**
 * What a mutator may do to the store. Writes go through put/delete so the replica can
 * note what each change overwrote (to set it aside on the next pull) and the hub's
 * change log sees every row; reads use the transaction directly.
 */
export interface MutationTx {
  readonly db: Transaction<StoreSchema>;
  /** Inserts the row, or updates the row with its key. */
  put(table: SyncedTable, row: Record<string, unknown>): Promise<void>;
  /**
   * put for many rows of one table carrying the same columns, in a few statements: an
   * order's 500 lines are written (and, on a replica, noted) as one batch, not 500 puts.
   */
  putAll(table: SyncedTable, rows: readonly Record<string, unknown>[]): Promise<void>;
  delete(table: SyncedTable, key: Record<string, unknown>): Promise<void>;
}

/**
 * A named, versioned change, applied the same way on the desktop (at once, ahead of the
 * hub) and on the hub (for good). A mutator refuses by throwing MutationRefused; on the
 * hub the refusal is kept and sent back to the rep who made the change.
 */
export interface Mutator<Args> {
  /** Versioned: `buyer.create.v1`. A changed meaning is a new name, never an edit. */
  readonly name: string;
  readonly args: z.ZodType<Args>;
  /** What the change is about, e.g. `buyer:<id>`, so the view showing it can say it is waiting. */
  subject(args: Args): string | null;
  /** The change in a few words, for the rep's list of refused changes. */
  summary(args: Args): string;
  /**
   * Applies the change. What it answers (e.g. a link's expiry as fixed on the hub) goes
   * into the hub's audit entry beside the arguments.
   */
  apply(tx: MutationTx, args: Args, context: MutationContext): Promise<void | AuditDetails>;
  /**
   * Applies the change on the hub instead of `apply`, when the hub alone owns its rules
   * (an order's number, its stock, its states' history): the hub's service runs in the
   * push's transaction, and a HubRefusal it throws is kept as the change's refusal. The
   * replica still runs `apply`, ahead of the hub, for what the rep sees meanwhile.
   */
  applyOnHub?(
    trx: Transaction<StoreSchema>,
    args: Args,
    context: HubMutationContext,
  ): Promise<void | AuditDetails>;
  /**
   * Every check the change makes is guarded (guardKeys on the things it reads and
   * writes), so on the hub it need not queue behind the check lock every other write
   * takes: a rep's selection edits run beside checkouts and the other reps' edits. Set
   * it only when no check the change makes can be undone by a writer it no longer waits for.
   */
  readonly guarded?: true;
  /** The arguments as the audit log keeps them, when not all of them belong there. */
  auditArgs?(args: Args): AuditDetails;
  /**
   * Arguments that are secrets (a link's token, a passcode's hash): the hub uses them and
   * never writes them to the audit log or a kept refusal.
   */
  secretArgs?: readonly string[];
}

export type AuditDetails = Record<string, unknown>;

/** The arguments with the mutator's secret ones left out, for what the hub keeps of a change. */
export function keptArgs<Args>(mutator: Mutator<Args>, args: Args): AuditDetails {
  if (mutator.auditArgs) return mutator.auditArgs(args);
  const kept = { ...(args as AuditDetails) };
  for (const name of mutator.secretArgs ?? []) delete kept[name];
  return kept;
}

export class MutationRefused extends Error {
  readonly code: RefusalCode;
  constructor(code: RefusalCode, reason: string) {
    super(reason);
    this.name = 'MutationRefused';
    this.code = code;
  }
}

/** Refuses the change, with the reason given, when the person's role may not do this. */
export function requirePermission(
  context: MutationContext,
  action: StaffAction,
  reason: string,
): void {
  if (!can(context.role, action)) throw new MutationRefused('forbidden', reason);
}

/** Helps declare a mutator with its argument type inferred from its schema. */
export function mutator<Schema extends z.ZodType>(
  definition: Mutator<z.output<Schema>> & { args: Schema },
): Mutator<z.output<Schema>> {
  return definition;
}
