import { addressProblems, normalizedAddress, type AddressFields } from '../domain/addresses.ts';
import {
  CHECKOUT_REQUIREMENTS,
  missingForCheckout,
  paymentMethodRefusal,
  WITHOUT_CARD_FLOW,
  type CheckoutRequirement,
  type PaymentMethod,
} from '../domain/order-states.ts';
import type { RefusalParams } from '../domain/refusal.ts';
import { shippingCharge, type ResolvedShippingRate } from '../domain/shipping-rates.ts';
import type { StoreDb } from './database.ts';
import { orderShippingLevels, shippingApplies, shippingOptions } from './shipping-queries.ts';

/** What "Complete checkout" brings to a requested order: what it lacked. */
export interface CheckoutCompletion {
  readonly orderId: string;
  /** Null: keep the address the order has (none, when shipping does not apply). */
  readonly shipTo: AddressFields | null;
  readonly billTo: AddressFields | null;
  /** Null: keep the shipping the order has (none, when shipping does not apply). */
  readonly shippingGroupId: string | null;
  readonly paymentMethod: PaymentMethod;
}

/** The order as it stands, as both the hub and a replica hold it. */
export interface RequestedOrder {
  readonly currency: string;
  readonly subtotal_minor: number;
  readonly discount_minor: number;
  readonly shipping_minor: number;
  readonly shipping_rate_name: string;
  readonly ship_to: string | null;
  readonly bill_to: string | null;
}

/** The order's columns once completed: addresses, shipping, payment and its total again. */
export interface CompletedColumns {
  ship_to: string | null;
  bill_to: string | null;
  shipping_rate_name: string;
  shipping_minor: number;
  total_minor: number;
  payment_method: PaymentMethod;
}

export type CompletionProblem = {
  /** invalid_input (an address field, a rate not offered), a card payment, or checkout_incomplete. */
  readonly code:
    'invalid_input' | 'checkout_incomplete' | 'no_shipping_rate' | 'payment_method_not_offered';
  /** Where the dialog shows it: `shipTo.city`, `shippingGroupId`, … */
  readonly path: string;
  readonly params: RefusalParams;
  readonly message: string;
};

const REQUIREMENT_PATHS: Readonly<Record<CheckoutRequirement, string>> = {
  address: 'shipTo',
  shipping: 'shippingGroupId',
  payment: 'paymentMethod',
};

/**
 * The one rule for completing a requested order, on the hub and on a replica alike:
 * each address judged by the domain, what the order still lacks by missingForCheckout,
 * the shipping rate resolved again (its catalogs' groups, else the brand's default) for the address's country in
 * the order's currency, and the total recomputed (goods after discount, as placed, plus
 * shipping, free above the rate's threshold). Nothing here trusts an amount from outside.
 */
export async function checkoutCompletion(
  db: StoreDb,
  order: RequestedOrder,
  completion: CheckoutCompletion,
): Promise<{ ok: true; columns: CompletedColumns } | ({ ok: false } & CompletionProblem)> {
  // The brand completes a checkout without the buyer: no card can be charged here.
  const payment = paymentMethodRefusal(completion.paymentMethod, WITHOUT_CARD_FLOW);
  if (payment) {
    return {
      ok: false,
      code: payment.code,
      path: 'paymentMethod',
      params: payment.params,
      message: `paymentMethod: ${payment.code} (${completion.paymentMethod}).`,
    };
  }
  for (const [path, address] of [
    ['shipTo', completion.shipTo],
    ['billTo', completion.billTo],
  ] as const) {
    const problem = address && Object.entries(addressProblems(address))[0];
    if (problem) {
      return {
        ok: false,
        code: 'invalid_input',
        path: `${path}.${problem[0]}`,
        params: { problem: problem[1].code },
        message: `The ${path} address is not complete (${problem[0]}: ${problem[1].code}).`,
      };
    }
  }
  const shipTo =
    completion.shipTo === null
      ? order.ship_to === null
        ? null
        : (JSON.parse(order.ship_to) as AddressFields)
      : normalizedAddress(completion.shipTo);
  const levels = await orderShippingLevels(db, completion.orderId);
  const applies = await shippingApplies(db, levels);
  const missing = missingForCheckout({
    hasAddress: shipTo !== null,
    hasShippingRate: completion.shippingGroupId !== null || order.shipping_rate_name !== '',
    paymentMethod: completion.paymentMethod,
    shippingApplies: applies,
    addressAsked: false,
  });
  if (missing.length > 0) {
    const first = CHECKOUT_REQUIREMENTS.find((requirement) => missing.includes(requirement))!;
    return {
      ok: false,
      code: 'checkout_incomplete',
      path: REQUIREMENT_PATHS[first],
      params: { missing: missing.join(',') },
      message: `This checkout still needs: ${missing.join(', ')}.`,
    };
  }
  let rate: ResolvedShippingRate | null = null;
  if (completion.shippingGroupId !== null && shipTo) {
    const options = await shippingOptions(
      db,
      { country: shipTo.country, currency: order.currency },
      levels,
    );
    rate = options.ok
      ? (options.rates.find((found) => found.groupId === completion.shippingGroupId) ?? null)
      : null;
    if (!rate) {
      return {
        ok: false,
        code: 'no_shipping_rate',
        path: 'shippingGroupId',
        params: { country: shipTo.country, currency: order.currency },
        message: `The brand does not ship to ${shipTo.country} in ${order.currency} at this rate.`,
      };
    }
  }
  const goods = order.subtotal_minor - order.discount_minor;
  const shipping = rate ? shippingCharge(rate, goods) : order.shipping_minor;
  return {
    ok: true,
    columns: {
      ship_to: shipTo && JSON.stringify(shipTo),
      bill_to:
        completion.billTo === null
          ? order.bill_to
          : JSON.stringify(normalizedAddress(completion.billTo)),
      shipping_rate_name: rate ? rate.groupName : order.shipping_rate_name,
      shipping_minor: shipping,
      total_minor: goods + shipping,
      payment_method: completion.paymentMethod,
    },
  };
}
