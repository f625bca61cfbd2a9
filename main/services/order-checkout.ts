import type { AddressFields } from '../domain/addresses.ts';
import {
  missingForCheckout,
  paymentMethodRefusal,
  WITHOUT_CARD_FLOW,
} from '../domain/order-states.ts';
import { shippingCharge } from '../domain/shipping-rates.ts';
import {
  OperationError,
  type CheckoutShippingRate,
  type CompleteCheckoutInput,
  type OrderCheckoutNeeds,
} from '../../preload/contract/index.ts';
import { replicaDb } from '../store/database.ts';
import {
  orderShippingLevels,
  shippingApplies,
  shippingOptions,
} from '../store/shipping-queries.ts';
import { completeCheckoutWithDetails } from '../sync/mutators/order-checkout.ts';
import { readAddressBook } from './buyer-addresses.ts';
import { changeLocally, type LocalChangeServices } from './local-change.ts';

async function requestedOrder(services: LocalChangeServices, orderId: string) {
  const order = await replicaDb(services.db)
    .selectFrom('orders as o')
    .leftJoin('buyers as b', 'b.id', 'o.buyer_id')
    .selectAll('o')
    .select('b.name as buyer_name')
    .where('o.id', '=', orderId)
    .executeTakeFirst();
  if (!order) throw new OperationError('not_found', 'This order no longer exists.');
  // A DTC order (no wholesale buyer) is placed whole by its customer: nothing to complete.
  const { buyer_id: buyerId } = order;
  if (buyerId === null) {
    throw new OperationError('not_found', 'This order has no checkout to complete.');
  }
  return { ...order, buyer_id: buyerId };
}

/**
 * What "Complete checkout" asks for a requested order: what it lacks (address,
 * shipping, payment, by the domain's missingForCheckout) and the buyer's addresses to
 * pick from, read from this computer's replica, so it works offline.
 */
export async function checkoutNeeds(
  services: LocalChangeServices,
  orderId: string,
): Promise<OrderCheckoutNeeds> {
  const order = await requestedOrder(services, orderId);
  const applies = await shippingApplies(
    services.db,
    await orderShippingLevels(services.db, orderId),
  );
  const book = await readAddressBook(services, order.buyer_id);
  const parse = (json: string | null) =>
    json === null ? null : (JSON.parse(json) as AddressFields);
  return {
    orderId,
    status: order.status,
    buyerId: order.buyer_id,
    buyer: order.buyer_name ?? '',
    missing: missingForCheckout({
      hasAddress: order.ship_to !== null,
      hasShippingRate: order.shipping_rate_name !== '',
      paymentMethod: order.payment_method,
      shippingApplies: applies,
      addressAsked: false,
    }),
    shippingApplies: applies,
    shipTo: parse(order.ship_to),
    billTo: parse(order.bill_to),
    addresses: { shipTo: book.shipTo, billTo: book.billTo },
    paymentMethod: order.payment_method,
    goods: { amountMinor: order.subtotal_minor - order.discount_minor, currency: order.currency },
  };
}

/** The rates this order may ship at to `country`, each with what this order would pay. */
export async function checkoutShippingRates(
  services: LocalChangeServices,
  orderId: string,
  country: string,
): Promise<CheckoutShippingRate[]> {
  const order = await requestedOrder(services, orderId);
  const options = await shippingOptions(
    services.db,
    { country, currency: order.currency },
    await orderShippingLevels(services.db, orderId),
  );
  if (!options.ok) return [];
  const goods = order.subtotal_minor - order.discount_minor;
  const money = (amountMinor: number) => ({ amountMinor, currency: order.currency });
  return options.rates.map((rate) => ({
    groupId: rate.groupId,
    name: rate.groupName,
    amount: money(rate.amountMinor),
    freeFrom: rate.freeFromMinor === null ? null : money(rate.freeFromMinor),
    charge: money(shippingCharge(rate, goods)),
  }));
}

/** Completes the checkout on this computer at once; the hub gives it its event and audit on sync. */
export async function completeCheckoutWithDetailsLocally(
  services: LocalChangeServices,
  input: CompleteCheckoutInput,
): Promise<{ orderId: string; status: OrderCheckoutNeeds['status'] }> {
  // Said at its field here; the mutator refuses it too, on the replica and the hub.
  const payment = paymentMethodRefusal(input.paymentMethod, WITHOUT_CARD_FLOW);
  if (payment) {
    const message = 'No card payment is taken when the brand completes a checkout.';
    throw new OperationError('invalid_input', message, [
      { path: 'paymentMethod', message, code: payment.code, params: payment.params },
    ]);
  }
  await changeLocally(services, completeCheckoutWithDetails, input, {
    field: 'orderId',
    doing: 'complete checkouts',
  });
  const order = await requestedOrder(services, input.orderId);
  return { orderId: order.id, status: order.status };
}
