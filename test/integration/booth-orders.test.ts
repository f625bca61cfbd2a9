import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { desktopAvailability } from '../../main/services/availability.ts';
import { placementDraft, placeOrderLocally } from '../../main/services/order-placement.ts';
import { listOrders } from '../../main/services/orders.ts';
import { createSelectionLocally, setQuantitiesLocally } from '../../main/services/selections.ts';
import { hubDb, type StoreDb } from '../../main/store/database.ts';
import { shippingWarehouse } from '../../main/store/stock-queries.ts';
import { createHubClient } from '../../main/sync/hub-client.ts';
import { PlaceBoothOrderInput } from '../../preload/contract/index.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf, type TestDesktop } from '../support/desktop.ts';

/**
 * A booth order: placed on the desktop with the hub unreachable (provisional number,
 * waiting to sync), then placed for good by the hub when it is back (its number, its
 * lines, stock allocated and what was over availability flagged short), once however
 * often it is pushed; what orders hold reaches the desktop with the stock rows.
 */

const demo = useDemoHub('trunkshow-booth-orders-');

const address = {
  name: 'Nordlys Tokyo',
  line1: '1-2-3 Jingumae',
  line2: '',
  postalCode: '150-0001',
  city: 'Shibuya-ku',
  region: 'Tokyo',
  country: 'JP',
  phone: '+81 3 0000 0000',
};

/** A Japanese buyer (ships from the demo's Osaka warehouse, pays in yen) and two SS27 sizes. */
async function boothSetup(jonas: TestDesktop, onHand: [number, number]) {
  const buyer = await jonas.store.db
    .selectFrom('buyers as b')
    .innerJoin('pricelists as p', 'p.id', 'b.pricelist_id')
    .select('b.id')
    .where('b.country_code', '=', 'JP')
    .where('p.currency', '=', 'JPY')
    .orderBy('b.name')
    .executeTakeFirstOrThrow();
  const hub = hubDb(demo.hub.store.db);
  const warehouseId = (await shippingWarehouse(demo.hub.store.db, buyer.id))!;
  const skus = await hub
    .selectFrom('skus')
    .innerJoin('products as style', 'style.id', 'skus.product_id')
    .innerJoin('prices as pr', 'pr.sku_id', 'skus.id')
    .innerJoin('buyers as b', 'b.pricelist_id', 'pr.pricelist_id')
    .select(['skus.id', 'skus.size'])
    .where('b.id', '=', buyer.id)
    .where('style.style_number', 'like', 'SS27-%')
    .orderBy('skus.id')
    .limit(2)
    .execute();
  for (const [i, sku] of skus.entries()) {
    await hub
      .insertInto('stock')
      .values({ warehouse_id: warehouseId, sku_id: sku.id, quantity: onHand[i]! })
      .onConflict((oc) =>
        oc.columns(['sku_id', 'warehouse_id']).doUpdateSet({ quantity: onHand[i]! }),
      )
      .execute();
  }
  await jonas.engine.syncNow();
  const selection = await createSelectionLocally(servicesOf(jonas), {
    buyerId: buyer.id,
    name: `Booth ${crypto.randomUUID()}`,
    notes: '',
  });
  return { buyerId: buyer.id, warehouseId, skus, selectionId: selection.id };
}

/** The dialog's answers, as the contract parses them. */
function orderInput(selectionId: string, change: Record<string, unknown> = {}) {
  return PlaceBoothOrderInput.parse({
    selectionId,
    shipTo: address,
    billTo: address,
    shipStart: '2027-03-01',
    cancelDate: '2027-04-30',
    poNumber: 'PO-7781',
    paymentMethod: 'outside_app',
    shippingGroupId: null,
    note: 'Deliver to the back door',
    approvedBy: 'Aiko Tanaka',
    ...change,
  });
}

/**
 * A booth order's arguments as another device (a script) pushes them straight to the
 * hub, with no desktop judging them first.
 */
