import type { StoreDb } from '../../store/database.ts';
import { hubDb } from '../../store/database.ts';
import type { PlacedOrder } from '../orders/place-order.ts';

/**
 * What a buyer's checkout answers once the order service has placed (or, for a retry,
 * found) the order: its number and status, and what the hub charged, read back as stored.
 */
export async function checkoutOutcome(
  db: StoreDb,
  placed: { value: PlacedOrder; created: boolean },
) {
  const order = await hubDb(db)
    .selectFrom('orders')
    .select([
      'currency',
      'subtotal_minor',
      'discount_minor',
      'shipping_minor',
      'total_minor',
      'shipping_rate_name',
      'tax_minor',
      'tax_included',
    ])
    .where('id', '=', placed.value.orderId)
    .executeTakeFirstOrThrow();
  return {
    value: {
      orderId: placed.value.orderId,
      number: placed.value.number,
      status: placed.value.status,
      totals: {
        currency: order.currency,
        subtotalMinor: order.subtotal_minor,
        discountMinor: order.discount_minor,
        shippingMinor: order.shipping_minor,
        totalMinor: order.total_minor,
      },
      shippingRateName: order.shipping_rate_name,
    },
    created: placed.created,
    /** The order's tax (a DTC order's; 0 otherwise) and whether it is inside the prices. */
    tax: { taxMinor: order.tax_minor, taxIncluded: order.tax_included === 1 },
  };
}
