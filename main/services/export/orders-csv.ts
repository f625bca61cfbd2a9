import { formatDecimal } from '../../domain/money.ts';
import type { ExportedFile, OrderFilters } from '../../../preload/contract/index.ts';
import type { StoreDb } from '../../store/database.ts';
import { orderFilterCondition, orderLinesWithStyles } from '../orders.ts';
import { safeFileName } from './file-name.ts';
import { spreadsheetCsv } from './spreadsheet-csv.ts';

/** One row per SKU line, named for an ERP's import; the order's fields repeat on each. */
export const ORDER_CSV_COLUMNS = [
  'order_number',
  'status',
  'placed_at',
  'buyer',
  'po_number',
  'ship_start',
  'cancel_date',
  'ship_to_country',
  'style_number',
  'style_name',
  'colour',
  'size',
  'barcode',
  'quantity',
  'unit_price',
  'line_total',
  'currency',
  'payment_method',
  'shipping_rate',
] as const;

/**
 * The orders the Orders view's filters select, newest first, as CSV (written as the
 * selection's is, spreadsheetCsv): amounts are
 * decimals in the currency's minor digits (129.50, 1200 for JPY); an order still
 * waiting for its number has its provisional one, or none.
 */
export async function ordersCsv(
  db: StoreDb,
  filters: OrderFilters,
  now: Date,
): Promise<ExportedFile> {
  const lines = await orderLinesWithStyles(db)
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .leftJoin('buyers as b', 'b.id', 'o.buyer_id')
    .select([
      'o.number',
      'o.status',
      'o.created_at',
      'b.name as buyer',
      'o.po_number',
      'o.ship_start',
      'o.cancel_date',
      'o.ship_to',
      'p.style_number',
      'p.name as style_name',
      'c.name as colour',
      'k.size',
      'k.barcode',
      'l.sku_id',
      'l.quantity',
      'l.unit_price_minor',
      'o.currency',
      'o.payment_method',
      'o.shipping_rate_name',
    ])
    .where(await orderFilterCondition(db, filters))
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .orderBy('p.style_number')
    .orderBy('c.position')
    .orderBy('k.position')
    .execute();
  const rows = lines.map((line) => {
    const money = (amountMinor: number) => formatDecimal({ amountMinor, currency: line.currency });
    const shipTo = line.ship_to ? (JSON.parse(line.ship_to) as { country?: string }) : null;
    return [
      line.number ?? '',
      line.status,
      line.created_at,
      line.buyer ?? '',
      line.po_number,
      line.ship_start ?? '',
      line.cancel_date ?? '',
      shipTo?.country ?? '',
      // A SKU the catalog no longer has keeps its row under its id.
      line.style_number ?? line.sku_id,
      line.style_name ?? '',
      line.colour ?? '',
      line.size ?? '',
      line.barcode ?? '',
      String(line.quantity),
      money(line.unit_price_minor),
      money(line.unit_price_minor * line.quantity),
      line.currency,
      line.payment_method ?? '',
      line.shipping_rate_name,
    ];
  });
  return {
    fileName: safeFileName(['Orders', now.toISOString().slice(0, 10)], 'csv'),
    contentType: 'text/csv; charset=utf-8',
    bytes: spreadsheetCsv(rows, ORDER_CSV_COLUMNS),
  };
}
