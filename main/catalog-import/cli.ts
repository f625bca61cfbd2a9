import { createReadStream, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CSV_FILE_MAX_BYTES, type CsvFileReport } from '../../preload/contract/index.ts';
import { describeWritten } from '../domain/catalog-import.ts';
import { privateDir } from '../platform/private-files.ts';
import { importCatalogCsv } from '../services/catalog-import.ts';
import { HUB_DATABASE_FILE } from '../hub/start.ts';
import { openStore, type Store } from '../store/database.ts';

/**
 * `npm run import -- --data DIR FILE.csv…`: catalog CSV files into the hub whose data
 * folder is DIR (DIR/hub.sqlite); desktops receive them on their next sync. Run it
 * while that hub is stopped, or import from the app, which goes through the hub.
 */
const USAGE = 'Usage: npm run import -- --data DIR products.csv [prices.csv] [stock.csv]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values: { data?: string | undefined };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({
    options: { data: { type: 'string' } },
    allowPositionals: true,
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (!values.data) fail(`Say which data folder with --data DIR.\n${USAGE}`);
if (positionals.length === 0) fail(`Name at least one CSV file.\n${USAGE}`);

if (positionals.length > 10) fail('Import at most 10 files at once.');
// Each file is read as it is parsed, not loaded whole first.
const files = positionals.map((path) => {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) fail(`${path} is not a file.`);
    size = stat.size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `${path} does not exist.` : `${path} cannot be read (${code}).`);
  }
  if (size > CSV_FILE_MAX_BYTES) fail(`${path} is larger than 50 MB, the most one import takes.`);
  return { name: basename(path), content: createReadStream(path) };
});

const storeFile = join(values.data, HUB_DATABASE_FILE);
let store: Store;
try {
  privateDir(values.data);
  store = await openStore(storeFile, 'hub');
} catch (error) {
  fail(`The store ${storeFile} cannot be opened: ${(error as Error).message}`);
}
try {
  const report = await importCatalogCsv(
    store.db,
    { kind: 'system', reason: 'command line import' },
    { files },
  );
  for (const file of report.files) console.log(describe(file));
  if (report.files.some((file) => !file.imported)) process.exitCode = 1;
} finally {
  await store.close();
}

function describe(file: CsvFileReport): string {
  if (!file.imported) {
    const problems = file.problems.map(
      (p) => `  Line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`,
    );
    return [`Not imported ${file.name}: nothing from it was written.`, ...problems].join('\n');
  }
  return `Imported ${file.name}: ${describeWritten(file.written, ', ') || 'nothing new'}`;
}
