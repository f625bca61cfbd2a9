import { z } from 'zod';
import { MutationRefused, mutator, requirePermission } from './mutator.ts';
import { editableSelection } from './selections.ts';

export const completeCheckout = mutator({
  name: 'order.completeCheckout.v1',
  args: z.strictObject({ orderId: z.string().min(1).max(64) }),
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
      .select('id')
      .where('id', '=', order.selection_id)
      .executeTakeFirst();
    // The selection's rep or an admin; an admin even when the selection was deleted since.
    if (selection) await editableSelection(tx, selection.id, context);
    else {
      requirePermission(context, 'changeAnySelection', 'Only an admin can complete this checkout.');
    }
    if (order.status === 'Order') {
      throw new MutationRefused('conflict', 'This checkout was already completed.');
    }
    await tx.put('orders', {
      ...order,
      status: 'Order',
      completed_at: context.now,
      completed_by: context.userId,
    });
  },
});
