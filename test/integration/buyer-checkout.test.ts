import { describe, expect, it } from 'vitest';
import { shippingWarehouse } from '../../main/hub/orders/stock-allocation.ts';
import { hubDb } from '../../main/store/database.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { insertSharedSelection } from '../support/shared-selection.ts';

/**
 * A buyer's online checkout from a share link with prepayment: the address, the shipping
 * rate for its country in the order's currency, the payment method and a PO number.
 * Every bad input is answered at its field with nothing written; the hub resolves the
 * rate again and computes every amount itself.
 */

const demo = useDemoHub('trunkshow-buyer-checkout-');

interface Rate {
  country: string;
  currency: string;
  amountMinor: number;
  freeFromMinor: number | null;
}

/** A EUR buyer of the demo brand, one SS27 SKU with `units` in stock, and a link to `quantity` of it. */
async function sharedWithStock(units: number, quantity: number, skip = 0) {
  const hub = hubDb(demo.hub.store.db);
  await hub.updateTable('brand_settings').set({ prepayment_checkout: 1 }).execute();
  const buyer = await hub
    .selectFrom('buyers as b')
    .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
    .select(['b.id', 'b.discount_bp', 'b.pricelist_id'])
    .where('p.currency', '=', 'EUR')
    .orderBy('b.id')
    .executeTakeFirstOrThrow();
  const warehouseId = (await shippingWarehouse(demo.hub.store.db, buyer.id))!;
  const sku = await hub
    .selectFrom('skus')
    .innerJoin('products as style', 'style.id', 'skus.product_id')
    .innerJoin('prices', (join) =>
      join
        .onRef('prices.sku_id', '=', 'skus.id')
        .on('prices.pricelist_id', '=', buyer.pricelist_id),
    )
    .select(['skus.id', 'skus.size', 'prices.wholesale_minor'])
    .where('style.style_number', 'like', 'SS27-%')
    .orderBy('skus.id')
    .offset(skip)
    .limit(1)
    .executeTakeFirstOrThrow();
  await hub
    .insertInto('stock')
    .values({ warehouse_id: warehouseId, sku_id: sku.id, quantity: units })
    .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doUpdateSet({ quantity: units }))
    .execute();
  const token = await insertSharedSelection(demo.hub.store.db, {
    buyerId: buyer.id,
    skuIds: [sku.id],
    name: `Checkout ${skip}`,
    quantity,
  });
  const standard = await hub
    .selectFrom('shipping_rate_groups')
    .select(['id', 'rates'])
    .where('name', '=', 'Standard')
    .executeTakeFirstOrThrow();
  const rate = (JSON.parse(standard.rates) as Rate[]).find((found) => found.currency === 'EUR')!;
  return { token, sku, buyer, standardId: standard.id, rate };
}

