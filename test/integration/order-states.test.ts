import { describe, expect, it } from 'vitest';
import { readAvailability } from '../../main/hub/orders/stock-allocation.ts';
import {
  cancelOrderLocally,
  confirmOrderLocally,
  listOrders,
  orderDetail,
} from '../../main/services/orders.ts';
import { listRefusals } from '../../main/services/sync.ts';
import { hubDb } from '../../main/store/database.ts';
import { confirmOrder } from '../../main/sync/mutators/orders.ts';
import { enqueue } from '../../main/sync/replica.ts';
import { DEMO_REP, useDemoHub } from '../support/demo-hub.ts';
import { servicesOf } from '../support/desktop.ts';
import { placeHubOrder } from '../support/orders.ts';

/**
 * Confirming and cancelling an order from the desktop: applied on the replica at once
 * (status and event), pushed, and made for good by the hub's order service, which
 * releases the stock on cancel and refuses a rep another rep's buyer's order.
 */
const demo = useDemoHub('trunkshow-order-states-');
const OTHER_REP = 'aiko@nordlys-atelier.example';

describe('order state changes through sync', () => {
  it('confirms then cancels with a reason: three events, the stock back', async () => {
    const placed = await placeHubOrder(demo.hub.store.db, {
      ownerEmail: DEMO_REP,
      quantity: 4,
      onHand: 10,
      po: 'PO-STATES',
    });
    const available = async () =>
      (await readAvailability(demo.hub.store.db, placed.warehouseId, [placed.skuId])).available.get(
        placed.skuId,
      );
    expect(await available()).toBe(6);

    const rep = await demo.desktop(DEMO_REP);
    const services = servicesOf(rep);
    const account = rep.session.account()!;

    const confirmed = await confirmOrderLocally(services, placed.orderId);
    expect(confirmed).toMatchObject({ status: 'Confirmed', waitingToSync: true });
    const local = await orderDetail(rep.store.db, account, placed.orderId);
    expect(local.events.map((event) => [event.from, event.to])).toEqual([
      [null, 'Order'],
      ['Order', 'Confirmed'],
    ]);
    expect(local.may).toEqual({ confirm: false, cancel: true, completeCheckout: false });
    await rep.engine.syncNow();

    await expect(
      cancelOrderLocally(services, { orderId: placed.orderId, reason: ' ' }),
    ).rejects.toThrow();
    const cancelled = await cancelOrderLocally(services, {
      orderId: placed.orderId,
      reason: 'The buyer withdrew',
    });
    expect(cancelled.status).toBe('Cancelled');
    await rep.engine.syncNow();

    const hub = hubDb(demo.hub.store.db);
    const order = await hub
      .selectFrom('orders')
      .select('status')
      .where('id', '=', placed.orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe('Cancelled');
    const events = await hub
      .selectFrom('order_events')
      .select(['from_state', 'to_state', 'reason', 'actor_kind'])
      .where('order_id', '=', placed.orderId)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { from_state: null, to_state: 'Order', reason: '', actor_kind: 'staff' },
      { from_state: 'Order', to_state: 'Confirmed', reason: '', actor_kind: 'staff' },
      {
        from_state: 'Confirmed',
        to_state: 'Cancelled',
        reason: 'The buyer withdrew',
        actor_kind: 'staff',
      },
    ]);
    expect(await available()).toBe(10);

    // The desktop holds the hub's history now, nothing waiting and no second copy.
    const synced = await orderDetail(rep.store.db, account, placed.orderId);
    expect(synced.waitingToSync).toBe(false);
    expect(synced.events).toHaveLength(3);
    expect(synced.events[2]).toMatchObject({
      to: 'Cancelled',
      reason: 'The buyer withdrew',
      actorName: 'Jonas Berg',
    });
    const audit = await hub
      .selectFrom('audit_log')
      .select('action')
      .where('subject', '=', `order:${placed.orderId}`)
      .execute();
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['order.confirm', 'order.cancel', 'order.confirm.v1']),
    );
    expect(synced.payment).toEqual({ status: 'none', paidAt: null });
  });

  it('shows whether a card payment the hub took is paid', async () => {
    const placed = await placeHubOrder(demo.hub.store.db, {
      ownerEmail: DEMO_REP,
      quantity: 1,
      onHand: 5,
      skip: 2,
    });
    const paidAt = '2027-03-02T10:00:00.000Z';
    // What the hub's signed webhook writes (test/integration/stripe-card-payments.test.ts).
    await hubDb(demo.hub.store.db)
      .updateTable('orders')
      .set({ payment_method: 'stripe_card', payment_status: 'paid', paid_at: paidAt })
      .where('id', '=', placed.orderId)
      .execute();
    const rep = await demo.desktop(DEMO_REP);
    const detail = await orderDetail(rep.store.db, rep.session.account(), placed.orderId);
    expect(detail).toMatchObject({
      paymentMethod: 'stripe_card',
      payment: { status: 'paid', paidAt },
    });
  });

  it('keeps the hub’s refusal when a rep confirms another rep’s buyer’s order', async () => {
    const placed = await placeHubOrder(demo.hub.store.db, {
      ownerEmail: OTHER_REP,
      quantity: 1,
      onHand: 5,
      skip: 1,
    });
    const rep = await demo.desktop(DEMO_REP);
    // Sync keeps the order from this rep altogether…
    const page = await listOrders(rep.store.db, { filters: {}, limit: 50 });
    expect(page.orders.map((order) => order.id)).not.toContain(placed.orderId);
    await expect(confirmOrderLocally(servicesOf(rep), placed.orderId)).rejects.toMatchObject({
      code: 'not_found',
    });
    // …so the change reaches the hub only from a desktop that judged it otherwise (an
    // older release, a view from before the selection changed hands): the hub decides.
    await enqueue(
      rep.store.db,
      rep.session.account()!,
      { ...confirmOrder, apply: () => Promise.resolve() },
      { orderId: placed.orderId, reason: '' },
      new Date(),
    );
    await rep.engine.syncNow();
    const refusals = await listRefusals(rep.store.db);
    expect(refusals).toEqual([
      expect.objectContaining({
        mutation: 'order.confirm.v1',
        subject: `order:${placed.orderId}`,
        code: 'forbidden',
      }),
    ]);
    const order = await hubDb(demo.hub.store.db)
      .selectFrom('orders')
      .select('status')
      .where('id', '=', placed.orderId)
      .executeTakeFirstOrThrow();
    expect(order.status).toBe('Order');
  });
});
