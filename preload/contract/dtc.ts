import { z } from 'zod';
import { ADDRESS_FIELDS } from '../../main/domain/addresses.ts';
import {
  MAX_CUSTOMER_ADDRESSES,
  MAX_CUSTOMER_EMAIL,
  MAX_CUSTOMER_NAME,
  MAX_CUSTOMER_PHONE,
  MAX_DTC_SELECTION_LINES,
  MAX_DTC_SELECTION_NAME,
  type DtcLinkState,
} from '../../main/domain/dtc.ts';
import type { OrderState } from '../../main/domain/order-states.ts';
import type { Money } from './money.ts';
import { operation } from './operation.ts';
import type { SyncRefusal } from './sync.ts';

const Id = z.string().min(1).max(64);

/** Twice the domain's limits: the domain judges the text and answers at the field; this only bounds it. */
const text = (max: number) => z.string().max(max * 2);

const AddressInput = z.strictObject(
  Object.fromEntries(
    Object.entries(ADDRESS_FIELDS).map(([field, rule]) => [field, text(rule.max)]),
  ) as Record<keyof typeof ADDRESS_FIELDS, z.ZodString>,
);

/** A customer card as the form sends it (main/domain/dtc-customers.ts judges it). */
export const DtcCustomerInput = z.strictObject({
  firstName: text(MAX_CUSTOMER_NAME),
  lastName: text(MAX_CUSTOMER_NAME),
  email: text(MAX_CUSTOMER_EMAIL),
  phone: text(MAX_CUSTOMER_PHONE),
  countryCode: text(2),
  marketId: z.string().max(64),
  addresses: z.array(AddressInput).max(MAX_CUSTOMER_ADDRESSES * 2),
});
export type DtcCustomerInput = z.infer<typeof DtcCustomerInput>;

/**
 * A selection's lines as "Save" sends them: numbers as typed into numbers, the domain's
 * dtcSelectionProblems judges the rest (whole, 1 to 999, special price from zero).
 */
export const DtcSelectionLineInput = z.strictObject({
  skuId: Id,
  quantity: z.number(),
  specialPriceMinor: z.number().nullable(),
});
export const DtcSelectionSaveInput = z.strictObject({
  selectionId: Id,
  name: text(MAX_DTC_SELECTION_NAME),
  lines: z.array(DtcSelectionLineInput).max(MAX_DTC_SELECTION_LINES * 2),
});

export const DtcLinkCreateInput = z.strictObject({
  selectionId: Id,
  lockQuantities: z.boolean(),
  ignoreShipping: z.boolean(),
  ignoreTax: z.boolean(),
});

/** A market a DTC customer is sold in: its pricelist and currency are a selection's. */
export interface DtcMarket {
  id: string;
  name: string;
  pricelistId: string;
  pricelistName: string;
  currency: string;
}

/** A customer as the Customers tab lists them. */
export interface DtcCustomerRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  countryCode: string;
  marketId: string;
  marketName: string;
  selections: number;
  waitingToSync: boolean;
}

export interface DtcCustomerList {
  customers: DtcCustomerRow[];
  /** How many customers match, when more than the list holds. */
  total: number;
}

export interface DtcSelectionSummary {
  id: string;
  name: string;
  customerId: string;
  customerName: string;
  marketName: string;
  currency: string;
  lines: number;
  units: number;
  total: Money;
  owner: string;
  updatedAt: string;
  deletedAt: string | null;
  /** The order the first purchase made, when it deleted the selection. */
  deletedByOrder: { id: string; number: string | null } | null;
}

/** An order bought through a DTC checkout link. */
export interface DtcOrderRow {
  id: string;
  number: string | null;
  status: OrderState;
  customerId: string;
  customerName: string;
  /** Who bought through the link (the order's contact): the customer, or whoever it reached. */
  boughtBy: string;
  /** A card payment's progress; 'none' for every other way to pay. */
  payment: 'none' | 'pending' | 'paid' | 'failed';
  selectionName: string;
  total: Money;
  createdAt: string;
}

export interface DtcCustomerDetail {
  id: string;
  card: DtcCustomerInput;
  marketName: string;
  createdAt: string;
  updatedAt: string;
  waitingToSync: boolean;
  selections: DtcSelectionSummary[];
  orders: DtcOrderRow[];
  refusals: SyncRefusal[];
}

