import { stringify } from 'csv-stringify/sync';

/**
 * Rows as a CSV file that spreadsheets and ERPs read as written: a header of `columns`,
 * then each row; every export of the showroom writes its CSV this way.
 */
export function spreadsheetCsv(rows: readonly string[][], columns: readonly string[]): Uint8Array {
  const text = stringify(rows as string[][], {
    header: true,
    columns: [...columns],
    // Excel reads a file without a BOM as the system's code page, mangling Japanese names.
    bom: true,
    record_delimiter: 'windows',
    // A name starting with "=" or "@" would run as a formula in the buyer's spreadsheet.
    escape_formulas: true,
  });
  return new TextEncoder().encode(text);
}
