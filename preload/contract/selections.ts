import { z } from 'zod';
import { CATALOG_DATE_REFUSALS } from '../../main/domain/catalog-dates.ts';
import {
  MAX_QUANTITY,
  MAX_SELECTION_NAME,
  MAX_SELECTION_NOTES,
} from '../../main/domain/selections.ts';
import { ColorwaySwatch } from './catalog.ts';
import { Money } from './money.ts';
import { operation } from './operation.ts';
import type { SyncRefusal } from './sync.ts';

const id = z.string().min(1).max(64);

const selectionName = z
  .string()
  .trim()
  .min(1, 'Give the selection a name')
  .max(MAX_SELECTION_NAME, `A name is at most ${MAX_SELECTION_NAME} characters`);

const notes = z
  .string()
  .max(
    MAX_SELECTION_NOTES,
    `Notes are at most ${MAX_SELECTION_NOTES.toLocaleString('en')} characters`,
  );

export const Quantity = z
  .number({ error: 'Type a whole number of units' })
  .int('Type a whole number of units')
  .min(0, 'A quantity cannot be negative')
  .max(MAX_QUANTITY, `At most ${MAX_QUANTITY.toLocaleString('en')} units per size`);

export const SelectionListInput = z.strictObject({
  buyerId: id.optional(),
  /** 'mine' for the signed-in rep's own, a staff id for one rep's, absent for all the rep may see. */
  owner: z.union([z.literal('mine'), id]).optional(),
  query: z.string().max(200).default(''),
});

export const SelectionCreateInput = z.strictObject({
  buyerId: id,
  name: selectionName.optional(),
  notes: notes.default(''),
});

export const SelectionUpdateInput = z.strictObject({
  selectionId: id,
  name: selectionName,
  notes,
});

export const SelectionSetQuantitiesInput = z.strictObject({
  selectionId: id,
  /** Quantities to set, per SKU; 0 removes the line. One size run at a time, or a whole style. */
  lines: z
    .array(z.strictObject({ skuId: id, quantity: Quantity }))
    .min(1, 'Type a quantity for at least one size')
    .max(500, 'Set at most 500 sizes at once'),
});

export const SelectionScanInput = z.strictObject({
  selectionId: id,
  /** What the scanner typed before Enter. */
  code: z
    .string()
    .trim()
    .min(1, 'Scan or type a barcode')
    .max(64, 'A barcode is at most 64 characters'),
});

export const SelectionExportInput = z.strictObject({
  selectionId: id,
  format: z.enum(['pdf', 'csv']),
});

export interface SelectionBuyer {
  id: string;
  name: string;
  pricelistId: string;
  pricelistName: string | null;
  currency: string | null;
  discountPercent: number;
  language: 'en' | 'ja';
}

export interface SelectionOwner {
  id: string;
  name: string;
}

export const SelectionTotalsView = z
  .object({
    units: z.number().int(),
    subtotal: Money.nullable(),
    discountPercent: z.number(),
    discount: Money.nullable(),
    total: Money.nullable(),
  })
  .meta({ id: 'SelectionTotals' });
export type SelectionTotalsView = z.infer<typeof SelectionTotalsView>;

export interface SelectionList {
  items: SelectionSummary[];
  /** Everyone whose selections this person may see, for the list's rep filter. */
  owners: SelectionOwner[];
}

/** One selection in a list. */
export interface SelectionSummary {
  id: string;
  name: string;
  buyer: { id: string; name: string };
  owner: SelectionOwner;
  /** Style-colourways in the selection. */
  styleCount: number;
  totals: SelectionTotalsView;
  updatedAt: string;
  waitingToSync: boolean;
}

/** One size of a style-colourway in a selection: the SKU, its price and what is selected. */
export const SelectionCell = z.object({
  size: z.string(),
  skuId: z.string(),
  barcode: z.string().nullable(),
  quantity: z.number().int(),
  /**
   * Wholesale on the buyer's pricelist of a selected size; null for a size not selected,
   * and for a selected size no longer sold to this buyer (it counts in no total).
   */
  unitPrice: Money.nullable(),
});
export type SelectionCell = z.infer<typeof SelectionCell>;

