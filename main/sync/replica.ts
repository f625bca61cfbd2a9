import { sql, type Transaction } from 'kysely';
import { replicaDb, sqliteHandleOf, type StoreDb } from '../store/database.ts';
import type { StoreSchema } from '../store/schema.ts';
import { changeKey, SYNCED_ENTITIES, syncedEntity, type SyncedEntity } from './entities.ts';
import { mutatorNamed } from './mutators/index.ts';
import {
  MutationRefused,
  type MutationContext,
  type MutationTx,
  type Mutator,
} from './mutators/mutator.ts';
import type { Change, Mutation, PullResponse, Refusal } from './protocol.ts';
import {
  decodeRow,
  deleteRow,
  encodeRow,
  readRow,
  readRows,
  upsertRow,
  upsertRows,
} from './rows.ts';
import { inTransaction } from '../store/transactions.ts';
import { giveWay } from '../platform/give-way.ts';

/**
 * The desktop's replica of the hub: local changes applied at once and queued in the
 * outbox in the same transaction, and pulled pages applied with a rebase, so the
 * replica always shows the hub's rows with the rep's pending changes on top.
 */
export interface ReplicaAccount {
  userId: string;
  role: 'admin' | 'rep';
  deviceId: string;
}

type Row = Record<string, unknown>;
type SqliteHandle = ReturnType<typeof sqliteHandleOf>;

/**
 * Writes that remember what they overwrote, step by step, so the change can be set
 * aside (undone) before the hub's rows are applied and replayed after.
 */
function recordingTx(trx: Transaction<StoreSchema>, seq: number): MutationTx {
  let step = 0;
  const remember = async (entity: SyncedEntity, key: [string, string]) => {
    const before = await readRow(trx, entity, key);
    await replicaDb(trx)
      .insertInto('outbox_undo')
      .values({
        seq,
        step: step++,
        entity: entity.table,
        k1: key[0],
        k2: key[1],
        before: before ? JSON.stringify(encodeRow(entity, before)) : null,
      })
      .execute();
  };
  return {
    db: trx,
    async put(table, row) {
      const entity = syncedEntity(table)!;
      await remember(entity, changeKey(entity, row));
      await upsertRow(trx, entity, row);
    },
    async putAll(table, rows) {
      const entity = syncedEntity(table)!;
      const keys = rows.map((row) => changeKey(entity, row));
      const before = await readRows(trx, entity, keys);
      const undo = keys.map((key) => {
        const row = before.get(`${key[0]}\u0000${key[1]}`);
        return {
          seq,
          step: step++,
          entity: entity.table,
          k1: key[0],
          k2: key[1],
          before: row ? JSON.stringify(encodeRow(entity, row)) : null,
        };
      });
      // Six values a row: a statement per 5,000 rows stays under SQLite's bound values.
      for (let start = 0; start < undo.length; start += 5_000) {
        await replicaDb(trx)
          .insertInto('outbox_undo')
          .values(undo.slice(start, start + 5_000))
          .execute();
      }
      await upsertRows(trx, entity, rows);
    },
    async delete(table, keyRow) {
      const entity = syncedEntity(table)!;
      const key = changeKey(entity, keyRow);
      await remember(entity, key);
      await deleteRow(trx, entity, key);
    },
  };
}

/** Raised when the rep's change cannot be made even locally; nothing was written. */
export class LocalChangeRefused extends Error {
  readonly code: MutationRefused['code'];
  constructor(refusal: MutationRefused) {
    super(refusal.message);
    this.code = refusal.code;
  }
}

/**
 * Applies a change to the replica and appends it to the outbox, in one transaction:
 * either the rep sees the change and it will reach the hub, or neither.
 */
export async function enqueue<Args>(
  db: StoreDb,
  account: ReplicaAccount,
  mutator: Mutator<Args>,
  args: Args,
  now: Date,
): Promise<number> {
  const at = now.toISOString();
  return inTransaction(db, async (trx) => {
    const replica = replicaDb(trx);
    const { next_seq: seq } = await replica
      .selectFrom('sync_state')
      .select('next_seq')
      .executeTakeFirstOrThrow();
    const context: MutationContext = {
      userId: account.userId,
      role: account.role,
      now: at,
      madeAt: at,
      side: 'replica',
    };
    try {
      await mutator.apply(recordingTx(trx, seq), args, context);
    } catch (error) {
      if (error instanceof MutationRefused) throw new LocalChangeRefused(error);
      throw error;
    }
    await replica
      .insertInto('outbox')
      .values({
        seq,
        mutation: mutator.name,
        args: JSON.stringify(args),
        subject: mutator.subject(args),
        summary: mutator.summary(args),
        created_at: at,
      })
      .execute();
    await replica
      .updateTable('sync_state')
      .set({ next_seq: seq + 1 })
      .execute();
    return seq;
  });
}