async function post(path: string, body: Record<string, unknown>) {
  const response = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const ordersCount = async () =>
  (await hubDb(demo.hub.store.db).selectFrom('orders').select('id').execute()).length;

const address = (country: string) => ({
  name: 'Harper & Vine',
  line1: 'Torstraße 1',
  postalCode: '10119',
  city: 'Berlin',
  country,
});

describe('a buyer’s online checkout', () => {
  it('offers the brand’s rates for the address’s country in the order’s currency', async () => {
    const { token, rate } = await sharedWithStock(10, 1);
    expect(await post('/api/share/shipping-options', { token, country: '' })).toEqual({
      status: 200,
      body: { shippingApplies: true, currency: 'EUR', rates: [] },
    });
    const options = await post('/api/share/shipping-options', { token, country: rate.country });
    expect(options.body).toEqual({
      shippingApplies: true,
      currency: 'EUR',
      rates: [
        // A share link sets no groups of its own: the brand's default group applies.
        {
          groupId: 'demo-shipping-standard',
          name: 'Standard',
          amountMinor: rate.amountMinor,
          freeFromMinor: rate.freeFromMinor,
        },
      ],
    });
    // Japan is shipped in yen only: no rate in euros.
    expect(
      (await post('/api/share/shipping-options', { token, country: 'JP' })).body,
    ).toMatchObject({ rates: [] });
    expect(await post('/api/share/shipping-options', { token, country: 'ZZ' })).toMatchObject({
      status: 400,
      body: {
        error: { code: 'invalid_input', issues: [{ path: 'country', code: 'country_unknown' }] },
      },
    });
  });

  it('answers every bad input at its field and writes nothing', async () => {
    const { token, sku, standardId, rate } = await sharedWithStock(3, 5, 1);
    const before = await ordersCount();
    const good = {
      token,
      name: 'Ines Duarte',
      email: 'ines@boutique.example',
      complete: true,
      shipTo: address(rate.country),
      shippingGroupId: standardId,
      paymentMethod: 'outside_app',
    };
    const cases: [Record<string, unknown>, number, Record<string, unknown>][] = [
      [
        { shipTo: null, shippingGroupId: null, paymentMethod: null },
        400,
        {
          code: 'invalid_input',
          issues: [
            { path: 'shipTo', code: 'required' },
            { path: 'shippingGroupId', code: 'required' },
            { path: 'paymentMethod', code: 'required' },
          ],
        },
      ],
      [
        { shipTo: address('') },
        400,
        { code: 'invalid_input', issues: [{ path: 'shipTo.country', code: 'country_required' }] },
      ],
      [
        { shipTo: address('ZZ') },
        400,
        { code: 'invalid_input', issues: [{ path: 'shipTo.country', code: 'country_unknown' }] },
      ],
      [
        { shipTo: address('JP') },
        400,
        {
          code: 'invalid_input',
          issues: [{ path: 'shippingGroupId', code: 'no_shipping_rate' }],
          params: { country: 'JP', currency: 'EUR' },
        },
      ],
      [
        { billTo: { ...address('SE'), city: '' } },
        400,
        { code: 'invalid_input', issues: [{ path: 'billTo.city', code: 'required' }] },
      ],
      [
        { poNumber: 'P'.repeat(10_240) },
        400,
        { code: 'invalid_input', issues: [{ path: 'poNumber', code: 'too_big' }] },
      ],
      [
        { poNumber: 'PO\n1' },
        400,
        { code: 'invalid_input', issues: [{ path: 'poNumber', code: 'po_number_invalid' }] },
      ],
      // A share link's checkout takes no card, even a bare request the brand would complete.
      ...[{}, { complete: false, shipTo: null, shippingGroupId: null }].map(
        (change): [Record<string, unknown>, number, Record<string, unknown>] => [
          { ...change, paymentMethod: 'stripe_card' },
          400,
          {
            code: 'invalid_input',
            issues: [{ path: 'paymentMethod', code: 'payment_method_not_offered' }],
            params: { method: 'stripe_card' },
          },
        ],
      ),
      // Five asked, three on hand: refused at the size.
      [
        {},
        409,
        {
          code: 'insufficient_stock',
          refusals: [{ code: 'insufficient_stock', params: { size: sku.size, available: 3 } }],
        },
      ],
    ];
    for (const [change, status, error] of cases) {
      const answer = await post('/api/share/checkout', {
        ...good,
        orderId: crypto.randomUUID(),
        ...change,
      });
      expect(answer, JSON.stringify(change).slice(0, 80)).toMatchObject({
        status,
        body: { error },
      });
    }
    expect(await ordersCount()).toBe(before);
  });

  it('completes with prepayment: an Order with the address, the rate and totals the hub computed', async () => {
    const { token, sku, buyer, standardId, rate } = await sharedWithStock(10, 2, 2);
    const orderId = crypto.randomUUID();
    const answer = await post('/api/share/checkout', {
      token,
      orderId,
      name: 'Ines Duarte',
      email: 'ines@boutique.example',
      complete: true,
      shipTo: { ...address(rate.country), name: '  Harper & Vine ' },
      billTo: address('SE'),
      shippingGroupId: standardId,
      paymentMethod: 'outside_app',
      poNumber: 'PO-7781',
    });
    const subtotal = 2 * sku.wholesale_minor;
    const discount = Math.round((subtotal * buyer.discount_bp) / 10_000);
    const goods = subtotal - discount;
    expect(goods).toBeLessThan(rate.freeFromMinor!);
    expect(answer).toMatchObject({
      status: 201,
      body: {
        orderId,
        number: expect.stringMatching(/^SO-\d{4}-\d{5}$/),
        status: 'Order',
        shippingRateName: 'Standard',
        totals: {
          currency: 'EUR',
          subtotalMinor: subtotal,
          shippingMinor: rate.amountMinor,
          totalMinor: goods + rate.amountMinor,
        },
      },
    });
    const order = await hubDb(demo.hub.store.db)
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      status: 'Order',
      payment_method: 'outside_app',
      po_number: 'PO-7781',
      shipping_rate_name: 'Standard',
      shipping_minor: rate.amountMinor,
      total_minor: goods + rate.amountMinor,
    });
    expect(JSON.parse(order.ship_to!)).toMatchObject({
      name: 'Harper & Vine',
      country: rate.country,
    });
    expect(JSON.parse(order.bill_to!)).toMatchObject({ country: 'SE' });
  });

  it('ships free when the goods reach the rate’s threshold', async () => {
    const { token, sku, standardId, rate } = await sharedWithStock(9_999, 1, 3);
    // Enough units that the goods after discount reach the free-shipping amount.
    const quantity = Math.min(9_999, Math.ceil((rate.freeFromMinor! * 2) / sku.wholesale_minor));
    await hubDb(demo.hub.store.db)
      .updateTable('selection_lines')
      .set({ quantity })
      .where('sku_id', '=', sku.id)
      .where('selection_id', 'in', (eb) =>
        eb.selectFrom('selections').select('id').where('name', '=', 'Checkout 3'),
      )
      .execute();
    const answer = await post('/api/share/checkout', {
      token,
      orderId: crypto.randomUUID(),
      name: 'Ines Duarte',
      email: 'ines@boutique.example',
      complete: true,
      shipTo: address(rate.country),
      shippingGroupId: standardId,
      paymentMethod: 'outside_app',
    });
    expect(answer).toMatchObject({
      status: 201,
      body: { shippingRateName: 'Standard', totals: { shippingMinor: 0 } },
    });
    const totals = (
      answer.body as {
        totals: { totalMinor: number; subtotalMinor: number; discountMinor: number };
      }
    ).totals;
    expect(totals.totalMinor).toBe(totals.subtotalMinor - totals.discountMinor);
  });

  it('a Request Checkout may leave the address and shipping to the brand', async () => {
    const { token } = await sharedWithStock(10, 1, 4);
    await hubDb(demo.hub.store.db)
      .updateTable('brand_settings')
      .set({ prepayment_checkout: 0 })
      .execute();
    const answer = await post('/api/share/checkout', {
      token,
      orderId: crypto.randomUUID(),
      name: 'Ines Duarte',
      email: 'ines@boutique.example',
    });
    expect(answer).toMatchObject({
      status: 201,
      body: { status: 'Checkout Requested', shippingRateName: '', totals: { shippingMinor: 0 } },
    });
  });
});
