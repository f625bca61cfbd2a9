import { describe, expect, it } from 'vitest';
import { changeLocally } from '../../main/services/local-change.ts';
import { checkoutShippingRates } from '../../main/services/order-checkout.ts';
import { placeOrderLocally, shippingChoice } from '../../main/services/order-placement.ts';
import { hubDb } from '../../main/store/database.ts';
import { saveCatalog, setCatalogStyles } from '../../main/sync/mutators/catalogs.ts';
import { saveShippingRateGroup } from '../../main/sync/mutators/shipping-rates.ts';
import { boothOrderInput, boothSelection } from '../support/booth-order.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf } from '../support/desktop.ts';
import { insertSharedSelection } from '../support/shared-selection.ts';

/**
 * A catalog's rate groups are the "catalog" level of shipping: an order of its styles
 * (a share link's checkout, the brand completing a requested checkout, a booth order) is
 * offered the catalog's rates ahead of the brand's default, and the order keeps that
 * rate; before the catalog has groups, the brand's default applies.
 */

const MAJA = 'maja@nordlys-atelier.example';
const demo = useDemoHub('trunkshow-catalog-shipping-');
const GROUP = '0193a7a0-0000-7000-8000-00000000c001';
const CATALOG = '0193a7a0-0000-7000-8000-00000000c002';
const doing = { field: 'name', doing: 'change catalogs' };