/**
 * Why buyers may not order a style now, from its catalogs' dates and status
 * (main/domain/catalog-dates.ts): a code and its parameters, put in words by each page.
 */
export const CatalogDateRefusalView = z
  .object({
    code: z.enum(CATALOG_DATE_REFUSALS),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({ id: 'CatalogDateRefusal' });
export type CatalogDateRefusalView = z.infer<typeof CatalogDateRefusalView>;

/** A style in one colourway, its size run with quantities: a row of the order sheet. */
export const SelectionStyleLine = z
  .object({
    styleId: z.string(),
    styleNumber: z.string(),
    name: z.string(),
    pictureId: z.string().nullable(),
    colorway: ColorwaySwatch,
    /** The style's sizes in scale order; a size not cut in this colourway is absent. */
    cells: z.array(SelectionCell),
    units: z.number().int(),
    amount: Money.nullable(),
    /** Retail price of the colourway's sizes on the buyer's pricelist (lowest), for the linesheet. */
    retail: Money.nullable(),
    /** Sizes selected that are no longer sold to this buyer; they count in no total. */
    unsold: z.array(z.string()),
    /**
     * Why buyers may not order this style now (past its catalogs' deadline, not yet
     * published, closed); null when they may. Buyers' pages show only styles they may
     * see, so there it is only ever `deadline_passed`.
     */
    orderRefusal: CatalogDateRefusalView.nullable(),
  })
  .meta({ id: 'SelectionStyleLine' });
export type SelectionStyleLine = z.infer<typeof SelectionStyleLine>;

export interface SelectionDetail {
  id: string;
  name: string;
  notes: string;
  buyer: SelectionBuyer;
  owner: SelectionOwner;
  createdAt: string;
  updatedAt: string;
  /** One per style-colourway, in the order they were first added. */
  lines: SelectionStyleLine[];
  /** SKUs selected that are gone from the catalog; the rep can only remove them. */
  missingSkuIds: string[];
  totals: SelectionTotalsView;
  /**
   * The catalogs whose order deadline has passed for some style here (none of its
   * catalogs still open): the rep is warned, never stopped, since a booth order is a fact.
   */
  pastDeadline: { catalog: string; deadline: string }[];
  waitingToSync: boolean;
  /** Changes to this selection the hub refused, shown in place. */
  refusals: SyncRefusal[];
}

export interface SelectionScanResult {
  selection: SelectionDetail;
  /** What one scan added, for the rep to hear and see. */
  added: { styleNumber: string; name: string; colorway: string; size: string; quantity: number };
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export const selectionOperations = {
  'selections.list': operation<SelectionList>()({
    input: SelectionListInput,
    summary:
      "Selections for a buyer or by a rep, newest first, with totals in the buyer's currency",
  }),
  'selections.open': operation<SelectionDetail>()({
    input: z.strictObject({ selectionId: id }),
    summary: "A selection's styles, size runs, quantities and totals at the buyer's prices",
  }),
  'selections.create': operation<SelectionDetail>()({
    input: SelectionCreateInput,
    summary: 'Create a selection for a buyer on this device',
  }),
  'selections.update': operation<SelectionDetail>()({
    input: SelectionUpdateInput,
    summary: 'Rename a selection or change its notes',
  }),
  'selections.setQuantities': operation<SelectionDetail>()({
    input: SelectionSetQuantitiesInput,
    summary: 'Set the quantity of some sizes; 0 removes them',
  }),
  'selections.scan': operation<SelectionScanResult>()({
    input: SelectionScanInput,
    summary: 'Add one unit of the scanned SKU to the selection',
  }),
  'selections.duplicate': operation<SelectionDetail>()({
    input: z.strictObject({ selectionId: id }),
    summary: 'Copy a selection, lines and notes, under a new name',
  }),
  'selections.delete': operation<{ deleted: true }>()({
    input: z.strictObject({ selectionId: id }),
    summary: 'Delete a selection',
  }),
  'selections.export': operation<ExportedFile>()({
    input: SelectionExportInput,
    summary: 'A selection as a PDF order sheet with pictures, or as CSV',
  }),
};
