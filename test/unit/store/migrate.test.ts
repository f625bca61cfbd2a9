import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migratorFor, openStore, StoreMigrationError } from '../../../main/store/database.ts';
import { migrationsByKind, type StoreKind } from '../../../main/store/migrations/index.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function rawDb(file: string): Kysely<unknown> {
  return new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }) });
}

async function schemaOf(db: Kysely<unknown>): Promise<string[]> {
  const rows = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_schema
    where name not like 'sqlite_%' and name not like 'kysely_%' order by type, name`.execute(db);
  return rows.rows.map((row) => `${row.type} ${row.name}: ${row.sql ?? ''}`);
}

describe.each(['hub', 'replica'] as StoreKind[])('%s store migrations', (kind) => {
  const names = Object.keys(migrationsByKind[kind]);

  it('are named so that their order is their sort order', () => {
    expect(names).toEqual([...names].sort());
    expect(names.every((name) => /^\d{4}-[a-z0-9-]+$/.test(name))).toBe(true);
  });

  it('create the whole schema in an empty file, in WAL mode with full sync', async () => {
    const store = await openStore(join(dir, 'fresh.sqlite'), kind);
    const tables = (await schemaOf(store.db as Kysely<unknown>))
      .filter((line) => line.startsWith('table '))
      .map((line) => line.split(':')[0]!.slice('table '.length));
    expect(tables).toEqual(
      expect.arrayContaining([
        'products',
        'colorways',
        'skus',
        'prices',
        'stock',
        'buyers',
        'audit_log',
      ]),
    );
    const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    expect(journal.rows[0]?.journal_mode).toBe('wal');
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
    expect(sync.rows[0]?.synchronous).toBe(2);
    await store.close();
  });

  it.each(names.map((_, index) => index))(
    'bring a store from version %i (0 = empty) to the same schema as a fresh one',
    async (applied) => {
      const fresh = await openStore(join(dir, 'fresh.sqlite'), kind);
      const expected = await schemaOf(fresh.db as Kysely<unknown>);
      await fresh.close();

      const old = rawDb(join(dir, 'old.sqlite'));
      if (applied > 0) {
        const { error } = await migratorFor(old, kind).migrateTo(names[applied - 1]!);
        expect(error).toBeUndefined();
      }
      await old.destroy();

      const upgraded = await openStore(join(dir, 'old.sqlite'), kind);
      expect(await schemaOf(upgraded.db as Kysely<unknown>)).toEqual(expected);
      await upgraded.close();
    },
  );

  it('reopen an up-to-date store without changing it', async () => {
    const file = join(dir, 'store.sqlite');
    const first = await openStore(file, kind);
    await first.db
      .insertInto('pricelists')
      .values({ id: 'p1', name: 'Europe EUR', currency: 'EUR' })
      .execute();
    await first.close();
    const second = await openStore(file, kind);
    expect(await second.db.selectFrom('pricelists').select('name').execute()).toEqual([
      { name: 'Europe EUR' },
    ]);
    await second.close();
  });

  it('refuse, in words, a store written by a newer Trunkshow', async () => {
    const file = join(dir, 'newer.sqlite');
    const store = await openStore(file, kind);
    await store.close();
    const raw = rawDb(file);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')`.execute(
      raw,
    );
    await raw.destroy();
    await expect(openStore(file, kind)).rejects.toThrow(StoreMigrationError);
    await expect(openStore(file, kind)).rejects.toThrow(/could not be brought up to date/);
  });
});
