import {
  ORDER_TRANSITIONS,
  mayMakeTransition,
  nextOrderState,
  type OrderState,
  type OrderTransition,
} from '../../domain/order-states.ts';
import type { Id } from '../../domain/model.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { auditRow } from '../audit.ts';
import { HubRefusal } from '../errors.ts';
import { enqueueOrderConfirmation } from './confirmation-mail.ts';
import { principalAuditActor, principalRecord, type OrderPrincipal } from './principal.ts';
import { orderRefusal } from './refusals.ts';
import { releaseAllocations, releasesStock } from './stock-allocation.ts';

/**
 * Moves an order to its next state (main/domain/order-states.ts decides which and who
 * may), in the caller's transaction, with its event and audit row. Stock follows the
 * state: cancelling gives back what the order held (`stock.held`) in the same
 * transaction; its allocation rows stay as the record of what it held.
 */
export async function changeOrderState(
  trx: StoreDb,
  principal: OrderPrincipal,
  orderId: Id,
  transition: OrderTransition,
  options: { at: string; reason?: string },
): Promise<{ orderId: Id; from: OrderState; to: OrderState }> {
  const hub = hubDb(trx);
  const order = await hub
    .selectFrom('orders as o')
    .leftJoin('selections as s', 's.id', 'o.selection_id')
    .select(['o.id', 'o.status', 's.owner_id'])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
  if (!order) throw new HubRefusal(404, 'not_found', 'This order no longer exists.');
  if (principal.kind === 'linkHolder' || principal.kind === 'buyer') {
    throw new HubRefusal(403, 'forbidden', 'Only the brand changes an order once it is placed.');
  }
  // The selection's rep is the buyer's rep for this order; anyone else needs the action.
  if (principal.kind === 'staff' && !mayMakeTransition(principal, transition, order.owner_id)) {
    throw new HubRefusal(403, 'forbidden', 'Only an admin can change this order.', {
      params: { action: ORDER_TRANSITIONS[transition].anyOrderAction },
    });
  }
  const next = nextOrderState(order.status, transition, options.reason);
  if (!next.ok) throw orderRefusal(next, `This order cannot ${transition} now.`);
  const reason = (options.reason ?? '').trim();
  const by = principalRecord(principal);
  // Guarded by the state read above: a second, concurrent change finds it moved.
  const moved = await hub
    .updateTable('orders')
    .set({
      status: next.state,
      ...(transition === 'completeCheckout'
        ? { completed_at: options.at, completed_by: by.id }
        : {}),
    })
    .where('id', '=', orderId)
    .where('status', '=', order.status)
    .executeTakeFirst();
  if (moved.numUpdatedRows !== 1n) {
    throw new HubRefusal(409, 'conflict', 'This order changed meanwhile. Reload it.');
  }
  if (releasesStock(order.status, next.state)) await releaseAllocations(trx, orderId);
  const events = await hub
    .selectFrom('order_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  await hub
    .insertInto('order_events')
    .values({
      id: `${orderId}:${events.n}`,
      order_id: orderId,
      at: options.at,
      actor_kind: by.kind,
      actor_id: by.id,
      from_state: order.status,
      to_state: next.state,
      reason,
    })
    .execute();
  await hub
    .insertInto('audit_log')
    .values(
      auditRow({
        at: options.at,
        actor: principalAuditActor(principal),
        action: `order.${transition}`,
        subject: `order:${orderId}`,
        details: { from: order.status, to: next.state, ...(reason ? { reason } : {}) },
      }),
    )
    .execute();
  // The mail the new state calls for commits with it (the sender wakes on the change notice).
  await enqueueOrderConfirmation(trx, orderId, next.state, options.at, reason);
  return { orderId, from: order.status, to: next.state };
}