/** The oldest changes still waiting for the hub, as a push sends them. */
export async function pendingMutations(
  db: StoreDb,
  after: number,
  limit: number,
): Promise<Mutation[]> {
  const rows = await replicaDb(db)
    .selectFrom('outbox')
    .select(['seq', 'mutation', 'args', 'created_at'])
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    name: row.mutation,
    args: JSON.parse(row.args) as unknown,
    at: row.created_at,
  }));
}

async function undoPending(trx: Transaction<StoreSchema>): Promise<void> {
  const steps = await replicaDb(trx)
    .selectFrom('outbox_undo')
    .selectAll()
    .orderBy('seq', 'desc')
    .orderBy('step', 'desc')
    .execute();
  for (const step of steps) {
    const entity = syncedEntity(step.entity);
    if (!entity) continue;
    const key: [string, string] = [step.k1, step.k2];
    if (step.before === null) {
      await deleteRow(trx, entity, key);
    } else {
      await deleteRow(trx, entity, key);
      await upsertRow(trx, entity, decodeRow(entity, JSON.parse(step.before) as Row));
    }
  }
  await replicaDb(trx).deleteFrom('outbox_undo').execute();
}

async function replayPending(
  trx: Transaction<StoreSchema>,
  account: ReplicaAccount,
): Promise<void> {
  const pending = await replicaDb(trx).selectFrom('outbox').selectAll().orderBy('seq').execute();
  for (const entry of pending) {
    const mutator = mutatorNamed(entry.mutation);
    if (!mutator) continue;
    const context: MutationContext = {
      userId: account.userId,
      role: account.role,
      now: entry.created_at,
      madeAt: entry.created_at,
      side: 'replica',
    };
    await sql`savepoint replay`.execute(trx);
    try {
      await mutator.apply(recordingTx(trx, entry.seq), JSON.parse(entry.args) as unknown, context);
      await sql`release replay`.execute(trx);
    } catch (error) {
      // The hub's newer rows no longer take this change here; it stays queued and the
      // hub, which decides, will apply or refuse it.
      await sql`rollback to replay`.execute(trx);
      await sql`release replay`.execute(trx);
      if (!(error instanceof MutationRefused)) throw error;
    }
  }
}

/** Rows written between two gives of way (a few milliseconds' worth). */
const ROWS_BETWEEN_BREATHS = 1_000;

const ORDER = new Map(SYNCED_ENTITIES.map((entity, index) => [entity.table as string, index]));

