import { z } from 'zod';
import {
  MAX_CANCEL_REASON,
  mayMakeTransition,
  nextOrderState,
  type OrderTransition,
} from '../../domain/order-states.ts';
import { changeOrderState } from '../../hub/orders/change-state.ts';
import { MutationRefused, type Mutator, type MutationContext, type MutationTx } from './mutator.ts';

const orderId = z.string().min(1).max(64);
/** Trimmed and checked by nextOrderState; the schema only bounds what travels. */
const reason = z.string().max(MAX_CANCEL_REASON);

/**
 * An order's change of state on the replica, ahead of the hub: the same rules the hub's
 * changeOrderState applies (main/domain/order-states.ts), the order's new status and
 * the event the hub will write, under the id it will write it with, so the pull that
 * brings the hub's event replaces this one rather than adding a second.
 */
async function changeStateOnReplica(
  tx: MutationTx,
  context: MutationContext,
  change: { orderId: string; transition: OrderTransition; reason: string },
): Promise<void> {
  const order = await tx.db
    .selectFrom('orders as o')
    .leftJoin('selections as s', 's.id', 'o.selection_id')
    .selectAll('o')
    .select('s.owner_id')
    .where('o.id', '=', change.orderId)
    .executeTakeFirst();
  if (!order) throw new MutationRefused('not_found', 'This order no longer exists.');
  const { owner_id: repId, ...row } = order;
  // The selection's rep is the buyer's rep for this order, as on the hub.
  if (!mayMakeTransition(context, change.transition, repId)) {
    throw new MutationRefused('forbidden', 'Only an admin can change another rep’s order.');
  }
  const next = nextOrderState(order.status, change.transition, change.reason);
  if (!next.ok) {
    throw new MutationRefused(next.code, `This order cannot ${change.transition} now.`);
  }
  await tx.put('orders', {
    ...row,
    status: next.state,
    ...(change.transition === 'completeCheckout'
      ? { completed_at: context.now, completed_by: context.userId }
      : {}),
  });
  const events = await tx.db
    .selectFrom('order_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('order_id', '=', change.orderId)
    .executeTakeFirstOrThrow();
  await tx.put('order_events', {
    id: `${change.orderId}:${events.n}`,
    order_id: change.orderId,
    at: context.now,
    actor_kind: 'staff',
    actor_id: context.userId,
    from_state: order.status,
    to_state: next.state,
    reason: change.reason.trim(),
  });
}

/** A transition's mutator: the replica's apply above, the hub's order service on the hub. */
function orderTransition<Args extends { orderId: string; reason?: string }>(
  transition: OrderTransition,
  name: string,
  args: z.ZodType<Args>,
  summary: string,
): Mutator<Args> {
  return {
    name,
    args,
    subject: (input) => `order:${input.orderId}`,
    summary: () => summary,
    apply: (tx, input, context) =>
      changeStateOnReplica(tx, context, {
        orderId: input.orderId,
        transition,
        reason: input.reason ?? '',
      }),
    async applyOnHub(trx, input, context) {
      const moved = await changeOrderState(
        trx,
        { kind: 'staff', userId: context.userId, role: context.role, device: context.device },
        input.orderId,
        transition,
        { at: context.now, ...(input.reason === undefined ? {} : { reason: input.reason }) },
      );
      return { from: moved.from, to: moved.to };
    },
  };
}

/** Kept as released: an admin or the order's rep completes a requested checkout. */
export const completeCheckout = orderTransition(
  'completeCheckout',
  'order.completeCheckout.v1',
  z.strictObject({ orderId }),
  'Complete checkout',
);

export const confirmOrder = orderTransition(
  'confirm',
  'order.confirm.v1',
  z.strictObject({ orderId, reason }),
  'Confirm order',
);

/** Cancelling needs a reason (the domain says how long); the hub releases the stock. */
export const cancelOrder = orderTransition(
  'cancel',
  'order.cancel.v1',
  z.strictObject({ orderId, reason }),
  'Cancel order',
);