function pushedOrder(order: {
  orderId: string;
  selectionId: string;
  buyerId: string;
  currency: string;
  lines: { skuId: string; quantity: number; unitPriceMinor: number }[];
}) {
  return {
    ...order,
    provisionalNumber: 'P-SCRIPT01-1',
    discountBasisPoints: 0,
    shipTo: address,
    billTo: address,
    shipping: null,
    paymentMethod: 'outside_app',
    shipStart: '',
    cancelDate: '',
    poNumber: '',
    note: '',
    approvedBy: 'Aiko Tanaka',
  };
}

/** Signs a script in as one of the demo people and pushes one mutation as its first. */
async function pushAs(email: string, name: string, args: unknown) {
  const client = createHubClient(demo.url);
  const script = await client.signIn({ email, password: DEMO_PASSWORD, deviceName: 'Script' });
  const body = {
    clientId: script.deviceId,
    mutations: [{ seq: 1, name, args, at: new Date().toISOString() }],
  };
  return {
    first: (await client.push(script.token, body)).results,
    again: async () => (await client.push(script.token, body)).results,
  };
}

/** An order as the desktop's Orders view lists it. */
async function orderIn(desktop: TestDesktop, orderId: string) {
  const page = await listOrders(desktop.store.db, { filters: {}, limit: 200 });
  return page.orders.find((order) => order.id === orderId);
}

async function standardGroup(db: StoreDb) {
  const group = await db
    .selectFrom('shipping_rate_groups')
    .select('id')
    .where('name', '=', 'Standard')
    .executeTakeFirstOrThrow();
  return group.id;
}

