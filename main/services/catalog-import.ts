import { CsvError, parse } from 'csv-parse/sync';
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

/** Styles must exist before their prices and stock, whatever order the files were picked in. */
const KIND_ORDER: Record<CsvKind, number> = { products: 0, prices: 1, stock: 2 };

type ParsedFile =
  | { name: string; rows: ReadRows; count: number }
  | { name: string; kind: CsvKind | null; count: number; problems: CsvProblem[] };

/**
 * Imports catalog CSV files. Each file is all or nothing: any problem in it, found
 * while reading or while matching it against the store, keeps every row of it out.
 */
export async function importCatalogCsv(
  db: StoreDb,
  actor: Actor,
  input: ParsedInputOf<'catalog.importCsv'>,
): Promise<CatalogImportReport> {
  const parsed = input.files.map(parseFile);
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
  const kind = 'rows' in file ? file.rows.kind : file.kind;
  return kind ? KIND_ORDER[kind] : 3;
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

function parseFile(file: { name: string; content: string }): ParsedFile {
  let parsed: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    parsed = parse(file.content, {
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof parsed;
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
  const outcome = await db.transaction().execute(async (trx) => {
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
