import { z } from 'zod';
import { mayMakeTransition, nextOrderState, PAYMENT_METHODS } from '../../domain/order-states.ts';
import { checkoutCompletion } from '../../store/checkout-completion.ts';
import { changeOrderState } from '../../hub/orders/change-state.ts';
import { writeCheckoutCompletion } from '../../hub/orders/complete-checkout.ts';
import { Address } from './buyer-addresses.ts';
import { MutationRefused, mutator } from './mutator.ts';

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
    const selection = await tx.db
      .selectFrom('selections')
      .select('owner_id')
      .where('id', '=', order.selection_id)
      .executeTakeFirst();
    if (!mayMakeTransition(context, 'completeCheckout', selection?.owner_id ?? null)) {
      throw new MutationRefused('forbidden', 'Only an admin can complete this checkout.');
    }
    const next = nextOrderState(order.status, 'completeCheckout');
    if (!next.ok) throw new MutationRefused('conflict', 'This checkout was already completed.');
    const completed = await checkoutCompletion(tx.db, order, args);
    if (!completed.ok) throw new MutationRefused('invalid_input', completed.message);
    await tx.put('orders', {
      ...order,
      ...completed.columns,
      status: next.state,
      completed_at: context.now,
      completed_by: context.userId,
    });
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
