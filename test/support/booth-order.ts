import { v7 as uuidv7 } from 'uuid';
import type { PlaceOrderRequest, PricedLine } from '../../main/hub/orders/place-order.ts';

/**
 * A booth order as a rep's desktop pushes it to the hub's order service: placed, paid
 * outside the app, with a delivery window, a PO number and the buyer's contact; a new id
 * (its idempotency key) each time unless `extra` gives one.
 */
export function boothOrderRequest(
  order: { buyerId: string; selectionId: string; lines: readonly PricedLine[] },
  extra: Partial<PlaceOrderRequest> = {},
): PlaceOrderRequest {
  return {
    orderId: uuidv7(),
    source: 'booth',
    online: false,
    status: 'Order',
    shareLinkId: null,
    currency: 'EUR',
    discountBasisPoints: 0,
    shipTo: null,
    billTo: null,
    shipping: null,
    paymentMethod: 'outside_app',
    window: { shipStart: '2027-03-01', cancelDate: '2027-03-31' },
    poNumber: 'PO-77',
    note: '',
    contact: { name: 'Ines Duarte', email: 'ines@boutique.example', phone: '' },
    approvedBy: 'Ines Duarte',
    placedAt: new Date().toISOString(),
    audit: { action: 'order.placed', details: {} },
    ...order,
    ...extra,
  };
}
