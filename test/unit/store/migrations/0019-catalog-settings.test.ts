import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CATALOG_SEASON } from '../../../../main/domain/catalogs.ts';
import { migratorFor } from '../../../../main/store/database.ts';

let db: Kysely<unknown>;
afterEach(() => db.destroy());

function open(): Kysely<unknown> {
  const sqlite = new BetterSqlite3(':memory:');
  sqlite.pragma('foreign_keys = ON');
  return new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
}

describe('0019-catalog-settings', () => {
  it.each(['hub', 'replica'] as const)(
    'on a %s, gives catalogs made before it the defaults and keeps stray values out',
    async (kind) => {
      db = open();
      await migratorFor(db, kind).migrateTo('0018-stock-held');
      await sql`insert into catalogs (id, name, status) values ('c1', 'SS27 Main', 'Open')`.execute(
        db,
      );
      const { error } = await migratorFor(db, kind).migrateToLatest();
      expect(error).toBeUndefined();
      const rows = await sql`select season, address_field, payment_methods, shipping_rate_group_ids
        from catalogs`.execute(db);
      expect(rows.rows).toEqual([
        {
          season: '',
          address_field: 'show',
          payment_methods: '["outside_app"]',
          shipping_rate_group_ids: '[]',
        },
      ]);
      for (const change of [
        sql`update catalogs set address_field = 'maybe'`,
        sql`update catalogs set payment_methods = '[]'`,
        sql`update catalogs set payment_methods = 'outside_app'`,
        sql`update catalogs set shipping_rate_group_ids = '{}'`,
        sql`update catalogs set season = ${'x'.repeat(MAX_CATALOG_SEASON + 1)}`,
      ]) {
        await expect(change.execute(db)).rejects.toThrow(/CHECK constraint failed/);
      }
    },
  );
});