/** A line of a DTC selection: one size of a style's colourway, priced at retail in the market's currency. */
export interface DtcSelectionLineDetail {
  skuId: string;
  styleId: string;
  styleNumber: string;
  name: string;
  colour: string;
  colorHex: string;
  size: string;
  quantity: number;
  retailMinor: number | null;
  specialPriceMinor: number | null;
}

export interface DtcLinkSummary {
  id: string;
  state: DtcLinkState;
  lockQuantities: boolean;
  ignoreShipping: boolean;
  ignoreTax: boolean;
  claims: number;
  createdBy: string;
  createdAt: string;
  purchasedAt: string | null;
  purchaseOrderNumber: string | null;
  killedAt: string | null;
}

export interface DtcSelectionDetail {
  id: string;
  name: string;
  customer: { id: string; name: string; email: string };
  market: DtcMarket;
  owner: { id: string; name: string };
  lines: DtcSelectionLineDetail[];
  updatedAt: string;
  deletedAt: string | null;
  deletedByOrder: { id: string; number: string | null } | null;
  /** A change of it is waiting for the hub. */
  waitingToSync: boolean;
  links: DtcLinkSummary[];
  refusals: SyncRefusal[];
}

/** One size a barcode names, as the editor adds it. */
export type DtcScannedSku = Omit<DtcSelectionLineDetail, 'quantity' | 'specialPriceMinor'>;

export const dtcOperations = {
  'dtc.markets': operation<DtcMarket[]>()({
    input: z.strictObject({}),
    summary: 'The markets a DTC customer can be sold in, with their pricelist and currency',
  }),
  'dtc.customers.list': operation<DtcCustomerList>()({
    input: z.strictObject({ query: z.string().max(200) }),
    summary: 'DTC customers whose name or email matches, by name',
  }),
  'dtc.customers.get': operation<DtcCustomerDetail>()({
    input: z.strictObject({ id: Id }),
    summary: "A DTC customer's card, selections and orders",
  }),
  'dtc.customers.create': operation<DtcCustomerDetail>()({
    input: z.strictObject({ card: DtcCustomerInput }),
    summary: 'Create a DTC customer (one per email)',
  }),
  'dtc.customers.save': operation<DtcCustomerDetail>()({
    input: z.strictObject({ id: Id, card: DtcCustomerInput }),
    summary: "Change a DTC customer's card",
  }),
  'dtc.orders.list': operation<DtcOrderRow[]>()({
    input: z.strictObject({}),
    summary: 'Orders bought through DTC checkout links, newest first',
  }),
  'dtc.selections.create': operation<DtcSelectionDetail>()({
    input: z.strictObject({
      customerId: Id,
      marketId: Id,
      name: text(MAX_DTC_SELECTION_NAME),
    }),
    summary: 'Create a DTC selection for a customer, in a market (its pricelist is fixed)',
  }),
  'dtc.selections.open': operation<DtcSelectionDetail>()({
    input: z.strictObject({ id: Id }),
    summary: 'A DTC selection with its lines, prices and checkout links',
  }),
  'dtc.selections.save': operation<DtcSelectionDetail>()({
    input: DtcSelectionSaveInput,
    summary: 'Save a DTC selection: its name and the whole set of lines',
  }),
  'dtc.selections.scan': operation<DtcScannedSku>()({
    input: z.strictObject({ selectionId: Id, code: z.string().min(1).max(64) }),
    summary: "The size a barcode names, priced in the selection's market",
  }),
  'dtc.links.create': operation<{ link: DtcLinkSummary; url: string }>()({
    input: DtcLinkCreateInput,
    summary: 'Make a one-time checkout link from a saved DTC selection (offline too)',
  }),
  'dtc.links.kill': operation<DtcSelectionDetail>()({
    input: z.strictObject({ id: Id }),
    summary: 'Kill a checkout link before anyone buys through it',
  }),
  'dtc.links.address': operation<{ url: string }>()({
    input: z.strictObject({ id: Id }),
    summary: "A checkout link's address, to copy, mail or show as a QR code",
  }),
};
