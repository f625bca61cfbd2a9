import { z } from 'zod';
import type { AddressFields } from '../../main/domain/addresses.ts';
import type { Money } from '../../main/domain/money.ts';
import {
  MAX_CANCEL_REASON,
  WHOLESALE_ORDER_SOURCES,
  ORDER_STATES,
  type OrderSource,
  type PaymentMethod,
} from '../../main/domain/order-states.ts';
import type { ExportedFile } from './selections.ts';
import { operation } from './operation.ts';

export const OrderStatus = z.enum(ORDER_STATES);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** One order as the orders list (the OMS view) shows it. */
export interface OrderSummary {
  id: string;
  /** Where it came from: the booth, a share link. */
  source: OrderSource;
  /** The hub's number (SO-2027-00042), a provisional one (P-…) until the hub has it, or null. */
  number: string | null;
  /** Units asked that were not in stock when the hub placed it, for a person to resolve. */
  unitsShort: number;
  /** The wholesale buyer's name; a DTC order's customer's (its contact is who bought). */
  buyer: string;
  /** The buyer's rep for this order: the selection's owner; null when the selection is gone. */
  rep: { id: string; name: string } | null;
  selection: string | null;
  status: OrderStatus;
  contact: { name: string; email: string; phone: string };
  note: string;
  poNumber: string;
  units: number;
  total: Money;
  createdAt: string;
  completedAt: string | null;
  waitingToSync: boolean;
}

const id = z.string().min(1).max(64);

/** What the Orders view narrows the list to; every part optional, all of them at once. */
export const OrderFilters = z.strictObject({
  status: OrderStatus.optional(),
  source: z.enum(WHOLESALE_ORDER_SOURCES).optional(),
  repId: id.optional(),
  buyerId: id.optional(),
  /** Placed at or after this instant (the start of the first day, in the person's time zone). */
  placedFrom: z.iso.datetime().optional(),
  /** Placed before this instant (the start of the day after the last). */
  placedBefore: z.iso.datetime().optional(),
  /** An order number (as typed: "so-2027-42"), a buyer's name or the start of a PO. */
  search: z.string().trim().max(100).optional(),
});
export type OrderFilters = z.infer<typeof OrderFilters>;

/** Where the next page starts: after this order, newest first. */
export const OrderCursor = z.strictObject({ createdAt: z.string().max(40), id });
export type OrderCursor = z.infer<typeof OrderCursor>;

export const ORDERS_PAGE_MAX = 200;

export interface OrderPage {
  orders: OrderSummary[];
  /** Null on the last page. */
  next: OrderCursor | null;
}

/** One colourway of a style in an order: quantities by size, as a size grid's row. */
export interface OrderColourwayRow {
  code: string;
  name: string;
  colorHex: string | null;
  /** By size, in the style's scale order; only sizes ordered. */
  quantities: Record<string, number>;
  units: number;
  amount: Money;
}

export interface OrderStyleLines {
  styleNumber: string;
  name: string;
  /** The sizes any colourway ordered, in the scale's order: the grid's columns. */
  sizes: string[];
  /** One unit price per size when all agree, else null (each cell priced alike is the rule). */
  unitPrice: Money | null;
  colourways: OrderColourwayRow[];
  units: number;
  amount: Money;
}

export interface OrderEventEntry {
  at: string;
  /** staff, linkHolder, buyer, system, anonymous (events before 0013). */
  actorKind: string;
  /** The staff member's name when staff acted. */
  actorName: string | null;
  from: OrderStatus | null;
  to: OrderStatus;
  reason: string;
}

export interface OrderDetail extends OrderSummary {
  shipTo: AddressFields | null;
  billTo: AddressFields | null;
  shipStart: string | null;
  cancelDate: string | null;
  paymentMethod: PaymentMethod | null;
  /** A card payment's progress ('none' for every other way to pay), and when it was paid. */
  payment: { status: 'none' | 'pending' | 'paid' | 'failed'; paidAt: string | null };
  shippingRateName: string;
  shipping: Money;
  subtotal: Money;
  discount: Money;
  approvedBy: string;
  styles: OrderStyleLines[];
  events: OrderEventEntry[];
  /** What the signed-in person may do with it now, by the order's rules and their role. */
  may: { confirm: boolean; cancel: boolean; completeCheckout: boolean };
}

export interface OrderFilterChoices {
  reps: { id: string; name: string }[];
  buyers: { id: string; name: string }[];
}

const OrderId = z.strictObject({ orderId: id });

export const orderOperations = {
  'orders.list': operation<OrderPage>()({
    input: z.strictObject({
      filters: OrderFilters.default({}),
      after: OrderCursor.optional(),
      limit: z.number().int().min(1).max(ORDERS_PAGE_MAX).default(50),
    }),
    summary: 'One page of orders, newest first, filtered and searched as the Orders view asks',
  }),
  'orders.filterChoices': operation<OrderFilterChoices>()({
    input: z.strictObject({}),
    summary: 'The reps and buyers the Orders view filters by',
  }),
  'orders.detail': operation<OrderDetail>()({
    input: OrderId,
    summary: 'One order whole: lines by style, colour and size, addresses, totals, history',
  }),
  'orders.confirm': operation<OrderSummary>()({
    input: OrderId,
    summary: 'Confirm an order: the brand commits to ship it',
  }),
  'orders.cancel': operation<OrderSummary>()({
    input: z.strictObject({
      orderId: id,
      reason: z.string().trim().min(1).max(MAX_CANCEL_REASON),
    }),
    summary: 'Cancel an order with a reason; its stock comes back',
  }),
  'orders.exportCsv': operation<ExportedFile>()({
    input: z.strictObject({ filters: OrderFilters.default({}) }),
    summary: 'The filtered orders as CSV, one row per SKU line, for an ERP',
  }),
};
