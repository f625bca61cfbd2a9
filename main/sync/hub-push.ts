import { sql, type Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { hubDb, type StoreDb } from '../store/database.ts';
import type { HubTables, StoreSchema } from '../store/schema.ts';
import { changeKey, syncedEntity } from './entities.ts';
import { mutatorNamed } from './mutators/index.ts';
import {
  MutationRefused,
  keptArgs,
  type AuditDetails,
  type MutationContext,
  type MutationTx,
  type Mutator,
  type SecretSealer,
} from './mutators/mutator.ts';
import { HubRefusal } from '../hub/errors.ts';
import { REFUSAL_CODES, type Mutation, type MutationResult, type RefusalCode } from './protocol.ts';
import { deleteRow, upsertRow, upsertRows } from './rows.ts';
import { guardKeys, inTransaction } from '../store/transactions.ts';

/** The device a push comes from, as its credential proved. */
export interface PushingDevice {
  id: string;
  userId: string;
  role: 'admin' | 'rep';
}

/** The push cannot be taken as it is; nothing of it was applied. */
export class PushRejected extends Error {
  readonly status: 400 | 409;
  readonly code: string;
  readonly expectedSeq: number | undefined;
  constructor(status: 400 | 409, code: string, message: string, expectedSeq?: number) {
    super(message);
    this.status = status;
    this.code = code;
    this.expectedSeq = expectedSeq;
  }
}

interface Checked {
  mutation: Mutation;
  mutator: Mutator<unknown>;
  args: unknown;
}

/**
 * Checks a whole push before applying any of it: every mutation known, its arguments
 * valid, seqs rising. A push that fails here changes nothing.
 */
export function checkPush(mutations: readonly Mutation[]): Checked[] {
  const checked: Checked[] = [];
  let previous = 0;
  for (const mutation of mutations) {
    if (mutation.seq <= previous) {
      throw new PushRejected(
        400,
        'invalid_input',
        `Mutations must be in rising seq order; seq ${mutation.seq} follows ${previous}.`,
      );
    }
    previous = mutation.seq;
    const mutator = mutatorNamed(mutation.name);
    if (!mutator) {
      throw new PushRejected(
        400,
        'unknown_mutation',
        `This hub does not know the change "${mutation.name}" (seq ${mutation.seq}). Nothing was applied; the hub may need updating.`,
      );
    }
    const args = mutator.args.safeParse(mutation.args);
    if (!args.success) {
      const issue = args.error.issues[0];
      throw new PushRejected(
        400,
        'invalid_input',
        `The change "${mutation.name}" (seq ${mutation.seq}) has invalid arguments${issue ? ` at ${issue.path.join('.') || 'its root'}: ${issue.message}` : ''}. Nothing was applied.`,
      );
    }
    checked.push({ mutation, mutator, args: args.data });
  }
  return checked;
}

function hubTx(trx: Transaction<StoreSchema>): MutationTx {
  return {
    db: trx,
    put(table, row) {
      return upsertRow(trx, syncedEntity(table)!, row);
    },
    putAll(table, rows) {
      return upsertRows(trx, syncedEntity(table)!, rows);
    },
    delete(table, key) {
      const entity = syncedEntity(table)!;
      return deleteRow(trx, entity, changeKey(entity, key));
    },
  };
}

/**
 * A change's refusal as the push keeps it: a mutator's own, or a hub service's (a
 * mutator applied by the hub's order service) under its code when sync knows it.
 * Anything else is a fault, not a refusal, and fails the push.
 */
function keptRefusal(error: unknown): MutationRefused {
  if (error instanceof MutationRefused) return error;
  if (error instanceof HubRefusal) {
    const known = (REFUSAL_CODES as readonly string[]).includes(error.code);
    return new MutationRefused(known ? (error.code as RefusalCode) : 'conflict', error.message);
  }
  throw error;
}

/**
 * Applies a push in seq order, each mutation in its own transaction that also moves
 * the device's last applied seq, so a retried or duplicated push applies nothing twice
 * and a push cut off half-way resumes where it stopped. A refusal rolls the change
 * back but is kept and still moves the seq: the rep will see it, and the next change
 * does not wait on it. A seq beyond the next expected one stops the push with 409.
 */
export async function applyPush(
  db: StoreDb,
  device: PushingDevice,
  mutations: readonly Mutation[],
  now: () => Date,
  secrets: SecretSealer | null = null,
): Promise<{ results: MutationResult[]; lastAppliedSeq: number; applied: number }> {
  const checked = checkPush(mutations);
  const hub = hubDb(db);
  const results: MutationResult[] = [];
  let applied = 0;
  let lastAppliedSeq = 0;
  for (const { mutation, mutator, args } of checked) {
    const at = now().toISOString();
    const context: MutationContext = {
      userId: device.userId,
      role: device.role,
      now: at,
      madeAt: mutation.at,
      side: 'hub',
    };
    const result = await inTransaction(
      hub,
      async (trx): Promise<MutationResult | { gap: number }> => {
        // One change of a device at a time, whichever instance its pushes reach.
        await guardKeys(trx, [`device:${device.id}`]);
        const { last_applied_seq: last } = await trx
          .selectFrom('devices')
          .select('last_applied_seq')
          .where('id', '=', device.id)
          .executeTakeFirstOrThrow();
        lastAppliedSeq = last;
        if (mutation.seq > last + 1) return { gap: last + 1 };
        if (mutation.seq <= last) {
          const refusal = await trx
            .selectFrom('sync_refusals')
            .select(['code', 'reason'])
            .where('device_id', '=', device.id)
            .where('seq', '=', mutation.seq)
            .executeTakeFirst();
          return refusal
            ? {
                seq: mutation.seq,
                status: 'refused',
                code: refusal.code as RefusalCode,
                reason: refusal.reason,
              }
            : { seq: mutation.seq, status: 'already_applied' };
        }

        // The mutator's writes sit in a savepoint, so a refusal undoes them and keeps the rest.
        await sql`savepoint mutation`.execute(trx);
        let refused: MutationRefused | null = null;
        let outcome: AuditDetails | void = undefined;
        try {
          outcome = mutator.applyOnHub
            ? await mutator.applyOnHub(trx, args, {
                ...context,
                side: 'hub',
                device: device.id,
                hub: trx.withTables<HubTables>(),
                tx: hubTx(trx),
                secrets,
              })
            : await mutator.apply(hubTx(trx), args, context);
          await sql`release mutation`.execute(trx);
        } catch (error) {
          await sql`rollback to mutation`.execute(trx);
          await sql`release mutation`.execute(trx);
          refused = keptRefusal(error);
        }
        const subject = mutator.subject(args);
        if (refused) {
          await trx
            .insertInto('sync_refusals')
            .values({
              device_id: device.id,
              seq: mutation.seq,
              mutation: mutation.name,
              subject,
              summary: mutator.summary(args),
              code: refused.code,
              reason: refused.message,
              args: JSON.stringify(keptArgs(mutator, args)),
              at,
            })
            .execute();
        }
        await trx
          .updateTable('devices')
          .set({ last_applied_seq: mutation.seq, last_seen_at: at })
          .where('id', '=', device.id)
          .execute();
        await trx
          .insertInto('audit_log')
          .values({
            id: uuidv7(),
            at,
            actor_kind: 'staff',
            actor_id: device.userId,
            device: device.id,
            action: refused ? 'sync.refused' : mutation.name,
            subject,
            details: JSON.stringify(
              refused
                ? {
                    mutation: mutation.name,
                    seq: mutation.seq,
                    code: refused.code,
                    reason: refused.message,
                  }
                : {
                    seq: mutation.seq,
                    madeAt: mutation.at,
                    args: keptArgs(mutator, args),
                    ...outcome,
                  },
            ),
          })
          .execute();
        lastAppliedSeq = mutation.seq;
        return refused
          ? { seq: mutation.seq, status: 'refused', code: refused.code, reason: refused.message }
          : { seq: mutation.seq, status: 'applied' };
      },
      { guarded: mutator.guarded === true },
    );
    if ('gap' in result) {
      throw new PushRejected(
        409,
        'out_of_order',
        `Change ${mutation.seq} arrived before change ${result.gap}; send the changes from ${result.gap} on, in order.`,
        result.gap,
      );
    }
    if (result.status === 'applied') applied++;
    results.push(result);
  }
  return { results, lastAppliedSeq, applied };
}
