import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, sqliteHandleOf, type Store } from '../../../main/store/database.ts';
import { postgresHubMigrations } from '../../../main/store/migrations/postgres/index.ts';
import { createTestDatabase, type TestDatabase } from '../../support/postgres.ts';

/**
 * The PostgreSQL hub schema against the SQLite hub's at the same migration: each side is
 * described as sorted lines naming table and column, so a difference shows as the lines
 * that differ. Then the change log and a sample of checks are driven with the same SQL
 * on both engines.
 */

/** As the hub's PostgreSQL store reads them: int8 (bigint) columns as JS numbers. */
function postgresDb(url: string): Kysely<unknown> {
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, Number);
  return new Kysely({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, types }) }),
  });
}

function migrator(db: Kysely<unknown>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...postgresHubMigrations }) },
  });
}

let database: TestDatabase;
let postgres: Kysely<unknown>;
let dir: string;
let store: Store;
let sqlite: ReturnType<typeof sqliteHandleOf>;

beforeAll(async () => {
  database = await createTestDatabase('postgres_schema');
  postgres = postgresDb(database.url);
  dir = mkdtempSync(join(tmpdir(), 'trunkshow-postgres-schema-'));
  store = await openStore(join(dir, 'hub.sqlite'), 'hub');
  sqlite = sqliteHandleOf(store.db);
});

