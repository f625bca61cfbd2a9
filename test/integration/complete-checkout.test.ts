import { describe, expect, it } from 'vitest';
import { hubDb, replicaDb } from '../../main/store/database.ts';
import {
  checkoutNeeds,
  checkoutShippingRates,
  completeCheckoutWithDetailsLocally,
} from '../../main/services/order-checkout.ts';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { createHubClient } from '../../main/sync/hub-client.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf } from '../support/desktop.ts';
import { insertSharedSelection } from '../support/shared-selection.ts';

/**
 * "Complete checkout" of a share link's "Checkout Requested" order asks for what it
 * lacks: the address, the shipping rate and the payment method. The desktop completes
 * it at once; the hub moves its state through the order service (event, audit) and
 * writes the address, shipping, payment and the total with shipping in the same push.
 */

const MAJA = 'maja@nordlys-atelier.example';
const demo = useDemoHub('trunkshow-complete-checkout-');

const ADDRESS = {
  name: 'Harper & Vine',
  line1: 'Torstraße 1',
  line2: '',
  postalCode: '10119',
  city: 'Berlin',
  region: '',
  country: '',
  phone: '',
};

/** A "Checkout Requested" order through a share link of a EUR buyer, with no address or shipping. */
async function requestedOrder(): Promise<{ orderId: string; country: string }> {
  const hub = hubDb(demo.hub.store.db);
  await hub.updateTable('brand_settings').set({ prepayment_checkout: 0 }).execute();
  const buyer = await hub
    .selectFrom('buyers as b')
    .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
    .select('b.id')
    .where('p.currency', '=', 'EUR')
    .orderBy('b.id')
    .executeTakeFirstOrThrow();
  const sku = await hub
    .selectFrom('skus')
    .innerJoin('products as style', 'style.id', 'skus.product_id')
    .select('skus.id')
    .where('style.style_number', 'like', 'SS27-%')
    .orderBy('skus.id')
    .executeTakeFirstOrThrow();
  const token = await insertSharedSelection(demo.hub.store.db, {
    buyerId: buyer.id,
    skuIds: [sku.id],
    name: 'Requested at the booth',
  });
  const orderId = crypto.randomUUID();
  const response = await fetch(`${demo.url}/api/share/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, orderId, name: 'Ines Duarte', email: 'ines@boutique.example' }),
  });
  expect(response.status).toBe(201);
  const standard = await hub
    .selectFrom('shipping_rate_groups')
    .select('rates')
    .where('name', '=', 'Standard')
    .executeTakeFirstOrThrow();
  const { country } = (JSON.parse(standard.rates) as { country: string; currency: string }[]).find(
    (rate) => rate.currency === 'EUR',
  )!;
  return { orderId, country };
}

describe('Complete checkout', () => {
  it('asks what the order lacks, refuses without it, and completes it on the hub with the rate the hub resolves', async () => {
    const { orderId, country } = await requestedOrder();
    const maja = await demo.desktop(MAJA);
    const services = servicesOf(maja);

    const needs = await checkoutNeeds(services, orderId);
    expect(needs).toMatchObject({
      status: 'Checkout Requested',
      missing: ['address', 'shipping', 'payment'],
      shippingApplies: true,
      shipTo: null,
    });
    const rates = await checkoutShippingRates(services, orderId, country);
    expect(rates).toEqual([
      expect.objectContaining({ groupId: 'demo-shipping-standard', name: 'Standard' }),
    ]);
    expect(await checkoutShippingRates(services, orderId, 'JP')).toEqual([]);

    // Without an address, or to a country not shipped to in euros: refused, nothing queued.
    const complete = (change: Record<string, unknown>) =>
      completeCheckoutWithDetailsLocally(services, {
        orderId,
        shipTo: { ...ADDRESS, country },
        billTo: null,
        shippingGroupId: 'demo-shipping-standard',
        paymentMethod: 'outside_app',
        ...change,
      });
    await expect(complete({ shipTo: null })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(complete({ shipTo: { ...ADDRESS, country: 'JP' } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(complete({ shipTo: { ...ADDRESS, country: 'ZZ' } })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    // The brand completes it without the buyer at hand: no card is taken here.
    await expect(complete({ paymentMethod: 'stripe_card' })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [
        expect.objectContaining({ path: 'paymentMethod', code: 'payment_method_not_offered' }),
      ],
    });
    expect((await maja.engine.status()).pending).toBe(0);

    expect(await complete({})).toEqual({ orderId, status: 'Order' });
    expect((await maja.engine.status()).pending).toBe(1);
    await maja.engine.syncNow();
    expect(await maja.engine.status()).toMatchObject({ pending: 0 });
    expect(
      await replicaDb(maja.store.db).selectFrom('sync_refusals').selectAll().execute(),
    ).toEqual([]);

    const hub = hubDb(demo.hub.store.db);
    const order = await hub
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    const goods = order.subtotal_minor - order.discount_minor;
    const rate = rates[0]!;
    expect(order).toMatchObject({
      status: 'Order',
      payment_method: 'outside_app',
      shipping_rate_name: 'Standard',
      shipping_minor: rate.charge.amountMinor,
      total_minor: goods + rate.charge.amountMinor,
    });
    expect(JSON.parse(order.ship_to!)).toMatchObject({ city: 'Berlin', country });
    const events = await hub
      .selectFrom('order_events')
      .select(['from_state', 'to_state', 'actor_kind'])
      .where('order_id', '=', orderId)
      .orderBy('at')
      .execute();
    expect(events).toEqual([
      { from_state: null, to_state: 'Checkout Requested', actor_kind: 'linkHolder' },
      { from_state: 'Checkout Requested', to_state: 'Order', actor_kind: 'staff' },
    ]);
    expect((await checkoutNeeds(services, orderId)).missing).toEqual([]);

    // Completed once: a second completion is refused on the desktop already.
    await expect(complete({})).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('a completion the hub refuses is rolled back there and kept as a refusal', async () => {
    const { orderId, country } = await requestedOrder();
    const maja = await demo.desktop(MAJA);
    const services = servicesOf(maja);
    await completeCheckoutWithDetailsLocally(services, {
      orderId,
      shipTo: { ...ADDRESS, country },
      billTo: null,
      shippingGroupId: 'demo-shipping-standard',
      paymentMethod: 'outside_app',
    });
    // Meanwhile the brand stopped shipping there: the hub resolves the rate again and refuses.
    await hubDb(demo.hub.store.db)
      .updateTable('shipping_rate_groups')
      .set({ rates: '[]' })
      .where('id', '=', 'demo-shipping-standard')
      .execute();
    try {
      await maja.engine.syncNow();
      const order = await hubDb(demo.hub.store.db)
        .selectFrom('orders')
        .select(['status', 'ship_to', 'shipping_minor'])
        .where('id', '=', orderId)
        .executeTakeFirstOrThrow();
      expect(order).toEqual({ status: 'Checkout Requested', ship_to: null, shipping_minor: 0 });
      const refusals = await replicaDb(maja.store.db)
        .selectFrom('sync_refusals')
        .selectAll()
        .execute();
      expect(refusals).toEqual([
        expect.objectContaining({ mutation: 'order.completeCheckout.v2', code: 'invalid_input' }),
      ]);
      const events = await hubDb(demo.hub.store.db)
        .selectFrom('order_events')
        .select('to_state')
        .where('order_id', '=', orderId)
        .execute();
      expect(events).toEqual([{ to_state: 'Checkout Requested' }]);
    } finally {
      await hubDb(demo.hub.store.db)
        .updateTable('shipping_rate_groups')
        .set({
          rates: JSON.stringify([
            { country, currency: 'EUR', amountMinor: 2_500, freeFromMinor: 150_000 },
          ]),
        })
        .where('id', '=', 'demo-shipping-standard')
        .execute();
    }
  });

  it('pushed straight to the hub with a card payment is refused at the field, the order untouched', async () => {
    const { orderId, country } = await requestedOrder();
    const client = createHubClient(demo.url);
    const script = await client.signIn({
      email: MAJA,
      password: DEMO_PASSWORD,
      deviceName: 'Script',
    });
    const args = {
      orderId,
      shipTo: { ...ADDRESS, country },
      billTo: null,
      shippingGroupId: 'demo-shipping-standard',
      paymentMethod: 'stripe_card',
    };
    const pushed = await client.push(script.token, {
      clientId: script.deviceId,
      mutations: [
        { seq: 1, name: 'order.completeCheckout.v2', args, at: new Date().toISOString() },
      ],
    });
    expect(pushed.results).toEqual([
      expect.objectContaining({
        status: 'refused',
        code: 'invalid_input',
        reason: expect.stringContaining('paymentMethod: payment_method_not_offered'),
      }),
    ]);
    const order = await hubDb(demo.hub.store.db)
      .selectFrom('orders')
      .select(['status', 'payment_method', 'ship_to'])
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({ status: 'Checkout Requested', payment_method: null, ship_to: null });
  });
});
