import BetterSqlite3 from 'better-sqlite3';
import { privateFile, tightenIfPresent } from '../platform/private-files.ts';
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  type SqliteDatabase,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  PostgresAdapter,
  type QueryExecutorProvider,
} from 'kysely';
import { Migrator } from 'kysely/migration';
import { LocalChangeNotifier, type ChangeNotifier } from './change-notices.ts';
import { migrationsByKind, type StoreKind } from './migrations/index.ts';
import type { EngineSql, StoreEngine } from './engine/engine-sql.ts';
import { postgresSql } from './engine/postgres.ts';
import { sqliteSql } from './engine/sqlite.ts';
import type { HubSchema, HubTables, ReplicaSchema, ReplicaTables, StoreSchema } from './schema.ts';

export type StoreDb = Kysely<StoreSchema>;
export type HubDb = Kysely<HubSchema>;
export type ReplicaDb = Kysely<ReplicaSchema>;
export type { StoreKind };

export type { StoreEngine };

export interface Store {
  readonly db: StoreDb;
  readonly kind: StoreKind;
  /** The file, or the PostgreSQL address without its password: for messages. */
  readonly location: string;
  /** Where writes are announced to this hub's listeners (and, on PostgreSQL, every instance's). */
  readonly notices: ChangeNotifier;
  close(): Promise<void>;
}

export class StoreMigrationError extends Error {}

/**
 * The SQLite handle under each store's Kysely instance, for the few bulk writes where
 * building a query per batch costs more than the write (a first sync's half a million
 * rows). Statements on it join whatever transaction Kysely has open on the same handle.
 */
const handles = new WeakMap<StoreDb, BetterSqlite3.Database>();

export function sqliteHandleOf(db: StoreDb): BetterSqlite3.Database {
  const handle = handles.get(db);
  if (!handle) throw new Error('Not a store opened with openStore()');
  return handle;
}

/**
 * Opens (creating if needed) a SQLite store and brings its schema up to date.
 * WAL with synchronous=FULL: an acknowledged write survives power loss, not only a
 * killed process, which is what a store holding orders owes its users.
 *
 * A replica does not enforce foreign keys: it holds what the hub sends, a page at a
 * time, and the hub (which does enforce them) is the judge of what refers to what.
 */
export async function openStore(file: string, kind: StoreKind = 'hub'): Promise<Store> {
  // SQLite's in-memory database (tests) has no file to make private.
  if (file !== ':memory:') {
    privateFile(file);
    for (const companion of [`${file}-wal`, `${file}-shm`]) tightenIfPresent(companion);
  }
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma(`foreign_keys = ${kind === 'hub' ? 'ON' : 'OFF'}`);
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<StoreSchema>({ dialect: new StoreDialect(sqlite) });
  handles.set(db, sqlite);
  try {
    await migrateToLatest(db as unknown as Kysely<unknown>, kind);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    kind,
    location: file,
    notices: new LocalChangeNotifier(),
    close: async () => {
      sqlite.pragma('optimize');
      await db.destroy();
    },
  };
}

export function migratorFor(db: Kysely<unknown>, kind: StoreKind = 'hub'): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve({ ...migrationsByKind[kind] }) },
  });
}

export async function migrateToLatest(db: Kysely<unknown>, kind: StoreKind = 'hub'): Promise<void> {
  await migrateWith(migratorFor(db, kind));
}

/** Runs every migration not yet applied; a failure names the migration and why. */
export async function migrateWith(migrator: Migrator): Promise<void> {
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreMigrationError(
      `The store could not be brought up to date (migration ${failed}): ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      { cause: error },
    );
  }
}

/**
 * Every transaction takes the write lock at its start (BEGIN IMMEDIATE), so a check
 * and the write that depends on it cannot be split by another writer, and a writer
 * waits for the lock instead of failing half-way with SQLITE_BUSY.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely prepares every query it runs, and better-sqlite3 compiles SQL on every prepare:
 * on a hot route (a share link opened, a page of a sync) compiling cost more than
 * running. Compiled statements are kept by their SQL text, the least recently used
 * dropped past a bound. Reusing one is safe: Kysely runs one query at a time on this
 * single connection, and SQLite recompiles a statement itself after a schema change.
 */
export function withStatementCache(
  database: BetterSqlite3.Database,
  size = 500,
): SqliteDatabase & { readonly cached: number } {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    get cached() {
      return statements.size;
    },
    close: () => database.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

class StoreDialect extends SqliteDialect {
  readonly #database: SqliteDatabase;
  constructor(database: BetterSqlite3.Database) {
    const cached = withStatementCache(database);
    super({ database: cached });
    this.#database = cached;
  }
  override createDriver(): Driver {
    return new ImmediateTransactionDriver({ database: this.#database });
  }
}

/**
 * What the engine running `db` (a store, a transaction, or either seen through hubDb)
 * does its own way: read off its adapter, which every Kysely derived from a store shares.
 */
export function engineOf(db: QueryExecutorProvider): EngineSql {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresSql : sqliteSql;
}

/**
 * After a large write (a demo brand, thousands of orders), so the first queries on the
 * new rows run as fast as later ones.
 */
export async function settleAfterBulkWrite(db: StoreDb | HubDb): Promise<void> {
  await engineOf(db).settleAfterBulkWrite(db);
}

/** The hub's tables beside the brand's; only for a store opened as a hub. */
export function hubDb(db: StoreDb): HubDb {
  return db.withTables<HubTables>();
}

/** The replica's sync tables beside the brand's; only for a store opened as a replica. */
export function replicaDb(db: StoreDb): ReplicaDb {
  return db.withTables<ReplicaTables>();
}
