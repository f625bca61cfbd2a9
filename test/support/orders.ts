import type { PlaceOrderRequest } from '../../main/hub/orders/place-order.ts';

/**
 * A booth order as a rep places it for `buyerId`: placed now, "Pay outside the app", no
 * addresses or shipping, approved by the buyer's name; `fields` say what differs.
 */
export function boothOrderRequest(
  fields: Pick<PlaceOrderRequest, 'buyerId' | 'lines'> & Partial<PlaceOrderRequest>,
): PlaceOrderRequest {
  return {
    orderId: crypto.randomUUID(),
    source: 'booth',
    online: false,
    status: 'Order',
    selectionId: 'booth-selection',
    shareLinkId: null,
    currency: 'EUR',
    discountBasisPoints: 0,
    shipTo: null,
    billTo: null,
    shipping: null,
    paymentMethod: 'outside_app',
    window: {},
    poNumber: '',
    note: '',
    contact: { name: 'Ines Duarte', email: 'ines@boutique.example', phone: '' },
    approvedBy: 'Ines Duarte',
    placedAt: new Date().toISOString(),
    audit: { action: 'order.placed', details: {} },
    ...fields,
  };
}
