import { z } from 'zod';
import { PAYMENT_METHODS } from '../../domain/order-states.ts';
import { checkoutCompletion } from '../../store/checkout-completion.ts';
import { changeOrderState } from '../../hub/orders/change-state.ts';
import { writeCheckoutCompletion } from '../../hub/orders/complete-checkout.ts';
import { Address } from './buyer-addresses.ts';
import { MutationRefused, mutator } from './mutator.ts';
import { completeCheckout } from './orders.ts';

/**
 * Complete checkout of a "Checkout Requested" order with what it lacked (address,
 * shipping, payment: missingForCheckout). v1 only moved the state; v2 brings the rest.
 * The replica checks with the same rules and shows the completed order at once; the hub
 * moves the state through its order service (event, audit) and writes the rest in the
 * same transaction, resolving the shipping rate and the total itself.
 */
export const completeCheckoutWithDetails = mutator({
  name: 'order.completeCheckout.v2',
  args: z.strictObject({
    orderId: z.string().min(1).max(64),
    shipTo: Address.nullable(),
    billTo: Address.nullable(),
    shippingGroupId: z.string().min(1).max(64).nullable(),
    paymentMethod: z.enum(PAYMENT_METHODS),
  }),
  subject: (args) => `order:${args.orderId}`,
  summary: () => 'Complete checkout',
  async apply(tx, args, context) {
    const order = await tx.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', args.orderId)
      .executeTakeFirst();
    if (!order) throw new MutationRefused('not_found', 'This order no longer exists.');
    // The change of state as v1 makes it on the replica (who may, from which state, the
    // event the hub will write); then what the checkout lacked, by the hub's own rule.
    await completeCheckout.apply(tx, { orderId: args.orderId }, context);
    const completed = await checkoutCompletion(tx.db, order, args);
    if (!completed.ok) throw new MutationRefused('invalid_input', completed.message);
    const moved = await tx.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', args.orderId)
      .executeTakeFirstOrThrow();
    await tx.put('orders', { ...moved, ...completed.columns });
  },
  async applyOnHub(trx, args, context) {
    const principal = {
      kind: 'staff' as const,
      userId: context.userId,
      role: context.role,
      device: context.device,
    };
    await changeOrderState(trx, principal, args.orderId, 'completeCheckout', { at: context.now });
    await writeCheckoutCompletion(trx, args);
  },
});
