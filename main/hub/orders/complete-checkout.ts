import { hubDb, type StoreDb } from '../../store/database.ts';
import { checkoutCompletion, type CheckoutCompletion } from '../../store/checkout-completion.ts';
import { HubRefusal } from '../errors.ts';

/**
 * Writes what "Complete checkout" brought to a requested order (addresses, shipping,
 * payment, the total with shipping) in the caller's transaction; the state change itself
 * is changeOrderState's. Refuses, writing nothing, what checkoutCompletion refuses.
 */
export async function writeCheckoutCompletion(
  trx: StoreDb,
  completion: CheckoutCompletion,
): Promise<void> {
  const hub = hubDb(trx);
  const order = await hub
    .selectFrom('orders')
    .select([
      'currency',
      'subtotal_minor',
      'discount_minor',
      'shipping_minor',
      'shipping_rate_name',
      'ship_to',
      'bill_to',
    ])
    .where('id', '=', completion.orderId)
    .executeTakeFirst();
  if (!order) throw new HubRefusal(404, 'not_found', 'This order no longer exists.');
  const completed = await checkoutCompletion(trx, order, completion);
  if (!completed.ok) {
    throw new HubRefusal(
      completed.code === 'checkout_incomplete' ? 409 : 400,
      completed.code === 'checkout_incomplete' ? completed.code : 'invalid_input',
      completed.message,
      { params: completed.params, issues: [{ path: completed.path, code: completed.code }] },
    );
  }
  await hub
    .updateTable('orders')
    .set(completed.columns)
    .where('id', '=', completion.orderId)
    .execute();
}
