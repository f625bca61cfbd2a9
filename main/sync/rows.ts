import { sql, type Transaction } from 'kysely';
import type { StoreSchema } from '../store/schema.ts';
import type { SyncedEntity } from './entities.ts';

type Row = Record<string, unknown>;

/** A stored row as it travels: only the entity's columns, bytes as base64. */
export function encodeRow(entity: SyncedEntity, row: Row): Row {
  const out: Row = {};
  for (const column of entity.columns) {
    const value = row[column];
    out[column] =
      entity.binary.includes(column) && value instanceof Uint8Array
        ? Buffer.from(value).toString('base64')
        : (value ?? null);
  }
  return out;
}

/**
 * A travelled row as the store takes it. Columns this release does not know (sent by a
 * newer hub) are left out, so an older desktop keeps working on what it understands.
 */
export function decodeRow(entity: SyncedEntity, row: Row): Row {
  const out: Row = {};
  for (const column of entity.columns) {
    if (!(column in row)) continue;
    const value = row[column];
    out[column] =
      entity.binary.includes(column) && typeof value === 'string'
        ? Buffer.from(value, 'base64')
        : value;
  }
  return out;
}

export function keyWhere(entity: SyncedEntity, key: readonly [string, string]) {
  const [first, second] = entity.key;
  return second === undefined
    ? sql`${sql.ref(first)} = ${key[0]}`
    : sql`${sql.ref(first)} = ${key[0]} and ${sql.ref(second)} = ${key[1]}`;
}

export async function readRow(
  trx: Transaction<StoreSchema>,
  entity: SyncedEntity,
  key: readonly [string, string],
): Promise<Row | undefined> {
  const result =
    await sql<Row>`select * from ${sql.table(entity.table)} where ${keyWhere(entity, key)}`.execute(
      trx,
    );
  return result.rows[0];
}

/** Inserts the row or, when its key exists, updates the columns it carries. */
export async function upsertRow(
  trx: Transaction<StoreSchema>,
  entity: SyncedEntity,
  row: Row,
): Promise<void> {
  const columns = Object.keys(row);
  const updates = columns.filter((column) => !entity.key.includes(column));
  await sql`insert into ${sql.table(entity.table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values (${sql.join(columns.map((c) => row[c]))})
    on conflict (${sql.join(entity.key.map((c) => sql.ref(c)))}) do ${
      updates.length === 0
        ? sql`nothing`
        : sql`update set ${sql.join(updates.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}`
    }`.execute(trx);
}

/** Rows per statement in the batched reads and writes: well under SQLite's 32,766 bound values. */
function batchSize(columns: number): number {
  return Math.max(1, Math.floor(30_000 / Math.max(columns, 2)));
}

/** The rows with these keys, by `changeKey`'s pair joined with a NUL, in a statement per batch. */
export async function readRows(
  trx: Transaction<StoreSchema>,
  entity: SyncedEntity,
  keys: readonly (readonly [string, string])[],
): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  const [first, second] = entity.key;
  for (let start = 0; start < keys.length; start += batchSize(2)) {
    const batch = keys.slice(start, start + batchSize(2));
    const where =
      second === undefined
        ? sql`${sql.ref(first)} in (${sql.join(batch.map((key) => key[0]))})`
        : sql`(${sql.ref(first)}, ${sql.ref(second)}) in (values ${sql.join(
            batch.map((key) => sql`(${key[0]}, ${key[1]})`),
          )})`;
    const result = await sql<Row>`select * from ${sql.table(entity.table)} where ${where}`.execute(
      trx,
    );
    for (const row of result.rows) {
      const k1 = String(row[first]);
      found.set(`${k1}\u0000${second === undefined ? '' : String(row[second])}`, row);
    }
  }
  return found;
}

/** upsertRow for many rows carrying the same columns, in a statement per batch. */
export async function upsertRows(
  trx: Transaction<StoreSchema>,
  entity: SyncedEntity,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const updates = columns.filter((column) => !entity.key.includes(column));
  for (let start = 0; start < rows.length; start += batchSize(columns.length)) {
    const batch = rows.slice(start, start + batchSize(columns.length));
    await sql`insert into ${sql.table(entity.table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      values ${sql.join(batch.map((row) => sql`(${sql.join(columns.map((c) => row[c]))})`))}
      on conflict (${sql.join(entity.key.map((c) => sql.ref(c)))}) do ${
        updates.length === 0
          ? sql`nothing`
          : sql`update set ${sql.join(updates.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))}`
      }`.execute(trx);
  }
}

export async function deleteRow(
  trx: Transaction<StoreSchema>,
  entity: SyncedEntity,
  key: readonly [string, string],
): Promise<void> {
  await sql`delete from ${sql.table(entity.table)} where ${keyWhere(entity, key)}`.execute(trx);
}
