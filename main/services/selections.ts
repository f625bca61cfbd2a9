import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  OperationError,
  type SelectionCreateInput,
  type SelectionDetail,
  type SelectionListInput,
  type SelectionScanInput,
  type SelectionSetQuantitiesInput,
  type SelectionStyleLine,
  type SelectionList,
  type SelectionSummary,
  type SelectionTotalsView,
  type SelectionUpdateInput,
  type SelectionScanResult,
  type SelectionExportInput,
  type ExportedFile,
} from '../../preload/contract/index.ts';
import { basisPointsToPercent } from '../domain/buyers.ts';
import type { Money } from '../domain/money.ts';
import {
  discountedTotals,
  duplicateName,
  selectionTotals,
  type SelectionTotals,
} from '../domain/selections.ts';
import {
  selectionHead,
  selectionList,
  selectionNamesOf,
  selectionOwners,
  selectionSheet,
  skuByBarcode,
  type SelectionHeadRow,
} from '../store/selection-queries.ts';
import {
  addSelectionUnits,
  createSelection,
  deleteSelection,
  duplicateSelection,
  setSelectionQuantities,
  updateSelection,
} from '../sync/mutators/selections.ts';
import { changeLocally, signedInAccount, type LocalChangeServices } from './local-change.ts';
import { mediaFile } from './catalog.ts';
import { selectionCsv } from './export/selection-csv.ts';
import { selectionPdf } from './export/selection-pdf.ts';
import { listRefusals } from './sync.ts';

/**
 * Selections on the desktop: read from the replica at the buyer's prices, changed
 * through mutations that apply at once and reach the hub on the next sync.
 */
export type SelectionServices = LocalChangeServices;

const DOING = 'change selections';

function totalsView(
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

export async function listSelections(
  services: SelectionServices,
  input: z.output<typeof SelectionListInput>,
): Promise<SelectionList> {
  const ownerId =
    input.owner === 'mine' ? signedInAccount(services, 'see selections').userId : input.owner;
  const [rows, owners] = await Promise.all([
    selectionList(services.db, { buyerId: input.buyerId, ownerId, query: input.query }),
    selectionOwners(services.db),
  ]);
  const items = rows.map(({ head, sums }): SelectionSummary => ({
    id: head.id,
    name: head.name,
    buyer: { id: head.buyer_id, name: head.buyer_name },
    owner: { id: head.owner_id, name: head.owner_name ?? '' },
    styleCount: Number(sums?.styles ?? 0),
    totals: totalsView(
      discountedTotals(
        {
          units: Number(sums?.units ?? 0),
          subtotalMinor: Number(sums?.subtotal ?? 0),
          unpricedLines: Number(sums?.unpriced ?? 0),
        },
        head.discount_bp,
      ),
      head.currency,
      head.discount_bp,
    ),
    updatedAt: head.updated_at,
    waitingToSync: Boolean(head.waiting),
  }));
  return { items, owners };
}

async function requireHead(services: SelectionServices, selectionId: string) {
  const head = await selectionHead(services.db, selectionId);
  if (!head) throw new OperationError('not_found', 'This selection no longer exists.');
  return head;
}

export async function openSelection(
  services: SelectionServices,
  selectionId: string,
): Promise<SelectionDetail> {
  const head = await requireHead(services, selectionId);
  const [sheet, refusals] = await Promise.all([
    selectionSheet(services.db, head.id, head.pricelist_id),
    listRefusals(services.db, `selection:${head.id}`),
  ]);
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
      };
    });

  const missing = sheet.lines.filter((line) => line.colorway_id === null);
  const totals = selectionTotals(
    sheet.lines.map((line) => ({
      quantity: line.quantity,
      unitPriceMinor: line.colorway_id === null ? null : line.wholesale_minor,
    })),
    head.discount_bp,
  );
  return {
    id: head.id,
    name: head.name,
    notes: head.notes,
    buyer: buyerOf(head),
    owner: { id: head.owner_id, name: head.owner_name ?? '' },
    createdAt: head.created_at,
    updatedAt: head.updated_at,
    lines,
    missingSkuIds: missing.map((line) => line.sku_id),
    totals: totalsView(totals, head.currency, head.discount_bp),
    waitingToSync: Boolean(head.waiting),
    refusals,
  };
}