describe('a booth order', () => {
  it('placed offline shows its provisional number; the hub numbers it, allocates and flags what is short', async () => {
    const jonas = await demo.desktop();
    const setup = await boothSetup(jonas, [5, 1]);
    const [a, b] = setup.skus;
    await setQuantitiesLocally(servicesOf(jonas), {
      selectionId: setup.selectionId,
      lines: [
        { skuId: a!.id, quantity: 2 },
        { skuId: b!.id, quantity: 3 },
      ],
    });
    const draft = await placementDraft(servicesOf(jonas), setup.selectionId);
    expect(draft.warehouse).toBeTruthy();
    expect(draft.unitsShort).toBe(2);
    const groupId = await standardGroup(jonas.store.db);

    await demo.stop();
    const placed = await placeOrderLocally(
      servicesOf(jonas),
      orderInput(setup.selectionId, { shippingGroupId: groupId }),
    );
    expect(placed.number).toMatch(/^P-[A-Z0-9]{8}-\d+$/);
    const waiting = await orderIn(jonas, placed.orderId);
    expect(waiting).toMatchObject({
      number: placed.number,
      status: 'Order',
      source: 'booth',
      waitingToSync: true,
      units: 5,
    });
    // Offline, the desktop counts its own order against what is available.
    const offline = await desktopAvailability(jonas.store.db, setup.buyerId, [a!.id, b!.id]);
    expect(offline.available).toEqual(
      new Map([
        [a!.id, 3],
        [b!.id, 0],
      ]),
    );

    await demo.start();
    await jonas.engine.syncNow();
    const synced = (await orderIn(jonas, placed.orderId))!;
    expect(synced.number).toMatch(/^SO-\d{4}-\d{5}$/);
    expect(synced).toMatchObject({ waitingToSync: false, unitsShort: 2, status: 'Order' });

    const hub = hubDb(demo.hub.store.db);
    const order = await hub
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', placed.orderId)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      source: 'booth',
      number: synced.number,
      units_short: 2,
      po_number: 'PO-7781',
      approved_by: 'Aiko Tanaka',
      shipping_rate_name: 'Standard',
      payment_method: 'outside_app',
      ship_start: '2027-03-01',
      cancel_date: '2027-04-30',
    });
    expect(JSON.parse(order.ship_to!)).toMatchObject({ country: 'JP', city: 'Shibuya-ku' });
    const lines = await hub
      .selectFrom('order_lines')
      .select(['sku_id', 'quantity'])
      .where('order_id', '=', placed.orderId)
      .orderBy('sku_id')
      .execute();
    expect(lines).toEqual([
      { sku_id: a!.id, quantity: 2 },
      { sku_id: b!.id, quantity: 3 },
    ]);
    const allocations = await hub
      .selectFrom('order_allocations')
      .select(['sku_id', 'allocated', 'short'])
      .where('order_id', '=', placed.orderId)
      .orderBy('sku_id')
      .execute();
    expect(allocations).toEqual([
      { sku_id: a!.id, allocated: 2, short: 0 },
      { sku_id: b!.id, allocated: 1, short: 2 },
    ]);
    // What the order holds reached the desktop with the stock rows: the same availability.
    const held = await jonas.store.db
      .selectFrom('stock')
      .select(['sku_id', 'held'])
      .where('warehouse_id', '=', setup.warehouseId)
      .where('sku_id', 'in', [a!.id, b!.id])
      .orderBy('sku_id')
      .execute();
    expect(held).toEqual([
      { sku_id: a!.id, held: 2 },
      { sku_id: b!.id, held: 1 },
    ]);
    const online = await desktopAvailability(jonas.store.db, setup.buyerId, [a!.id, b!.id]);
    expect(online.available).toEqual(
      new Map([
        [a!.id, 3],
        [b!.id, 0],
      ]),
    );
    // The hub kept the time the buyer agreed, and said which provisional number it replaced.
    const audit = await hub
      .selectFrom('audit_log')
      .select('details')
      .where('subject', '=', `order:${placed.orderId}`)
      .where('action', '=', 'order.placed')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details)).toMatchObject({ provisionalNumber: placed.number });

    // The same order pushed again, from anywhere, places nothing twice.
    const pushed = await pushAs(
      'jonas@nordlys-atelier.example',
      'order.place.v1',
      pushedOrder({
        orderId: placed.orderId,
        selectionId: setup.selectionId,
        buyerId: setup.buyerId,
        currency: order.currency,
        lines: [
          { skuId: a!.id, quantity: 2, unitPriceMinor: 1 },
          { skuId: b!.id, quantity: 3, unitPriceMinor: 1 },
        ],
      }),
    );
    expect(pushed.first).toEqual([{ seq: 1, status: 'applied' }]);
    expect(await pushed.again()).toEqual([{ seq: 1, status: 'already_applied' }]);
    const count = await hub
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '=', placed.orderId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect(
      await hub
        .selectFrom('order_allocations')
        .select(['sku_id', 'allocated', 'short'])
        .where('order_id', '=', placed.orderId)
        .orderBy('sku_id')
        .execute(),
    ).toEqual(allocations);
    const stillHeld = await hub
      .selectFrom('stock')
      .select('held')
      .where('warehouse_id', '=', setup.warehouseId)
      .where('sku_id', '=', a!.id)
      .executeTakeFirstOrThrow();
    expect(stillHeld.held).toBe(2);
  });

  it('with a field the rules refuse says so at the field and writes nothing', async () => {
    const jonas = await demo.desktop();
    const setup = await boothSetup(jonas, [5, 5]);
    await setQuantitiesLocally(servicesOf(jonas), {
      selectionId: setup.selectionId,
      lines: [{ skuId: setup.skus[0]!.id, quantity: 1 }],
    });
    const groupId = await standardGroup(jonas.store.db);
    const before = await jonas.engine.status();
    const refused = placeOrderLocally(
      servicesOf(jonas),
      orderInput(setup.selectionId, {
        shippingGroupId: groupId,
        shipTo: { ...address, country: '' },
        shipStart: '2027-05-01',
        cancelDate: '2027-04-01',
        poNumber: 'P'.repeat(10_240),
      }),
    );
    await expect(refused).rejects.toMatchObject({
      code: 'invalid_input',
      issues: expect.arrayContaining([
        expect.objectContaining({ path: 'shipTo.country', code: 'country_required' }),
        expect.objectContaining({ path: 'cancelDate', code: 'cancel_before_ship_start' }),
        expect.objectContaining({ path: 'poNumber', code: 'po_number_too_long' }),
      ]),
    });
    // A currency the brand does not ship in to that country: no rate to choose.
    await expect(
      placeOrderLocally(
        servicesOf(jonas),
        orderInput(setup.selectionId, { shipTo: { ...address, country: 'US' } }),
      ),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: 'shipping', code: 'no_shipping_rate' })],
    });
    // No card is taken at the booth: refused at the field.
    await expect(
      placeOrderLocally(
        servicesOf(jonas),
        orderInput(setup.selectionId, { shippingGroupId: groupId, paymentMethod: 'stripe_card' }),
      ),
    ).rejects.toMatchObject({
      issues: [
        expect.objectContaining({ path: 'paymentMethod', code: 'payment_method_not_offered' }),
      ],
    });
    expect((await jonas.engine.status()).pending).toBe(before.pending);
    const written = await jonas.store.db
      .selectFrom('orders')
      .select('id')
      .where('selection_id', '=', setup.selectionId)
      .execute();
    expect(written).toEqual([]);

    // Another rep cannot place an order of Jonas's selection, even by pushing it straight.
    await jonas.engine.syncNow();
    const pushed = await pushAs(
      'aiko@nordlys-atelier.example',
      'order.place.v1',
      pushedOrder({
        orderId: crypto.randomUUID(),
        selectionId: setup.selectionId,
        buyerId: setup.buyerId,
        currency: 'JPY',
        lines: [{ skuId: setup.skus[0]!.id, quantity: 1, unitPriceMinor: 100 }],
      }),
    );
    expect(pushed.first).toEqual([
      expect.objectContaining({ seq: 1, status: 'refused', code: 'forbidden' }),
    ]);
    // Nor by card when pushed straight: the hub judges the payment method again.
    const byCard = await pushAs('jonas@nordlys-atelier.example', 'order.place.v1', {
      ...pushedOrder({
        orderId: crypto.randomUUID(),
        selectionId: setup.selectionId,
        buyerId: setup.buyerId,
        currency: 'JPY',
        lines: [{ skuId: setup.skus[0]!.id, quantity: 1, unitPriceMinor: 100 }],
      }),
      paymentMethod: 'stripe_card',
    });
    expect(byCard.first).toEqual([
      expect.objectContaining({
        seq: 1,
        status: 'refused',
        code: 'invalid_input',
        reason: expect.stringContaining('paymentMethod: payment_method_not_offered'),
      }),
    ]);
  });

  it('of styles past their catalog’s order deadline asks the rep first, then is placed and kept', async () => {
    const jonas = await demo.desktop();
    const setup = await boothSetup(jonas, [5, 5]);
    await setQuantitiesLocally(servicesOf(jonas), {
      selectionId: setup.selectionId,
      lines: [{ skuId: setup.skus[0]!.id, quantity: 1 }],
    });
    // Three years on, the SS27 catalog's order deadline has long passed.
    const later = {
      ...servicesOf(jonas),
      clock: () => new Date(Date.now() + 3 * 365 * 86_400_000),
    };
    const draft = await placementDraft(later, setup.selectionId);
    expect(draft.pastDeadline).toEqual([
      expect.objectContaining({ styles: [expect.stringMatching(/^SS27-/)] }),
    ]);
    expect(draft.groups[0]!.orderRefusal).toMatchObject({ code: 'deadline_passed' });
    const input = orderInput(setup.selectionId, {
      shippingGroupId: await standardGroup(jonas.store.db),
    });
    await expect(placeOrderLocally(later, input)).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [expect.objectContaining({ path: 'acknowledgeDeadlines', code: 'deadline_passed' })],
    });
    const placed = await placeOrderLocally(later, { ...input, acknowledgeDeadlines: true });
    await jonas.engine.syncNow();
    const order = await hubDb(demo.hub.store.db)
      .selectFrom('orders')
      .select(['number', 'status'])
      .where('id', '=', placed.orderId)
      .executeTakeFirstOrThrow();
    // A fact: the hub keeps what the buyer agreed to at the booth.
    expect(order).toMatchObject({ status: 'Order', number: expect.stringMatching(/^SO-/) });
  });
});
