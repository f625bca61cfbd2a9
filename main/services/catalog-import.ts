import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { v7 as uuidv7 } from 'uuid';
import type {
  CatalogImportReport,
  CsvFileReport,
  CsvKind,
  CsvProblem,
  ParsedInputOf,
} from '../../preload/contract/index.ts';
import {
  detectKind,
  readRecords,
  type CsvRecord,
  type ReadRows,
} from '../domain/catalog-import.ts';
import { writeRows } from '../store/catalog-writes.ts';
import type { StoreDb } from '../store/database.ts';
import { actorDevice, actorId, type Actor } from './actor.ts';
import { inTransaction } from '../store/transactions.ts';

/** Styles must exist before their prices and stock, whatever order the files were picked in. */
const KIND_ORDER: Record<CsvKind, number> = { products: 0, prices: 1, stock: 2 };

type ParsedFile =
  | { name: string; rows: ReadRows; count: number }
  | { name: string; kind: CsvKind | null; count: number; problems: CsvProblem[] };

/**
 * A CSV file to import: its text, or its bytes as they arrive (a request body, a file
 * being read), parsed as they come rather than held twice.
 */
export interface CsvSource {
  name: string;
  content: string | AsyncIterable<Uint8Array | string>;
}

/**
 * Imports catalog CSV files. Each file is all or nothing: any problem in it, found
 * while reading or while matching it against the store, keeps every row of it out.
 */
export async function importCatalogCsv(
  db: StoreDb,
  actor: Actor,
  input: ParsedInputOf<'catalog.importCsv'> | { files: CsvSource[] },
): Promise<CatalogImportReport> {
  const parsed: ParsedFile[] = [];
  for (const file of input.files) parsed.push(await parseFile(file));
  const order = parsed
    .map((file, index) => ({ file, index }))
    .sort((a, b) => kindRank(a.file) - kindRank(b.file) || a.index - b.index);
  const reports: CsvFileReport[] = new Array<CsvFileReport>(parsed.length);
  for (const { file, index } of order) {
    reports[index] = 'rows' in file ? await writeFile(db, actor, file) : notImported(file);
  }
  return { files: reports };
}

function kindRank(file: ParsedFile): number {
  return importOrder('rows' in file ? file.rows.kind : file.kind);
}

function notImported(file: Extract<ParsedFile, { problems: CsvProblem[] }>): CsvFileReport {
  return {
    name: file.name,
    kind: file.kind,
    imported: false,
    rows: file.count,
    written: {},
    problems: file.problems,
  };
}

/**
 * Sends files to the hub one at a time, products first, then prices, then stock, and
 * answers their reports in the order the files were given.
 */
export async function importThroughHub(
  files: readonly { name: string; content: string }[],
  importFile: (file: { name: string; content: string }) => Promise<CsvFileReport>,
): Promise<CatalogImportReport> {
  const order = files
    .map((file, index) => ({ file, index, rank: importOrder(csvKindOf(file.content)) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const reports = new Array<CsvFileReport>(files.length);
  for (const { file, index } of order) reports[index] = await importFile(file);
  return { files: reports };
}

/** The kind of file a CSV's header names, read from its first record only. */
function csvKindOf(content: string): CsvKind | null {
  try {
    const records: string[][] = parseSync(content, { bom: true, to_line: 1 });
    const header = records[0];
    const detected = header ? detectKind(header) : null;
    return detected && 'kind' in detected ? detected.kind : null;
  } catch {
    return null;
  }
}

/** Styles first, then prices, then stock; files of no known kind last. */
function importOrder(kind: CsvKind | null): number {
  return kind ? KIND_ORDER[kind] : 3;
}

async function parseFile(file: CsvSource): Promise<ParsedFile> {
  const parsed: { record: string[]; raw: string; info: { lines: number } }[] = [];
  try {
    const source =
      typeof file.content === 'string'
        ? Readable.from([file.content])
        : Readable.from(file.content);
    const records = source.pipe(
      parse({ bom: true, info: true, raw: true, skip_empty_lines: true, relax_column_count: true }),
    );
    for await (const record of records) parsed.push(record as (typeof parsed)[number]);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines ?? 1;
    return {
      name: file.name,
      kind: null,
      count: 0,
      problems: [{ line, column: null, message: `This is not readable CSV: ${error.message}` }],
    };
  }
  const [header, ...body] = parsed;
  if (!header) {
    return {
      name: file.name,
      kind: null,
      count: 0,
      problems: [{ line: 1, column: null, message: 'The file is empty.' }],
    };
  }
  const detected = detectKind(header.record);
  if ('message' in detected) {
    return { name: file.name, kind: null, count: body.length, problems: [detected] };
  }
  const records: CsvRecord[] = body.map(({ record, raw, info }) => ({
    line: info.lines - innerLineBreaks(raw),
    values: record,
  }));
  const result = readRecords(detected.kind, detected.columns, records);
  if (result.kind === null || result.problems.length > 0) {
    return {
      name: file.name,
      kind: detected.kind,
      count: records.length,
      problems: result.problems,
    };
  }
  return { name: file.name, rows: result, count: records.length };
}

/** csv-parse reports the line a record ends on; a quoted field may span several. */
function innerLineBreaks(raw: string): number {
  return (
    raw
      .replace(/^[\r\n]+/, '')
      .replace(/\r?\n$/, '')
      .split('\n').length - 1
  );
}

async function writeFile(
  db: StoreDb,
  actor: Actor,
  file: Extract<ParsedFile, { rows: ReadRows }>,
): Promise<CsvFileReport> {
  const outcome = await inTransaction(db, async (trx) => {
    const written = await writeRows(trx, file.rows, new Date().toISOString());
    if (written.ok) {
      await trx
        .insertInto('audit_log')
        .values({
          id: uuidv7(),
          at: new Date().toISOString(),
          actor_kind: actor.kind,
          actor_id: actorId(actor),
          device: actorDevice(actor),
          action: 'catalog.import',
          subject: file.name,
          details: JSON.stringify({ kind: file.rows.kind, rows: file.count, ...written.counts }),
        })
        .execute();
    }
    return written;
  });
  return {
    name: file.name,
    kind: file.rows.kind,
    imported: outcome.ok,
    rows: file.count,
    written: outcome.ok ? outcome.counts : {},
    problems: outcome.ok ? [] : outcome.problems,
  };
}
