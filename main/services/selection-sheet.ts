import type {
  SelectionBuyer,
  SelectionStyleLine,
  SelectionTotalsView,
} from '../../preload/contract/index.ts';
import { basisPointsToPercent } from '../domain/buyers.ts';
import { styleAccess, type CatalogAccess, type CatalogDates } from '../domain/catalog-dates.ts';
import type { Money } from '../domain/money.ts';
import { selectionTotals, type SelectionTotals } from '../domain/selections.ts';
import type { StoreDb } from '../store/database.ts';
import { selectionSheet, type SelectionHeadRow } from '../store/selection-queries.ts';

/**
 * A selection as an order sheet: a row per style-colourway with its size run, priced on
 * the buyer's pricelist, and the totals under the buyer's terms. The rep's editor and
 * the page a share link opens show the same sheet.
 */
export interface SelectionSheet {
  buyer: SelectionBuyer;
  lines: SelectionStyleLine[];
  missingSkuIds: string[];
  totals: SelectionTotalsView;
}

export function totalsView(
  totals: SelectionTotals,
  currency: string | null,
  discountBp: number,
): SelectionTotalsView {
  const money = (amountMinor: number): Money | null =>
    currency ? { amountMinor, currency } : null;
  return {
    units: totals.units,
    subtotal: money(totals.subtotalMinor),
    discountPercent: basisPointsToPercent(discountBp),
    discount: money(totals.discountMinor),
    total: money(totals.totalMinor),
  };
}

export function buyerOf(head: SelectionHeadRow): SelectionBuyer {
  return {
    id: head.buyer_id,
    name: head.buyer_name,
    pricelistId: head.pricelist_id,
    pricelistName: head.pricelist_name,
    currency: head.currency,
    discountPercent: basisPointsToPercent(head.discount_bp),
    language: head.language,
  };
}

/**
 * Whom the sheet is read for, and when. A rep sees every line, each marked with why a
 * buyer could not order it now. A buyer sees only the styles their catalogs show now, and
 * totals of the lines they may still order, which is what their checkout places.
 */
export interface SheetReader {
  now: Date;
  for: 'rep' | 'buyer';
}

