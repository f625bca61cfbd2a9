import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  OperationError,
  type SelectionCreateInput,
  type SelectionDetail,
  type SelectionListInput,
  type SelectionScanInput,
  type SelectionSetQuantitiesInput,
  type SelectionList,
  type SelectionSummary,
  type SelectionUpdateInput,
  type SelectionScanResult,
  type SelectionExportInput,
  type ExportedFile,
} from '../../preload/contract/index.ts';
import { discountedTotals, duplicateName } from '../domain/selections.ts';
import {
  selectionHead,
  selectionList,
  selectionNamesOf,
  selectionOwners,
  selectionsWaitingToSync,
  selectionWaitingToSync,
  skuByBarcode,
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
import { pastDeadlines, readSelectionSheet, totalsView } from './selection-sheet.ts';
import { listRefusals } from './sync.ts';

/**
 * Selections on the desktop: read from the replica at the buyer's prices, changed
 * through mutations that apply at once and reach the hub on the next sync.
 */
export type SelectionServices = LocalChangeServices;

const DOING = 'change selections';

export async function listSelections(
  services: SelectionServices,
  input: z.output<typeof SelectionListInput>,
): Promise<SelectionList> {
  const ownerId =
    input.owner === 'mine' ? signedInAccount(services, 'see selections').userId : input.owner;
  const [rows, owners, waiting] = await Promise.all([
    selectionList(services.db, { buyerId: input.buyerId, ownerId, query: input.query }),
    selectionOwners(services.db),
    selectionsWaitingToSync(services.db),
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
    waitingToSync: waiting.has(head.id),
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
  const [sheet, refusals, waiting] = await Promise.all([
    readSelectionSheet(services.db, head, { now: services.clock(), for: 'rep' }),
    listRefusals(services.db, `selection:${head.id}`),
    selectionWaitingToSync(services.db, head.id),
  ]);
  return {
    id: head.id,
    name: head.name,
    notes: head.notes,
    buyer: sheet.buyer,
    owner: { id: head.owner_id, name: head.owner_name ?? '' },
    createdAt: head.created_at,
    updatedAt: head.updated_at,
    lines: sheet.lines,
    missingSkuIds: sheet.missingSkuIds,
    totals: sheet.totals,
    pastDeadline: pastDeadlines(sheet.lines),
    waitingToSync: waiting,
    refusals,
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
