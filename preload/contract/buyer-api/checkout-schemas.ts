import { z } from 'zod';
import { OrderStatus } from '../orders.ts';

/**
 * What every buyer checkout answers, a share link's and a customer order link's alike:
 * the order placed, and the shipping a cart may take.
 */

const amount = z.number().int().nonnegative();

export const CheckoutAnswer = z
  .object({
    orderId: z.string(),
    /** The brand's order number (SO-2027-00042). */
    number: z.string().nullable(),
    status: OrderStatus,
    /** What the hub charged: the goods at the buyer's terms, then shipping. */
    totals: z.object({
      currency: z.string(),
      subtotalMinor: amount,
      discountMinor: amount,
      shippingMinor: amount,
      totalMinor: amount,
    }),
    /** The shipping rate group's name; '' without shipping. */
    shippingRateName: z.string(),
    /** With "Stripe Credit Card Payment": Stripe's page where the buyer pays the order next. */
    cardPaymentUrl: z.string().optional(),
  })
  .meta({ id: 'CheckoutAnswer' });

export const ShippingOptions = z
  .object({
    /** Whether shipping rate groups apply: then the checkout needs the ship-to address. */
    shippingApplies: z.boolean(),
    /** The order's currency, the selection's. */
    currency: z.string(),
    /** The rates to the country in that currency, the default first; none: not shipped there. */
    rates: z.array(
      z.object({
        groupId: z.string(),
        name: z.string(),
        amountMinor: amount,
        /** Shipped free when the goods total after discount reaches this; null: never. */
        freeFromMinor: amount.nullable(),
      }),
    ),
  })
  .meta({ id: 'ShippingOptions' });