afterAll(async () => {
  await postgres?.destroy();
  await database?.drop();
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function postgresRows<T>(query: string): Promise<T[]> {
  return (await sql.raw<T>(query).execute(postgres)).rows;
}

function sqliteRows<T>(query: string): T[] {
  return sqlite.prepare(query).all() as T[];
}

/** Tables of the hub itself, not Kysely's migration bookkeeping. */
const hubTable = (name: string) => !name.startsWith('kysely_');

function sqliteTables(): string[] {
  return sqliteRows<{ name: string }>(
    `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
  )
    .map((row) => row.name)
    .filter(hubTable);
}

async function postgresTables(): Promise<string[]> {
  return (
    await postgresRows<{ name: string }>(`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)
  )
    .map((row) => row.name)
    .filter(hubTable);
}

/** pg_get_indexdef quotes a column named like a keyword ("position"); SQLite's pragmas do not. */
const indexLine = (row: { line: string }) => row.line.replaceAll('"', '');

const SQLITE_TYPE_ON_POSTGRES: Readonly<Record<string, string>> = {
  TEXT: 'text',
  INTEGER: 'bigint',
  REAL: 'double precision',
  BLOB: 'bytea',
};

describe('the PostgreSQL hub migrations', () => {
  it('run from an empty database', async () => {
    const { error, results } = await migrator(postgres).migrateToLatest();
    expect(error).toBeUndefined();
    expect(results?.map((r) => [r.migrationName, r.status])).toEqual([
      ['0029-baseline', 'Success'],
      ['0030-change-log-at-commit', 'Success'],
    ]);
  });

  it('move a 0029 database with its rows to the change log at commit', async () => {
    const earlier = await createTestDatabase('postgres_schema_0029');
    const db = postgresDb(earlier.url);
    try {
      expect((await migrator(db).migrateTo('0029-baseline')).error).toBeUndefined();
      await sql`insert into warehouses (id, name) values ('before', 'Before')`.execute(db);
      const { error, results } = await migrator(db).migrateToLatest();
      expect(error).toBeUndefined();
      expect(results?.map((r) => r.migrationName)).toEqual(['0030-change-log-at-commit']);
      const triggers = await sql<{ deferred: boolean }>`
        select bool_and(tgdeferrable and tginitdeferred) as deferred from pg_trigger
        where not tgisinternal and tgfoid = 'change_log_record'::regproc`.execute(db);
      expect(triggers.rows).toEqual([{ deferred: true }]);
      await sql`insert into warehouses (id, name) values ('after', 'After')`.execute(db);
      const logged = await sql<{ k1: string }>`
        select k1 from change_log where entity = 'warehouses' order by version`.execute(db);
      expect(logged.rows.map((row) => row.k1)).toEqual(['before', 'after']);
    } finally {
      await db.destroy();
      await earlier.drop();
    }
  });

  it('apply the baseline once when two hub instances migrate a fresh database at once', async () => {
    const fresh = await createTestDatabase('postgres_schema_race');
    const instances = [postgresDb(fresh.url), postgresDb(fresh.url)];
    try {
      const runs = await Promise.all(instances.map((db) => migrator(db).migrateToLatest()));
      expect(runs.map((run) => run.error)).toEqual([undefined, undefined]);
      const applied = runs.flatMap((run) => run.results ?? []);
      expect(applied.map((r) => [r.migrationName, r.status])).toEqual([
        ['0029-baseline', 'Success'],
        ['0030-change-log-at-commit', 'Success'],
      ]);
      const recorded = await sql<{ name: string }>`
        select name from kysely_migration order by name`.execute(instances[0]!);
      expect(recorded.rows).toEqual([
        { name: '0029-baseline' },
        { name: '0030-change-log-at-commit' },
      ]);
    } finally {
      await Promise.all(instances.map((db) => db.destroy()));
      await fresh.drop();
    }
  });
});

describe('the PostgreSQL hub schema matches the SQLite hub at 0029', () => {
  it('has the same tables, and the clock its change log counts on', async () => {
    expect(await postgresTables()).toEqual(sqliteTables().sort());
  });

  it('has the same columns, types, nullability and defaults', async () => {
    const expected = sqliteTables().flatMap((table) =>
      sqliteRows<{
        name: string;
        type: string;
        notnull: number;
        dflt_value: string | null;
        pk: number;
      }>(`select * from pragma_table_info('${table}')`).map((column) => {
        const type = SQLITE_TYPE_ON_POSTGRES[column.type.toUpperCase()] ?? column.type;
        // A key column is never null on PostgreSQL; SQLite lets a text key hold null
        // (its documented legacy quirk), which no hub code writes.
        const nullability = column.notnull || column.pk ? 'not null' : 'null';
        return `${table}.${column.name} ${type} ${nullability} default ${column.dflt_value ?? 'none'}`;
      }),
    );
    const actual = (
      await postgresRows<{
        table_name: string;
        column_name: string;
        data_type: string;
        is_nullable: string;
        column_default: string | null;
      }>(`select table_name, column_name, data_type, is_nullable, column_default
        from information_schema.columns where table_schema = 'public'`)
    )
      .filter((column) => hubTable(column.table_name))
      .map((column) => {
        const nullability = column.is_nullable === 'YES' ? 'null' : 'not null';
        // PostgreSQL spells a literal default with its type: '[]'::text is SQLite's '[]'.
        const dflt = column.column_default?.replace(/::(text|bigint)$/, '') ?? 'none';
        return `${column.table_name}.${column.column_name} ${column.data_type} ${nullability} default ${dflt}`;
      });
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('has the same primary keys', async () => {
    const expected = sqliteTables().map((table) => {
      const key = sqliteRows<{ name: string; pk: number }>(
        `select name, pk from pragma_table_info('${table}') where pk > 0 order by pk`,
      ).map((column) => column.name);
      return `${table} (${key.join(', ')})`;
    });
    const actual = await postgresRows<{ line: string }>(`
      select c.relname || ' (' || coalesce((
        select string_agg(a.attname, ', ' order by k.n)
        from pg_index i, unnest(i.indkey) with ordinality k (attnum, n), pg_attribute a
        where i.indrelid = c.oid and i.indisprimary and a.attrelid = c.oid and a.attnum = k.attnum
      ), '') || ')' as line
      from pg_class c
      where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'`);
    expect(
      actual
        .map((row) => row.line)
        .filter((line) => hubTable(line))
        .sort(),
    ).toEqual(expected.sort());
  });

  it('has the same unique column sets, partial ones still partial', async () => {
    const expected = sqliteTables().flatMap((table) =>
      sqliteRows<{ name: string; unique: number; origin: string; partial: number }>(
        `select * from pragma_index_list('${table}')`,
      )
        .filter((index) => index.unique && index.origin !== 'pk')
        .map((index) => {
          const columns = sqliteRows<{ name: string }>(
            `select name from pragma_index_info('${index.name}') order by seqno`,
          ).map((column) => column.name);
          return `${table} unique (${columns.join(', ')})${index.partial ? ' partial' : ''}`;
        }),
    );
    const actual = await postgresRows<{ line: string }>(`
      select c.relname || ' unique (' || (
        select string_agg(pg_get_indexdef(i.indexrelid, k.n::int, true), ', ' order by k.n)
        from generate_series(1, i.indnkeyatts) k (n)
      ) || ')' || case when i.indpred is null then '' else ' partial' end as line
      from pg_index i join pg_class c on c.oid = i.indrelid
      where c.relnamespace = 'public'::regnamespace and i.indisunique and not i.indisprimary`);
    expect(actual.map(indexLine).filter(hubTable).sort()).toEqual(expected.sort());
  });

  it('has the same foreign keys and what deleting the referred row does', async () => {
    const expected = sqliteTables().flatMap((table) => {
      const references = new Map<
        number,
        { from: string[]; to: string[]; table: string; onDelete: string }
      >();
      for (const key of sqliteRows<{
        id: number;
        table: string;
        from: string;
        to: string;
        on_delete: string;
      }>(`select * from pragma_foreign_key_list('${table}') order by id, seq`)) {
        const reference = references.get(key.id) ?? {
          from: [],
          to: [],
          table: key.table,
          onDelete: key.on_delete.toLowerCase(),
        };
        reference.from.push(key.from);
        reference.to.push(key.to);
        references.set(key.id, reference);
      }
      return [...references.values()].map(
        (r) =>
          `${table} (${r.from.join(', ')}) → ${r.table} (${r.to.join(', ')}) on delete ${r.onDelete}`,
      );
    });
    const actual = await postgresRows<{ line: string }>(`
      select c.conrelid::regclass::text || ' (' || (
        select string_agg(a.attname, ', ' order by k.n)
        from unnest(c.conkey) with ordinality k (attnum, n)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
      ) || ') → ' || c.confrelid::regclass::text || ' (' || (
        select string_agg(a.attname, ', ' order by k.n)
        from unnest(c.confkey) with ordinality k (attnum, n)
        join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.attnum
      ) || ') on delete ' || case c.confdeltype
        when 'a' then 'no action' when 'r' then 'restrict' when 'c' then 'cascade'
        when 'n' then 'set null' when 'd' then 'set default' end as line
      from pg_constraint c
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace`);
    expect(actual.map((row) => row.line).sort()).toEqual(expected.sort());
  });

  it('has the same indexes by name, on the same columns, partial ones still partial', async () => {
    const expected = sqliteRows<{ name: string; tbl_name: string; sql: string }>(
      `select name, tbl_name, sql from sqlite_master where type = 'index' and sql is not null`,
    ).map((index) => {
      const columns = sqliteRows<{ name: string; coll: string }>(
        `select name, coll from pragma_index_xinfo('${index.name}') where key = 1 order by seqno`,
      ).map((column) =>
        column.coll.toUpperCase() === 'NOCASE' ? `lower(${column.name})` : column.name,
      );
      const unique = /^create unique/i.test(index.sql) ? ' unique' : '';
      const partial = / where /i.test(index.sql) ? ' partial' : '';
      return `${index.tbl_name}.${index.name}${unique} (${columns.join(', ')})${partial}`;
    });
    // Indexes made on their own, not the ones PostgreSQL makes for keys and unique constraints.
    const actual = await postgresRows<{ line: string }>(`
      select t.relname || '.' || c.relname || case when i.indisunique then ' unique' else '' end
        || ' (' || (
          select string_agg(pg_get_indexdef(i.indexrelid, k.n::int, true), ', ' order by k.n)
          from generate_series(1, i.indnkeyatts) k (n)
        ) || ')' || case when i.indpred is null then '' else ' partial' end as line
      from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_class t on t.oid = i.indrelid
      where t.relnamespace = 'public'::regnamespace
        and not exists (select from pg_constraint k where k.conindid = i.indexrelid)`);
    expect(actual.map(indexLine).sort()).toEqual(expected.sort());
  });

  it('feeds the change log from the same tables, by the same key columns', async () => {
    const triggers = sqliteRows<{ name: string; sql: string }>(
      `select name, sql from sqlite_master where type = 'trigger' and name like 'change_log_%'`,
    );
    const events = ['insert', 'update', 'rekey', 'delete'];
    const expected = triggers
      .filter((trigger) => trigger.name.endsWith('_insert'))
      .map((trigger) => {
        const table = trigger.name.slice('change_log_'.length, -'_insert'.length);
        const [, k1, k2] =
          /values \('\w+', cast\(new\.(\w+) as text\), (?:cast\(new\.(\w+) as text\)|'')\)/.exec(
            trigger.sql,
          ) ?? [];
        const every = events.every((event) =>
          triggers.some((t) => t.name === `change_log_${table}_${event}`),
        );
        return `${table} (${[k1, k2].filter(Boolean).join(', ')})${every ? ' on insert, update, delete' : ' missing a trigger'}`;
      });
    const actual = await postgresRows<{ table: string; definition: string; type: number }>(`
      select t.tgrelid::regclass::text as table, pg_get_triggerdef(t.oid) as definition,
        t.tgtype::int as type
      from pg_trigger t where not t.tgisinternal and t.tgfoid = 'change_log_record'::regproc`);
    // tgtype bits: 1 for each row, 2 before (absent: after), 4 insert, 8 delete, 16 update.
    const AFTER_EACH_ROW_INSERT_DELETE_UPDATE = 1 | 4 | 8 | 16;
    expect(
      actual
        .map(({ table, definition, type }) => {
          const [, k1, k2] = /change_log_record\('(\w+)', '(\w*)'\)/.exec(definition) ?? [];
          const every = type === AFTER_EACH_ROW_INSERT_DELETE_UPDATE;
          return `${table} (${[k1, k2].filter(Boolean).join(', ')})${every ? ' on insert, update, delete' : ' missing a trigger'}`;
        })
        .sort(),
    ).toEqual(expected.sort());
  });

  it('leaves the same rows behind', async () => {
    const counters = 'select prefix, last_sequence from order_counters order by prefix';
    expect(await postgresRows(counters)).toEqual(sqliteRows(counters));
  });
});

describe('the change log on PostgreSQL', () => {
  type Entry = { version: number; entity: string; k1: string; k2: string };
  const LOG = 'select version, entity, k1, k2 from change_log order by version';

  async function onBoth(statement: string): Promise<void> {
    sqlite.exec(statement);
    await sql.raw(statement).execute(postgres);
  }

  it('records inserts, updates, key changes and deletes as SQLite does', async () => {
    const steps = [
      // A one-key table.
      `insert into warehouses (id, name) values ('w1', 'Tokyo')`,
      `update warehouses set name = 'Osaka' where id = 'w1'`,
      `update warehouses set id = 'w2' where id = 'w1'`,
      `delete from warehouses where id = 'w2'`,
      // A two-key table, and the rows its keys refer to.
      `insert into size_scales (id, name, sizes) values ('ss', 'Letters', '["S","M"]')`,
      `insert into products (id, style_number, name, category, season, size_scale_id, search_text, updated_at)
        values ('p1', 'ST-1', 'Coat', 'Outerwear', 'FW27', 'ss', 'coat', '2027-01-01T00:00:00Z')`,
      `insert into colorways (id, product_id, code, name, color_hex, position)
        values ('c1', 'p1', 'BLK', 'Black', '#000000', 0)`,
      `insert into skus (id, product_id, colorway_id, size, position)
        values ('s1', 'p1', 'c1', 'S', 0), ('s2', 'p1', 'c1', 'M', 1)`,
      `insert into pricelists (id, name, currency) values ('eu', 'EU', 'EUR'), ('us', 'US', 'USD')`,
      `insert into prices (pricelist_id, sku_id, wholesale_minor, retail_minor) values ('eu', 's1', 100, 200)`,
      `update prices set wholesale_minor = 110 where pricelist_id = 'eu' and sku_id = 's1'`,
      `update prices set pricelist_id = 'us' where pricelist_id = 'eu' and sku_id = 's1'`,
      `update prices set sku_id = 's2' where pricelist_id = 'us' and sku_id = 's1'`,
      `delete from prices where pricelist_id = 'us' and sku_id = 's2'`,
      // An integer key, logged as the same text on both.
      `insert into brand_settings (id, name, updated_at) values (1, 'Maison', '2027-01-01T00:00:00Z')`,
    ];
    let previous = 0;
    for (const step of steps) {
      await onBoth(step);
      const entries = await postgresRows<Entry>(LOG);
      expect(entries, step).toEqual(sqliteRows<Entry>(LOG));
      const newest = entries.at(-1)!.version;
      expect(newest, step).toBeGreaterThan(previous);
      previous = newest;
      expect(
        await postgresRows('select last_value as version from change_log_versions'),
        step,
      ).toEqual([{ version: newest }]);
    }
    expect(
      (await postgresRows<Entry>(LOG)).filter(
        (e) => e.entity === 'prices' || e.entity === 'warehouses',
      ),
    ).toEqual([
      { version: 3, entity: 'warehouses', k1: 'w1', k2: '' },
      { version: 5, entity: 'warehouses', k1: 'w2', k2: '' },
      { version: 15, entity: 'prices', k1: 'eu', k2: 's1' },
      { version: 17, entity: 'prices', k1: 'us', k2: 's1' },
      { version: 19, entity: 'prices', k1: 'us', k2: 's2' },
    ]);
  });
});

describe('the change log under concurrent writers on PostgreSQL', () => {
  it('gives versions at commit, in the order writers commit, one committing writer at a time', async () => {
    const [first, second] = [new pg.Client(database.url), new pg.Client(database.url)];
    await Promise.all([first.connect(), second.connect()]);
    const order = `select k1 from change_log where entity = 'warehouses'
      and k1 in ('first', 'second', 'third') order by version`;
    try {
      // Writing takes no version yet: the second writes, and commits, while the first is open.
      await first.query('begin');
      await first.query(`insert into warehouses (id, name) values ('first', 'First')`);
      await second.query(`insert into warehouses (id, name) values ('second', 'Second')`);
      // A writer that has taken its versions (here on demand, as at its commit) holds
      // the lock until it ends: no one else's versions can commit before its own.
      await first.query('set constraints all immediate');
      await second.query(`set lock_timeout = '200ms'`);
      await expect(
        second.query(`insert into warehouses (id, name) values ('third', 'Third')`),
      ).rejects.toMatchObject({ code: '55P03' });
      await first.query('commit');
      await second.query(`insert into warehouses (id, name) values ('third', 'Third')`);
      const { rows } = await second.query<{ k1: string }>(order);
      expect(rows.map((row) => row.k1)).toEqual(['second', 'first', 'third']);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
});

describe('the checks on PostgreSQL', () => {
  /** What each engine says when a row breaks a CHECK constraint. */
  async function refusals(statement: string): Promise<{ sqlite: string; postgres: string }> {
    let onSqlite = 'accepted';
    try {
      sqlite.exec(statement);
    } catch (error) {
      onSqlite = /CHECK constraint failed/.test(String(error)) ? 'check' : String(error);
    }
    let onPostgres = 'accepted';
    try {
      await sql.raw(statement).execute(postgres);
    } catch (error) {
      const code = (error as { code?: string }).code;
      onPostgres = code === '23514' ? 'check' : code === '22P02' ? 'invalid json' : String(error);
    }
    return { sqlite: onSqlite, postgres: onPostgres };
  }

  const catalog = (id: string, columns: string, values: string) =>
    `insert into catalogs (id, name, status${columns}) values ('${id}', '${id}', 'Open'${values})`;
  const link = (id: string, columns: string, values: string) =>
    `insert into customer_order_links (id, name, created_by, created_at, updated_at${columns})
      values ('${id}', 'Link', 'u1', '2027-01-01', '2027-01-01'${values})`;

  it('refuse the same bad rows and take the same good ones', async () => {
    const cases: readonly (readonly [string, string, string])[] = [
      [
        'a JSON array column given an object',
        catalog('k1', ', payment_methods', `, '{"a":1}'`),
        'check',
      ],
      [
        'a JSON array that must not be empty',
        catalog('k2', ', payment_methods', `, '[]'`),
        'check',
      ],
      ['a length limit', catalog('k3', ', season', `, '${'x'.repeat(41)}'`), 'check'],
      ['a 0/1 flag given 2', link('l1', ', view_only', ', 2'), 'check'],
      [
        'a JSON column given JSON it takes',
        link('l2', ', background', `, '{"kind":"color"}'`),
        'accepted',
      ],
      [
        'a JSON array given an array',
        catalog('k4', ', payment_methods', `, '["card"]'`),
        'accepted',
      ],
      ['a length at its limit', catalog('k5', ', season', `, '${'x'.repeat(40)}'`), 'accepted'],
      ['a 0/1 flag given 1', link('l3', ', view_only', ', 1'), 'accepted'],
    ];
    for (const [what, statement, outcome] of cases) {
      expect(await refusals(statement), what).toEqual({ sqlite: outcome, postgres: outcome });
    }
  });

  it('refuse text that is not JSON, though PostgreSQL says so by failing the cast', async () => {
    expect(await refusals(link('l4', ', background', `, 'not json'`))).toEqual({
      sqlite: 'check',
      postgres: 'invalid json',
    });
  });
});
