import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { CatalogImportInput, type CsvFileReport } from '../../preload/contract/index.ts';
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

const files = positionals.map((path) => {
  try {
    if (!statSync(path).isFile()) fail(`${path} is not a file.`);
    return { name: basename(path), content: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? `${path} does not exist.` : `${path} cannot be read (${code}).`);
  }
});
const input = CatalogImportInput.safeParse({ files });
if (!input.success) fail(input.error.issues.map((issue) => issue.message).join('\n'));

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
    input.data,
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
