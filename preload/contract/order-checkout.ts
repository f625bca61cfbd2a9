import { z } from 'zod';
import type { AddressFields } from '../../main/domain/addresses.ts';
import type { Money } from '../../main/domain/money.ts';
import {
  PAYMENT_METHODS,
  type CheckoutRequirement,
  type OrderState,
  type PaymentMethod,
} from '../../main/domain/order-states.ts';
import { AddressInput, type BuyerAddress } from './buyers.ts';
import { operation } from './operation.ts';

const id = z.string().min(1).max(64);

/** A rate a "Checkout Requested" order may ship at, for its address's country and its currency. */
export interface CheckoutShippingRate {
  groupId: string;
  name: string;
  amount: Money;
  /** Shipped free when the goods total after discount reaches this; null: never. */
  freeFrom: Money | null;
  /** What this order would pay at this rate (0 above the threshold). */
  charge: Money;
}

/** What "Complete checkout" shows for a requested order: what it lacks and what to pick from. */
export interface OrderCheckoutNeeds {
  orderId: string;
  status: OrderState;
  buyerId: string;
  buyer: string;
  /** What the order still lacks, in form order (main/domain/order-states.ts). */
  missing: CheckoutRequirement[];
  /** Whether the brand's shipping rate groups apply (then the address is required). */
  shippingApplies: boolean;
  /** The addresses the order has, if any, and the buyer's to pick from. */
  shipTo: AddressFields | null;
  billTo: AddressFields | null;
  addresses: { shipTo: BuyerAddress[]; billTo: BuyerAddress | null };
  paymentMethod: PaymentMethod | null;
  /** The goods after the buyer's discount, on which free shipping is decided. */
  goods: Money;
}

export const CompleteCheckoutInput = z.strictObject({
  orderId: id,
  /** The ship-to address, picked from the buyer's or typed; null when not needed. */
  shipTo: AddressInput.nullable(),
  /** The bill-to address when it differs; null: none. */
  billTo: AddressInput.nullable(),
  /** The shipping rate group chosen among orderCheckout.shippingRates; null when none applies. */
  shippingGroupId: id.nullable(),
  paymentMethod: z.enum(PAYMENT_METHODS),
});
export type CompleteCheckoutInput = z.infer<typeof CompleteCheckoutInput>;

export const orderCheckoutOperations = {
  'orderCheckout.needs': operation<OrderCheckoutNeeds>()({
    input: z.strictObject({ orderId: id }),
    summary:
      'What a "Checkout Requested" order lacks (address, shipping, payment) and what to pick from',
  }),
  'orderCheckout.shippingRates': operation<CheckoutShippingRate[]>()({
    input: z.strictObject({ orderId: id, country: z.string().max(8) }),
    summary:
      "The shipping rates for an order to a country in the order's currency; none: not shipped there",
  }),
  'orderCheckout.complete': operation<{ orderId: string; status: OrderState }>()({
    input: CompleteCheckoutInput,
    summary: 'Complete the checkout of a requested order with what it lacked; it becomes an Order',
  }),
};
