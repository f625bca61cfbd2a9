import { stringify } from 'csv-stringify/sync';
import { formatDecimal } from '../../domain/money.ts';
import type { ExportedFile, SelectionDetail } from '../../../preload/contract/selections.ts';
import { safeFileName } from './file-name.ts';

/** Named like the catalog import's columns, so a file read by one reads like the other. */
const COLUMNS = [
  'style_number',
  'style_name',
  'colorway_code',
  'colorway_name',
  'size',
  'barcode',
  'quantity',
  'wholesale',
  'amount',
  'currency',
  'note',
] as const;

export const NO_LONGER_SOLD = 'No longer sold';

/**
 * A selection as CSV, one row per SKU with a quantity, for a buyer's or an ERP's import.
 * Amounts are decimals in the currency's minor digits (129.50, 1200 for JPY). A size no
 * longer sold keeps its row, without price, so the file says what the buyer asked for.
 */
export function selectionCsv(detail: SelectionDetail): ExportedFile {
  const rows: string[][] = [];
  for (const line of detail.lines) {
    for (const cell of line.cells) {
      if (cell.quantity <= 0) continue;
      const price = cell.unitPrice;
      rows.push([
        line.styleNumber,
        line.name,
        line.colorway.code,
        line.colorway.name,
        cell.size,
        cell.barcode ?? '',
        String(cell.quantity),
        price ? formatDecimal(price) : '',
        price
          ? formatDecimal({
              amountMinor: price.amountMinor * cell.quantity,
              currency: price.currency,
            })
          : '',
        price?.currency ?? detail.buyer.currency ?? '',
        price ? '' : NO_LONGER_SOLD,
      ]);
    }
  }
  const text = stringify(rows, {
    header: true,
    columns: [...COLUMNS],
    // Excel reads a file without a BOM as the system's code page, mangling Japanese names.
    bom: true,
    record_delimiter: 'windows',
    // A name starting with "=" or "@" would run as a formula in the buyer's spreadsheet.
    escape_formulas: true,
  });
  return {
    fileName: safeFileName([detail.name, detail.buyer.name], 'csv'),
    contentType: 'text/csv; charset=utf-8',
    bytes: new TextEncoder().encode(text),
  };
}
