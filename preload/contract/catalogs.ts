import { z } from 'zod';
import {
  CATALOG_ADDRESS_FIELDS,
  MAX_CATALOG_NAME,
  MAX_CATALOG_RATE_GROUPS,
  MAX_CATALOG_SEASON,
  MAX_STYLES_PER_CATALOG,
  type CatalogAddressField,
} from '../../main/domain/catalogs.ts';
import { CATALOG_STATUSES, type CatalogStatus } from '../../main/domain/model.ts';
import { PAYMENT_METHODS, type PaymentMethod } from '../../main/domain/order-states.ts';
import { operation } from './operation.ts';

const id = z.string().min(1).max(64);

/** A catalog as the Catalogs section lists it. */
export interface CatalogSummary {
  id: string;
  name: string;
  season: string;
  status: CatalogStatus;
  publicationAt: string | null;
  orderDeadlineAt: string | null;
  addressField: CatalogAddressField;
  paymentMethods: PaymentMethod[];
  shippingRateGroupIds: string[];
  styleCount: number;
  /** Changed on this computer, not yet on the hub. */
  waitingToSync: boolean;
}

export interface CatalogsOverview {
  catalogs: CatalogSummary[];
  /** The shipping rate groups a catalog may name (the master data in Settings). */
  rateGroups: { id: string; name: string }[];
}

/** A style of a catalog, in the catalog's order. */
export interface CatalogStyle {
  id: string;
  styleNumber: string;
  name: string;
}

export interface CatalogStylesFromCsv {
  styles: CatalogStyle[];
  /** Style numbers the brand has no style for, by the CSV line they are on. */
  unknown: { line: number; styleNumber: string }[];
}

/**
 * A catalog as the dialog sends it, dates already instants. The domain's catalogProblems
 * judges it and answers each problem at its field; this only bounds the input.
 */
export const CatalogInput = z.strictObject({
  /** Absent for a new catalog. */
  id: id.optional(),
  name: z.string().max(MAX_CATALOG_NAME * 2),
  season: z.string().max(MAX_CATALOG_SEASON * 2),
  status: z.enum(CATALOG_STATUSES),
  publicationAt: z.string().max(40).nullable(),
  orderDeadlineAt: z.string().max(40).nullable(),
  addressField: z.enum(CATALOG_ADDRESS_FIELDS),
  paymentMethods: z.array(z.enum(PAYMENT_METHODS)).max(PAYMENT_METHODS.length),
  shippingRateGroupIds: z.array(id).max(MAX_CATALOG_RATE_GROUPS),
});
export type CatalogInput = z.infer<typeof CatalogInput>;

export const catalogsOperations = {
  'catalogs.list': operation<CatalogsOverview>()({
    input: z.strictObject({}),
    summary: "The brand's catalogs with their settings and number of styles, and the rate groups",
  }),
  'catalogs.save': operation<{ id: string; overview: CatalogsOverview }>()({
    input: CatalogInput,
    summary: 'Make or change a catalog: name, season, status, dates, checkout settings (admins)',
  }),
  'catalogs.styles': operation<CatalogStyle[]>()({
    input: z.strictObject({ id }),
    summary: 'The styles in a catalog, in order',
  }),
  'catalogs.setStyles': operation<CatalogsOverview>()({
    input: z.strictObject({ id, productIds: z.array(id).max(MAX_STYLES_PER_CATALOG) }),
    summary: 'Set the styles in a catalog, in order (admins)',
  }),
  'catalogs.stylesFromCsv': operation<CatalogStylesFromCsv>()({
    input: z.strictObject({ content: z.string().max(5_000_000) }),
    summary: 'Read the styles of a CSV with a style number column; unknown ones by line',
  }),
  'catalogs.remove': operation<CatalogsOverview>()({
    input: z.strictObject({ id }),
    summary: 'Remove a catalog that holds no styles (admins)',
  }),
};
