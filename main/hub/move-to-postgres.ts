import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DEFAULT_ORDER_NUMBER_PREFIX } from '../domain/order-number.ts';
import { openStore, type Store } from '../store/database.ts';
import { openPostgresStore, redactPostgresUrl } from '../store/postgres.ts';
import { inTransaction } from '../store/transactions.ts';
import { HubArgsError, postgresUrl, readOptions } from './args.ts';
import { foreignKeyOrder, rowsPerStatement, TableOrderError } from './move-plan.ts';
import { HUB_DATABASE_FILE } from './start.ts';

/**
 * `npm run hub:move -- --data DIR --postgres URL`: moves a brand's hub from its SQLite
 * file (DIR/hub.sqlite) into an empty PostgreSQL database, every table in one
 * PostgreSQL transaction, so the move happens whole or not at all. The change log keeps
 * its versions: desktops' pull cursors are versions, and stay valid on the new store.
 * Exit codes: 0 moved, 1 refused or failed (the target left as it was), 2 bad arguments.
 */

export interface MoveArgs {
  dataDir: string;
  postgres: string;
  help: boolean;
}

export const MOVE_USAGE =
  'Usage: npm run hub:move -- --data DIR --postgres URL\n' +
  "  --data DIR      the hub's data folder, holding hub.sqlite and the keys that seal its\n" +
  '                  secrets (they stay there: start the hub with --data DIR --postgres URL)\n' +
  '  --postgres URL  an empty PostgreSQL database, e.g. postgres://hub@db.internal:5432/brand\n' +
  'Stop the hub first. hub.sqlite stays: the move copies from it (brought up to date first,\n' +
  'as the hub would) and leaves its rows as they were.';

