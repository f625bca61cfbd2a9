import { z } from 'zod';
import type { Money } from '../../main/domain/money.ts';
import { ORDER_STATES, type OrderSource } from '../../main/domain/order-states.ts';
import { operation } from './operation.ts';

export const OrderStatus = z.enum(ORDER_STATES);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** One order as the orders list (the OMS view) shows it. */
export interface OrderSummary {
  id: string;
  /** Where it came from: the booth, a share link. */
  source: OrderSource;
  /** The hub's number (SO-2027-00042); null until the hub has the order. */
  number: string | null;
  /** Units asked that were not in stock when the hub placed it, for a person to resolve. */
  unitsShort: number;
  buyer: string;
  selection: string | null;
  status: OrderStatus;
  contact: { name: string; email: string; phone: string };
  note: string;
  units: number;
  total: Money;
  createdAt: string;
  completedAt: string | null;
  waitingToSync: boolean;
}

export const orderOperations = {
  'orders.list': operation<OrderSummary[]>()({
    input: z.strictObject({}),
    summary: 'Orders, newest first: source, buyer, status and totals',
  }),
  'orders.completeCheckout': operation<OrderSummary>()({
    input: z.strictObject({ orderId: z.string().min(1).max(64) }),
    summary: 'Complete the checkout of a "Checkout Requested" order; it becomes an Order',
  }),
};