async function post(path: string, body: Record<string, unknown>) {
  const response = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('a catalog’s shipping rate groups', () => {
  it('come before the brand’s default for a share link’s checkout and a booth order', async () => {
    const maja = await demo.desktop(MAJA);
    const jonas = await demo.desktop();
    const hub = hubDb(demo.hub.store.db);
    await hub.updateTable('brand_settings').set({ prepayment_checkout: 1 }).execute();

    // The rep's booth selection, and an EUR buyer's share link, each of one style.
    const booth = await boothSelection(servicesOf(jonas), 'Catalog shipping', 1);
    const boothStyle = await jonas.store.db
      .selectFrom('selection_lines as l')
      .innerJoin('skus as s', 's.id', 'l.sku_id')
      .select('s.product_id')
      .where('l.selection_id', '=', booth.selectionId)
      .executeTakeFirstOrThrow();
    const buyer = await hub
      .selectFrom('buyers as b')
      .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
      .select(['b.id', 'b.pricelist_id'])
      .where('p.currency', '=', 'EUR')
      .orderBy('b.id')
      .executeTakeFirstOrThrow();
    const sku = await hub
      .selectFrom('skus')
      .innerJoin('prices', (join) =>
        join
          .onRef('prices.sku_id', '=', 'skus.id')
          .on('prices.pricelist_id', '=', buyer.pricelist_id),
      )
      .select(['skus.id', 'skus.product_id'])
      .where('skus.product_id', '!=', boothStyle.product_id)
      .orderBy('skus.id')
      .executeTakeFirstOrThrow();
    const token = await insertSharedSelection(demo.hub.store.db, {
      buyerId: buyer.id,
      skuIds: [sku.id],
      name: 'Catalog shipping link',
    });

    // Before any catalog has groups, both take the brand's default.
    const before = await post('/api/share/shipping-options', { token, country: 'DE' });
    expect(before.body.rates).toEqual([expect.objectContaining({ name: 'Standard' })]);

    await changeLocally(
      servicesOf(maja),
      saveShippingRateGroup,
      {
        id: GROUP,
        name: 'Capsule freight',
        rates: [
          { country: 'DE', currency: 'EUR', amountMinor: 1_100, freeFromMinor: null },
          {
            country: booth.buyer.country_code,
            currency: booth.buyer.currency,
            amountMinor: 777,
            freeFromMinor: null,
          },
        ],
      },
      doing,
    );
    await changeLocally(
      servicesOf(maja),
      saveCatalog,
      {
        id: CATALOG,
        name: 'Capsule with freight',
        season: '',
        status: 'Open',
        publicationAt: null,
        orderDeadlineAt: null,
        addressField: 'show',
        paymentMethods: ['outside_app'],
        shippingRateGroupIds: [GROUP],
      },
      doing,
    );
    await changeLocally(
      servicesOf(maja),
      setCatalogStyles,
      { id: CATALOG, productIds: [sku.product_id, boothStyle.product_id] },
      doing,
    );
    await maja.engine.syncNow();
    expect((await maja.engine.status()).pending).toBe(0);

    // The share link: the catalog's rate, then an order that keeps it.
    const options = await post('/api/share/shipping-options', { token, country: 'DE' });
    expect(options.body).toEqual({
      shippingApplies: true,
      currency: 'EUR',
      rates: [{ groupId: GROUP, name: 'Capsule freight', amountMinor: 1_100, freeFromMinor: null }],
    });
    const address = { name: 'Harper & Vine', line1: 'Torstraße 1', city: 'Berlin', country: 'DE' };
    // The brand's default is no choice for these styles while their catalog has a rate.
    const refused = await post('/api/share/checkout', {
      token,
      orderId: crypto.randomUUID(),
      name: 'Ines Duarte',
      email: 'ines@boutique.example',
      complete: true,
      shipTo: address,
      billTo: address,
      shippingGroupId: 'demo-shipping-standard',
      paymentMethod: 'outside_app',
      poNumber: '',
    });
    expect(refused).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'invalid_input',
          issues: [{ path: 'shippingGroupId', code: 'no_shipping_rate' }],
        },
      },
    });

    const orderId = crypto.randomUUID();
    const placed = await post('/api/share/checkout', {
      token,
      orderId,
      name: 'Ines Duarte',
      email: 'ines@boutique.example',
      complete: true,
      shipTo: address,
      billTo: address,
      shippingGroupId: GROUP,
      paymentMethod: 'outside_app',
      poNumber: '',
    });
    expect(placed).toMatchObject({ status: 201, body: { shippingRateName: 'Capsule freight' } });
    // A checkout the buyer leaves to the brand: completing it offers the catalog's rate.
    const requestedId = crypto.randomUUID();
    const requested = await post('/api/share/checkout', {
      token,
      orderId: requestedId,
      name: 'Ines Duarte',
      email: 'ines@boutique.example',
      complete: false,
      shipTo: null,
      billTo: null,
      shippingGroupId: null,
      paymentMethod: null,
      poNumber: '',
    });
    expect(requested).toMatchObject({ status: 201, body: { status: 'Checkout Requested' } });
    await maja.engine.syncNow();
    expect(await checkoutShippingRates(servicesOf(maja), requestedId, 'DE')).toEqual([
      expect.objectContaining({ groupId: GROUP, name: 'Capsule freight' }),
    ]);

    // The booth order: offered the catalog's rate on the rep's desktop, kept on the hub.
    await jonas.engine.syncNow();
    const choice = await shippingChoice(servicesOf(jonas), {
      selectionId: booth.selectionId,
      country: booth.buyer.country_code,
      currency: booth.buyer.currency,
    });
    expect(choice).toMatchObject({
      ok: true,
      rates: [{ groupId: GROUP, amountMinor: 777, source: 'catalog' }],
    });
    const input = await boothOrderInput(servicesOf(jonas), booth.selectionId, booth.buyer);
    expect(input.shippingGroupId).toBe(GROUP);
    const order = await placeOrderLocally(servicesOf(jonas), input);
    await jonas.engine.syncNow();
    expect((await jonas.engine.status()).pending).toBe(0);
    const onHub = await hub
      .selectFrom('orders')
      .select(['shipping_rate_name'])
      .where('id', '=', order.orderId)
      .executeTakeFirstOrThrow();
    expect(onHub.shipping_rate_name).toBe('Capsule freight');
  });
});