export async function readSelectionSheet(
  db: StoreDb,
  head: SelectionHeadRow,
  reader: SheetReader,
): Promise<SelectionSheet> {
  const sheet = await selectionSheet(db, head.id, head.pricelist_id);
  const catalogsByStyle = Map.groupBy(sheet.catalogs, (row) => row.product_id);
  const accessByStyle = new Map<string, CatalogAccess>();
  const accessOf = (styleId: string) => {
    let access = accessByStyle.get(styleId);
    if (!access) {
      const catalogs: CatalogDates[] = (catalogsByStyle.get(styleId) ?? []).map((row) => ({
        name: row.name,
        status: row.status,
        publicationAt: row.publication_at,
        orderDeadlineAt: row.order_deadline_at,
      }));
      access = styleAccess(catalogs, reader.now);
      accessByStyle.set(styleId, access);
    }
    return access;
  };
  const styleOfColorway = new Map(sheet.colorways.map((row) => [row.id, row.product_id]));
  const shown = (colorwayId: string) =>
    reader.for === 'rep' || accessOf(styleOfColorway.get(colorwayId)!).visible;
  const counted = (colorwayId: string) =>
    reader.for === 'rep' || accessOf(styleOfColorway.get(colorwayId)!).orderable;
  const money = (amountMinor: number | null): Money | null =>
    amountMinor !== null && head.currency ? { amountMinor, currency: head.currency } : null;

  // Colourways share a handful of size scales: each is read once.
  const sizeOrders = new Map<string, Map<string, number>>();
  const sizeOrderOf = (sizes: string) => {
    let order = sizeOrders.get(sizes);
    if (!order) {
      order = new Map((JSON.parse(sizes) as string[]).map((size, index) => [size, index]));
      sizeOrders.set(sizes, order);
    }
    return order;
  };
  const lineBySku = new Map(sheet.lines.map((line) => [line.sku_id, line]));
  const linesByColorway = Map.groupBy(
    sheet.lines.filter((line) => line.colorway_id !== null),
    (line) => line.colorway_id!,
  );
  const skusByColorway = Map.groupBy(sheet.skus, (sku) => sku.colorway_id);
  const firstAdded = (colorwayId: string) =>
    (linesByColorway.get(colorwayId) ?? []).reduce(
      (first, line) => (line.added_at < first ? line.added_at : first),
      '\uffff',
    );
  const lines: SelectionStyleLine[] = sheet.colorways
    .filter((colorway) => shown(colorway.id))
    .map((colorway) => ({ colorway, first: firstAdded(colorway.id) }))
    .toSorted(
      (a, b) => a.first.localeCompare(b.first) || a.colorway.id.localeCompare(b.colorway.id),
    )
    .map(({ colorway }) => {
      const sizeOrder = sizeOrderOf(colorway.sizes);
      const cells = (skusByColorway.get(colorway.id) ?? [])
        .toSorted(
          (a, b) =>
            (sizeOrder.get(a.size) ?? Number.MAX_SAFE_INTEGER) -
              (sizeOrder.get(b.size) ?? Number.MAX_SAFE_INTEGER) || a.position - b.position,
        )
        .map((sku) => ({ sku, line: lineBySku.get(sku.id) }));
      const selected = cells.flatMap(({ line }) => (line ? [line] : []));
      const totals = selectionTotals(
        selected.map((line) => ({ quantity: line.quantity, unitPriceMinor: line.wholesale_minor })),
        0,
      );
      const retail = selected.reduce<number | null>(
        (low, line) =>
          line.retail_minor !== null && (low === null || line.retail_minor < low)
            ? line.retail_minor
            : low,
        null,
      );
      return {
        styleId: colorway.product_id,
        styleNumber: colorway.style_number,
        name: colorway.style_name,
        pictureId: colorway.picture_id,
        colorway: { code: colorway.code, name: colorway.name, colorHex: colorway.color_hex },
        cells: cells.map(({ sku, line }) => ({
          size: sku.size,
          skuId: sku.id,
          barcode: sku.barcode,
          quantity: line?.quantity ?? 0,
          unitPrice: line ? money(line.wholesale_minor) : null,
        })),
        units: totals.units,
        amount: money(totals.subtotalMinor),
        retail: money(retail),
        unsold: cells
          .filter(({ line }) => line && line.wholesale_minor === null)
          .map(({ sku }) => sku.size),
        orderRefusal: refusalOf(accessOf(colorway.product_id)),
      };
    });

  const missing = sheet.lines.filter((line) => line.colorway_id === null);
  const totals = selectionTotals(
    sheet.lines
      .filter((line) => line.colorway_id === null || counted(line.colorway_id))
      .map((line) => ({
        quantity: line.quantity,
        unitPriceMinor: line.colorway_id === null ? null : line.wholesale_minor,
      })),
    head.discount_bp,
  );
  return {
    buyer: buyerOf(head),
    lines,
    missingSkuIds: missing.map((line) => line.sku_id),
    totals: totalsView(totals, head.currency, head.discount_bp),
  };
}

function refusalOf(access: CatalogAccess): SelectionStyleLine['orderRefusal'] {
  return access.orderable
    ? null
    : { code: access.reason.code, params: { ...access.reason.params } };
}

/**
 * The sizes the lines order, each at the buyer's unit price on the sheet: what an order
 * of the selection places (the share checkout's and the booth's alike). A size no longer
 * sold to the buyer has no price and is left out, as it counts in no total.
 */
export function pricedLines(
  lines: readonly SelectionStyleLine[],
): { skuId: string; quantity: number; unitPriceMinor: number }[] {
  return lines.flatMap((line) =>
    line.cells.flatMap((cell) =>
      cell.quantity > 0 && cell.unitPrice
        ? [
            {
              skuId: cell.skuId,
              quantity: cell.quantity,
              unitPriceMinor: cell.unitPrice.amountMinor,
            },
          ]
        : [],
    ),
  );
}

/** The catalogs past their deadline for some line, each once, for the rep's warning. */
export function pastDeadlines(lines: readonly SelectionStyleLine[]) {
  const found = new Map<string, { catalog: string; deadline: string }>();
  for (const { orderRefusal } of lines) {
    if (orderRefusal?.code !== 'deadline_passed') continue;
    const catalog = String(orderRefusal.params.catalog);
    found.set(catalog, { catalog, deadline: String(orderRefusal.params.deadline) });
  }
  return [...found.values()];
}
