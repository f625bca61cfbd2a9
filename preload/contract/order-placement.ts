import { z } from 'zod';
import { PAYMENT_METHODS, type PaymentMethod } from '../../main/domain/order-states.ts';
import type { ResolvedShippingRate } from '../../main/domain/shipping-rates.ts';
import type { BuyerAddressBook } from './buyers.ts';
import { AddressInput } from './buyers.ts';
import type { ColorwaySwatch } from './catalog.ts';
import type { Money } from './money.ts';
import { operation } from './operation.ts';
import type { CatalogDateRefusalView } from './selections.ts';

const id = z.string().min(1).max(64);
/**
 * Typed text reaches the service whole, within a bound: its rules (a PO number's 64
 * characters, a note's 2,000) are the domain's to judge at the field, with their codes.
 */
const typed = z.string().max(65_536);

/** One size of a line to be ordered, with what the buyer's warehouse has of it. */
export interface PlacementSize {
  skuId: string;
  size: string;
  quantity: number;
  unitPrice: Money;
  /** Units available now in the warehouse the buyer's market ships from; null: no stock kept. */
  available: number | null;
  /** Units beyond what is available: the order is placed anyway, flagged "short N units". */
  short: number;
}

/** A style in one colourway, as the order will hold it. */
export interface PlacementGroup {
  styleId: string;
  styleNumber: string;
  name: string;
  colorway: ColorwaySwatch;
  sizes: PlacementSize[];
  units: number;
  amount: Money;
  /** Why buyers may no longer order this style (past its catalog's deadline), else null. */
  orderRefusal: CatalogDateRefusalView | null;
}

/** What the Place order dialog needs, read from the replica: it works offline. */
export interface PlacementDraft {
  selectionId: string;
  buyer: {
    id: string;
    name: string;
    countryCode: string | null;
    currency: string;
    /** Basis points, for the order's totals (main/domain/order-totals.ts). */
    discountBasisPoints: number;
  };
  groups: PlacementGroup[];
  addresses: BuyerAddressBook;
  /** The warehouse the buyer's market ships from, by name; null when none keeps stock. */
  warehouse: string | null;
  unitsShort: number;
  /** The catalogs past their order deadline for styles ordered here: the rep must acknowledge. */
  pastDeadline: { catalog: string; deadline: string; styles: string[] }[];
  /** Ship start and cancel date offered first: from the ordered styles' catalog deadlines. */
  defaultWindow: { shipStart: string; cancelDate: string };
  paymentMethods: readonly PaymentMethod[];
}

export type ShippingChoice =
  | { ok: true; rates: ResolvedShippingRate[] }
  | { ok: false; code: 'no_shipping_rate'; params: { country: string; currency: string } };

export const PlaceBoothOrderInput = z.strictObject({
  selectionId: id,
  shipTo: AddressInput,
  billTo: AddressInput,
  /** Also keep a typed address in the buyer's addresses. */
  saveShipTo: z.boolean().default(false),
  saveBillTo: z.boolean().default(false),
  shipStart: typed,
  cancelDate: typed,
  poNumber: typed,
  paymentMethod: z.enum(PAYMENT_METHODS),
  shippingGroupId: id.nullable(),
  note: typed,
  approvedBy: typed,
  /** The rep has read that some styles are past their order deadline. */
  acknowledgeDeadlines: z.boolean().default(false),
});

export interface PlacedBoothOrder {
  orderId: string;
  /** The provisional number (P-…) until the hub's own arrives by sync. */
  number: string;
  waitingToSync: boolean;
}

export const orderPlacementOperations = {
  'orders.placementDraft': operation<PlacementDraft>()({
    input: z.strictObject({ selectionId: id }),
    summary:
      "What placing a selection's order would hold: lines at the buyer's terms, availability, addresses, deadlines",
  }),
  'orders.shippingOptions': operation<ShippingChoice>()({
    input: z.strictObject({
      /** The selection being ordered: the catalogs of its styles may set shipping rate groups. */
      selectionId: id,
      country: z.string().max(2),
      currency: z.string().max(8),
    }),
    summary: 'The shipping rates an order to a country in a currency may choose from',
  }),
  'orders.place': operation<PlacedBoothOrder>()({
    input: PlaceBoothOrderInput,
    summary:
      "Place the selection's order for its buyer on this device; it reaches the hub on the next sync",
  }),
};