function buyerOf(head: SelectionHeadRow): SelectionDetail['buyer'] {
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

export async function createSelectionLocally(
  services: SelectionServices,
  input: z.output<typeof SelectionCreateInput>,
): Promise<SelectionDetail> {
  const id = uuidv7();
  const taken = await selectionNamesOf(services.db, input.buyerId);
  let name = input.name;
  for (let n = taken.size + 1; !name || taken.has(name); n++) name = `Selection ${n}`;
  await changeLocally(
    services,
    createSelection,
    { id, buyerId: input.buyerId, name, notes: input.notes },
    { field: 'buyerId', doing: DOING },
  );
  return openSelection(services, id);
}

export async function updateSelectionLocally(
  services: SelectionServices,
  input: z.output<typeof SelectionUpdateInput>,
): Promise<SelectionDetail> {
  await changeLocally(services, updateSelection, input, { field: 'name', doing: DOING });
  return openSelection(services, input.selectionId);
}

export async function setQuantitiesLocally(
  services: SelectionServices,
  input: z.output<typeof SelectionSetQuantitiesInput>,
): Promise<SelectionDetail> {
  if (new Set(input.lines.map((line) => line.skuId)).size !== input.lines.length) {
    throw new OperationError('invalid_input', 'A size appears twice in one change.');
  }
  await changeLocally(services, setSelectionQuantities, input, { field: 'lines', doing: DOING });
  return openSelection(services, input.selectionId);
}

export async function scanIntoSelection(
  services: SelectionServices,
  input: z.output<typeof SelectionScanInput>,
): Promise<SelectionScanResult> {
  const sku = await skuByBarcode(services.db, input.code);
  if (!sku) {
    const message = `No size in the catalog has the barcode ${input.code}.`;
    throw new OperationError('not_found', message, [{ path: 'code', message }]);
  }
  await changeLocally(
    services,
    addSelectionUnits,
    { selectionId: input.selectionId, skuId: sku.id, units: 1 },
    { field: 'code', doing: DOING },
  );
  const selection = await openSelection(services, input.selectionId);
  const quantity =
    selection.lines.flatMap((line) => line.cells).find((cell) => cell.skuId === sku.id)?.quantity ??
    1;
  return {
    selection,
    added: {
      styleNumber: sku.style_number,
      name: sku.name,
      colorway: sku.colour,
      size: sku.size,
      quantity,
    },
  };
}

export async function duplicateSelectionLocally(
  services: SelectionServices,
  selectionId: string,
): Promise<SelectionDetail> {
  const source = await requireHead(services, selectionId);
  const id = uuidv7();
  const name = duplicateName(source.name, await selectionNamesOf(services.db, source.buyer_id));
  await changeLocally(
    services,
    duplicateSelection,
    { sourceId: source.id, id, name },
    { field: 'selectionId', doing: DOING },
  );
  return openSelection(services, id);
}

export async function deleteSelectionLocally(
  services: SelectionServices,
  selectionId: string,
): Promise<{ deleted: true }> {
  await changeLocally(
    services,
    deleteSelection,
    { selectionId },
    { field: 'selectionId', doing: DOING },
  );
  return { deleted: true };
}

/** The selection as a file to hand over: an order sheet with pictures, or CSV for a spreadsheet. */
export async function exportSelection(
  services: SelectionServices,
  input: z.output<typeof SelectionExportInput>,
): Promise<ExportedFile> {
  const detail = await openSelection(services, input.selectionId);
  if (input.format === 'csv') return selectionCsv(detail);
  const brand = await services.db.selectFrom('brand_settings').select('name').executeTakeFirst();
  // A picture gone from the catalog prints as its colour swatch; any other failure is real.
  const noPicture = (error: unknown): null => {
    if (error instanceof OperationError && error.code === 'not_found') return null;
    throw error;
  };
  return selectionPdf(detail, (id) => mediaFile(services.db, id).catch(noPicture), {
    ...(brand ? { brandName: brand.name } : {}),
    now: services.clock(),
  });
}
