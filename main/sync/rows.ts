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

export async function deleteRow(
  trx: Transaction<StoreSchema>,
  entity: SyncedEntity,
  key: readonly [string, string],
): Promise<void> {
  await sql`delete from ${sql.table(entity.table)} where ${keyWhere(entity, key)}`.execute(trx);
}
