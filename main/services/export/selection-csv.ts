import { formatDecimal } from '../../domain/money.ts';
import type { ExportedFile, SelectionDetail } from '../../../preload/contract/selections.ts';
import { safeFileName } from './file-name.ts';
import { spreadsheetCsv } from './spreadsheet-csv.ts';

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
  return {
    fileName: safeFileName([detail.name, detail.buyer.name], 'csv'),
    contentType: 'text/csv; charset=utf-8',
    bytes: spreadsheetCsv(rows, COLUMNS),
  };
}