/** Reads the move's command line; pure, throws HubArgsError with a readable message. */
export function parseMoveArgs(argv: readonly string[], cwd = process.cwd()): MoveArgs {
  const values = readOptions(argv, {
    data: { type: 'string' },
    postgres: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return { dataDir: '', postgres: '', help: true };
  if (values.data === undefined || values.data.trim() === '') {
    throw new HubArgsError('--data is required: the folder where the hub keeps hub.sqlite.');
  }
  if (values.postgres === undefined) {
    throw new HubArgsError('--postgres is required: the PostgreSQL database to move the brand to.');
  }
  return {
    dataDir: resolve(cwd, values.data),
    postgres: postgresUrl(values.postgres),
    help: false,
  };
}

/** The move was refused or failed; nothing was written. The message says what to do. */
export class MoveError extends Error {}

export interface MovedTable {
  table: string;
  rows: number;
}

export interface MoveReport {
  tables: MovedTable[];
  rows: number;
  seconds: number;
  /** The target, without its password. */
  target: string;
}

/** The SQLite hub's own bookkeeping, which each engine keeps for itself. */
const NOT_MOVED = /^(kysely_migration.*|sqlite_.*)$/;

/**
 * The table whose rows are replaced last, by SQLite's own: the triggers log every row
 * the move copies under a fresh version, and desktops' cursors hold SQLite's versions.
 */
const CHANGE_LOG = 'change_log';

/**
 * Rows the PostgreSQL migrations put in an empty database: they hold no brand, and the
 * brand's own rows replace them. (The order counter the baseline starts.)
 */
const MIGRATION_SEEDS: readonly { table: string; seeded: RawBuilder<unknown> }[] = [
  {
    table: 'order_counters',
    seeded: sql`prefix = ${DEFAULT_ORDER_NUMBER_PREFIX} and last_sequence = 0`,
  },
];

type AnyDb = Kysely<unknown>;
type Row = Record<string, unknown>;

interface SourceTable {
  name: string;
  columns: string[];
  hasBlobs: boolean;
  references: string[];
}

/** Moves the brand of the hub in `dataDir` into the PostgreSQL database at `url`. */
export async function moveToPostgres(dataDir: string, url: string): Promise<MoveReport> {
  const started = performance.now();
  const target = redactPostgresUrl(url);
  const file = join(dataDir, HUB_DATABASE_FILE);
  if (!existsSync(file)) {
    throw new MoveError(`There is no hub database at ${file}: --data names the hub's data folder.`);
  }
  let source: Store;
  try {
    source = await openStore(file, 'hub');
  } catch (error) {
    throw new MoveError(`Could not open ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    let destination: Store;
    try {
      destination = await openPostgresStore(url, { poolSize: 2 });
    } catch (error) {
      throw new MoveError(
        `Could not open the PostgreSQL database ${target}: ${(error as Error).message}`,
        { cause: error },
      );
    }
    try {
      const tables = await copyEverything(
        source.db as unknown as AnyDb,
        destination.db as unknown as AnyDb,
        target,
      );
      return {
        tables,
        rows: tables.reduce((sum, table) => sum + table.rows, 0),
        seconds: (performance.now() - started) / 1000,
        target,
      };
    } finally {
      await destination.close();
    }
  } finally {
    await source.close();
  }
}

async function copyEverything(from: AnyDb, to: AnyDb, target: string): Promise<MovedTable[]> {
  // SQLite's transaction takes its write lock: the copy is of one moment, even if a hub
  // someone forgot to stop still writes (it waits, then fails, and writes nothing).
  return inTransaction(from, async (read) => {
    const tables = await sourceTables(read);
    await requireCounterparts(to, tables);
    const order = moveOrder(tables);
    return inTransaction(to, async (write) => {
      // The change log's triggers, which wait for the commit elsewhere, log each row as
      // it is copied, so SQLite's own log (copied last) replaces every entry they wrote.
      await sql`set constraints all immediate`.execute(write);
      await refuseIfOccupied(write, order, target);
      for (const seed of MIGRATION_SEEDS) {
        await sql`delete from ${sql.table(seed.table)} where ${seed.seeded}`.execute(write);
      }
      const moved: MovedTable[] = [];
      for (const table of order) {
        if (table.name === CHANGE_LOG)
          await sql`delete from ${sql.table(CHANGE_LOG)}`.execute(write);
        moved.push({ table: table.name, rows: await copyTable(read, write, table) });
      }
      await continueVersions(read, write);
      await compareCounts(write, moved);
      return moved;
    });
  });
}

/** Every table of the SQLite hub the move carries, read from the file itself. */
async function sourceTables(db: AnyDb): Promise<SourceTable[]> {
  const names = await sql<{ name: string }>`
    select name from sqlite_master where type = 'table' order by name`.execute(db);
  const tables: SourceTable[] = [];
  for (const { name } of names.rows) {
    if (NOT_MOVED.test(name)) continue;
    const columns = await sql<{ name: string; type: string }>`
      select name, type from pragma_table_info(${name}) order by cid`.execute(db);
    const references = await sql<{ table: string }>`
      select distinct "table" from pragma_foreign_key_list(${name})`.execute(db);
    tables.push({
      name,
      columns: columns.rows.map((column) => column.name),
      hasBlobs: columns.rows.some((column) => /blob/i.test(column.type)),
      references: references.rows.map((reference) => reference.table),
    });
  }
  return tables;
}

/** Parents before children; the change log last (see CHANGE_LOG). */
function moveOrder(tables: readonly SourceTable[]): SourceTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  let names: string[];
  try {
    names = foreignKeyOrder(new Map(tables.map((table) => [table.name, table.references])));
  } catch (error) {
    if (!(error instanceof TableOrderError)) throw error;
    throw new MoveError(`The SQLite hub's tables cannot be copied in order: ${error.message}`);
  }
  return [
    ...names.filter((name) => name !== CHANGE_LOG),
    ...names.filter((name) => name === CHANGE_LOG),
  ].map((name) => byName.get(name)!);
}

/**
 * Every SQLite table and column has its PostgreSQL counterpart and the other way round:
 * a table or column missing on either side would be lost or left empty without a word.
 */
async function requireCounterparts(to: AnyDb, tables: readonly SourceTable[]): Promise<void> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'`.execute(to);
  const target = new Map<string, Set<string>>();
  for (const row of columns.rows) {
    if (NOT_MOVED.test(row.table_name)) continue;
    const set = target.get(row.table_name) ?? new Set<string>();
    set.add(row.column_name);
    target.set(row.table_name, set);
  }
  const problems: string[] = [];
  for (const table of tables) {
    const there = target.get(table.name);
    if (!there) {
      problems.push(`table ${table.name} has no PostgreSQL counterpart`);
      continue;
    }
    const missing = table.columns.filter((column) => !there.has(column));
    const extra = [...there].filter((column) => !table.columns.includes(column));
    if (missing.length > 0)
      problems.push(`${table.name} lacks ${missing.join(', ')} on PostgreSQL`);
    if (extra.length > 0) problems.push(`${table.name} has ${extra.join(', ')} only on PostgreSQL`);
  }
  const names = new Set(tables.map((table) => table.name));
  for (const table of target.keys()) {
    if (!names.has(table)) problems.push(`table ${table} exists only on PostgreSQL`);
  }
  if (problems.length > 0) {
    throw new MoveError(
      `The two stores' schemas differ, so the move would lose data: ${problems.join('; ')}. ` +
        'Update Trunkshow and run the move again; the hub needs a migration for each engine.',
    );
  }
}

/** Refuses a database that holds anything beyond the migrations' seed rows. */
async function refuseIfOccupied(
  db: AnyDb,
  tables: readonly SourceTable[],
  target: string,
): Promise<void> {
  const occupied: string[] = [];
  for (const table of tables) {
    const seed = MIGRATION_SEEDS.find((entry) => entry.table === table.name);
    const rows = await countRows(db, table.name, seed ? sql`not (${seed.seeded})` : sql`1 = 1`);
    if (rows > 0) occupied.push(`${table.name} (${rows})`);
  }
  if (occupied.length > 0) {
    throw new MoveError(
      `The PostgreSQL database ${target} already holds a brand: it has rows in ${namedAFew(occupied)}. ` +
        'Nothing was moved. Move into a new, empty database.',
    );
  }
}

/** Enough of a long list to recognise it by. */
function namedAFew(items: readonly string[], shown = 5): string {
  const rest = items.length - shown;
  return rest > 0 ? `${items.slice(0, shown).join(', ')} and ${rest} more` : items.join(', ');
}

async function countRows(
  db: AnyDb,
  table: string,
  where: RawBuilder<unknown> = sql`1 = 1`,
): Promise<number> {
  const result = await sql<{ count: number }>`
    select count(*) as count from ${sql.table(table)} where ${where}`.execute(db);
  return Number(result.rows[0]?.count ?? 0);
}

/**
 * Copies one table in rowid order (rows referring to their own table come after the row
 * they refer to, as they were written), a statement's worth of rows at a time.
 */
async function copyTable(from: AnyDb, to: AnyDb, table: SourceTable): Promise<number> {
  const limit = rowsPerStatement(table.columns.length, table.hasBlobs);
  const columns = sql.join(table.columns.map((column) => sql.ref(column)));
  let after = Number.MIN_SAFE_INTEGER;
  let copied = 0;
  for (;;) {
    const page = await sql<Row & { move_rowid: number }>`
      select rowid as move_rowid, * from ${sql.table(table.name)}
      where rowid > ${after} order by rowid limit ${limit}`.execute(from);
    if (page.rows.length === 0) return copied;
    const values = page.rows.map(
      (row) => sql`(${sql.join(table.columns.map((column) => row[column]))})`,
    );
    try {
      await sql`insert into ${sql.table(table.name)} (${columns}) values ${sql.join(values)}`.execute(
        to,
      );
    } catch (error) {
      throw new MoveError(`Copying ${table.name} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    copied += page.rows.length;
    after = page.rows.at(-1)!.move_rowid;
  }
}

/**
 * The version sequence continues above every version SQLite ever gave, the highest one
 * still logged or (AUTOINCREMENT's memory) one since replaced: a desktop's cursor may
 * stand at either, and a new change must land above it. (A sequence ignores rollbacks:
 * after a failed move it stands wherever it got to, unused, and the next move sets it.)
 */
async function continueVersions(from: AnyDb, to: AnyDb): Promise<void> {
  const highest = await sql<{ version: number | null }>`
    select max(version) as version from (
      select max(version) as version from change_log
      union all
      select seq as version from sqlite_sequence where name = ${CHANGE_LOG}
    )`.execute(from);
  const version = Number(highest.rows[0]?.version ?? 0);
  if (version > 0) await sql`select setval('change_log_versions', ${version})`.execute(to);
}

/** Table by table, PostgreSQL now holds as many rows as SQLite: if not, nothing is kept. */
async function compareCounts(to: AnyDb, moved: readonly MovedTable[]): Promise<void> {
  const differing: string[] = [];
  for (const table of moved) {
    const rows = await countRows(to, table.table);
    if (rows !== table.rows) differing.push(`${table.table} (${rows} of ${table.rows})`);
  }
  if (differing.length > 0) {
    throw new MoveError(
      `After copying, PostgreSQL's row counts differ from SQLite's in ${differing.join(', ')}. Nothing was moved.`,
    );
  }
}

/** The command: prints the report, or why not, and exits 0, 1 or 2. */
export async function runMoveCli(argv: readonly string[]): Promise<void> {
  let args: MoveArgs;
  try {
    args = parseMoveArgs(argv);
  } catch (error) {
    if (!(error instanceof HubArgsError)) throw error;
    console.error(error.message);
    console.error(MOVE_USAGE);
    process.exit(2);
  }
  if (args.help) {
    console.log(MOVE_USAGE);
    return;
  }
  console.log(`Moving the brand in ${args.dataDir} to ${redactPostgresUrl(args.postgres)}…`);
  let report: MoveReport;
  try {
    report = await moveToPostgres(args.dataDir, args.postgres);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  console.log(
    `Moved ${report.rows} rows in ${report.tables.length} tables in ${report.seconds.toFixed(1)} s; ` +
      'every table holds as many rows as in SQLite.',
  );
  console.log(
    `The keys in ${args.dataDir} seal the secrets now in PostgreSQL: keep the folder with the hub and start it with\n` +
      `  npm run hub -- --data ${args.dataDir} --postgres ${report.target}\n` +
      `${HUB_DATABASE_FILE} stays where it is: keep it as a backup, and start no hub on it again.`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runMoveCli(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