async function applyChanges(
  trx: Transaction<StoreSchema>,
  sqlite: SqliteHandle,
  changes: readonly Change[],
): Promise<void> {
  const byEntity = new Map<SyncedEntity, { puts: Row[]; deletes: [string, string][] }>();
  for (const change of changes) {
    // An entity this release does not know (from a newer hub) is skipped, not an error.
    const entity = syncedEntity(change.entity);
    if (!entity) continue;
    let group = byEntity.get(entity);
    if (!group) byEntity.set(entity, (group = { puts: [], deletes: [] }));
    if (change.row) group.puts.push(decodeRow(entity, change.row));
    else group.deletes.push(change.key);
  }
  const ordered = [...byEntity].sort(([a], [b]) => ORDER.get(a.table)! - ORDER.get(b.table)!);
  for (const [entity, group] of ordered) {
    for (const key of group.deletes) await deleteRow(trx, entity, key);
    if (group.puts.length === 0) continue;
    // Whole rows replace whole rows: the hub's row is the truth, uniqueness included.
    // One prepared statement per entity, run on the handle under the open transaction.
    const columns = entity.columns;
    const replace = sqlite.prepare(
      `insert or replace into "${entity.table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
    for (const [index, row] of group.puts.entries()) {
      // A page of 20,000 rows takes a quarter of a second: giving way now and then lets
      // the request for the next page go out (the hub reads it meanwhile) and keeps the
      // app answering. The transaction holds the connection: no other query comes between.
      if (index > 0 && index % ROWS_BETWEEN_BREATHS === 0) await giveWay();
      replace.run(columns.map((column) => row[column] ?? null));
    }
  }
}

/** What applying a pulled page did; null: nothing, the replica no longer stands where it was read from. */
type PageApplied = { rows: number; acknowledged: number; refusals: number } | null;

/**
 * Applies one pulled page, rebasing: pending changes are set aside, the hub's rows
 * applied, changes the hub has now applied (or refused) dropped from the outbox, its
 * refusals kept for the rep, and the rest replayed on top. One transaction, so a pull
 * cut off anywhere leaves the replica as it was. The page is applied only while the
 * replica's cursor is still `readFrom`, the cursor it was asked for with, checked in
 * the same transaction: a replica started over meanwhile (a sign-in to another brand)
 * never gets a page of what was there.
 */
export async function applyPulledPage(
  db: StoreDb,
  account: ReplicaAccount,
  page: PullResponse,
  readFrom: number,
  now: Date,
): Promise<PageApplied> {
  const sqlite = sqliteHandleOf(db);
  // Pulled rows can be pulled again, so their pages commit without waiting for the disk
  // (a power cut loses the last pages and their cursor together, never the outbox,
  // whose own writes keep full sync). The connection is held so nothing else commits
  // in between.
  return db.connection().execute(async (connection) => {
    await sql`pragma synchronous = normal`.execute(connection);
    try {
      return await applyPage(connection, sqlite, account, page, readFrom, now);
    } finally {
      await sql`pragma synchronous = full`.execute(connection);
    }
  });
}

async function applyPage(
  db: StoreDb,
  sqlite: SqliteHandle,
  account: ReplicaAccount,
  page: PullResponse,
  readFrom: number,
  now: Date,
): Promise<PageApplied> {
  return inTransaction(db, async (trx) => {
    const replica = replicaDb(trx);
    const state = await replica.selectFrom('sync_state').select('cursor').executeTakeFirst();
    if ((state?.cursor ?? 0) !== readFrom) return null;
    const hasPending = await replica.selectFrom('outbox').select('seq').limit(1).executeTakeFirst();
    if (hasPending) await undoPending(trx);
    await applyChanges(trx, sqlite, page.changes);
    const acknowledged = await replica
      .deleteFrom('outbox')
      .where('seq', '<=', page.lastAppliedSeq)
      .executeTakeFirst();
    if (page.refusals.length > 0) await keepRefusals(trx, account.deviceId, page.refusals);
    if (hasPending) await replayPending(trx, account);
    await replica
      .updateTable('sync_state')
      .set({ cursor: page.cursor, last_sync_at: now.toISOString() })
      .execute();
    return {
      rows: page.changes.length,
      acknowledged: Number(acknowledged.numDeletedRows),
      refusals: page.refusals.length,
    };
  });
}

async function keepRefusals(
  trx: Transaction<StoreSchema>,
  deviceId: string,
  refusals: readonly Refusal[],
): Promise<void> {
  await replicaDb(trx)
    .insertInto('sync_refusals')
    .values(
      refusals.map((refusal) => ({
        device_id: deviceId,
        seq: refusal.seq,
        mutation: refusal.mutation,
        subject: refusal.subject,
        summary: refusal.summary,
        code: refusal.code,
        reason: refusal.reason,
        args: JSON.stringify(refusal.args),
        at: refusal.at,
        dismissed_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(['device_id', 'seq']).doNothing())
    .execute();
}

/** Empties every table the hub fills, for a replica that starts over (another hub or account). */
export async function clearReplica(trx: Transaction<StoreSchema>): Promise<void> {
  for (const entity of [...SYNCED_ENTITIES].reverse()) {
    await sql`delete from ${sql.table(entity.table)}`.execute(trx);
  }
  const replica = replicaDb(trx);
  await replica.deleteFrom('outbox_undo').execute();
  await replica.deleteFrom('outbox').execute();
  await replica.deleteFrom('sync_refusals').execute();
}

/** Folds the write-ahead log into the file and refreshes the query planner's statistics. */
export async function refreshStatistics(db: StoreDb): Promise<void> {
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
  // Sampled statistics (as SQLite advises for `optimize`) are as good for the planner here
  // and take a fraction of a full scan of half a million rows.
  await sql`pragma analysis_limit = 1000`.execute(db);
  await sql`analyze`.execute(db);
}
