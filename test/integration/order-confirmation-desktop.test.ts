import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { changeOrderState } from '../../main/hub/orders/change-state.ts';
import { placeOrder } from '../../main/hub/orders/place-order.ts';
import type { DesktopServices } from '../../main/services/handlers.ts';
import { orderConfirmationPdf, orderMailDraft } from '../../main/services/order-confirmation.ts';
import { hubDb } from '../../main/store/database.ts';
import { createHubClient } from '../../main/sync/hub-client.ts';
import { DEMO_REP, useDemoHub } from '../support/demo-hub.ts';
import { boothOrderRequest } from '../support/orders.ts';
import { pdfPages } from '../support/pdf-text.ts';

const demo = useDemoHub('trunkshow-confirmation-desktop-');

/** A booth order the demo rep placed for a buyer of theirs, straight into the hub. */
async function placeRepOrder(): Promise<{ orderId: string; number: string; styleNumber: string }> {
  const db = hubDb(demo.hub.store.db);
  const rep = await db
    .selectFrom('staff_users')
    .select('id')
    .where('email', '=', DEMO_REP)
    .executeTakeFirstOrThrow();
  const buyer = await db
    .selectFrom('buyers')
    .select('id')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  const sku = await db
    .selectFrom('skus as k')
    .innerJoin('products as p', 'p.id', 'k.product_id')
    .select(['k.id', 'p.style_number'])
    .orderBy('p.style_number')
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const selectionId = uuidv7();
  await db
    .insertInto('selections')
    .values({
      id: selectionId,
      buyer_id: buyer.id,
      owner_id: rep.id,
      name: 'At the booth',
      created_at: now,
      updated_at: now,
    })
    .execute();
  const placed = await demo.hub.store.db.transaction().execute((trx) =>
    placeOrder(
      trx,
      { kind: 'staff', userId: rep.id, role: 'rep', device: null },
      boothOrderRequest(
        {
          buyerId: buyer.id,
          selectionId,
          lines: [{ skuId: sku.id, quantity: 3, unitPriceMinor: 4_500 }],
        },
        { window: {}, poNumber: 'PO-DESK', placedAt: now },
      ),
    ),
  );
  return {
    orderId: placed.value.orderId,
    number: placed.value.number!,
    styleNumber: sku.style_number,
  };
}

describe('the order confirmation on the desktop', () => {
  it('saves the PDF from the replica and drafts the mail when the hub cannot send it', async () => {
    const desktop = await demo.desktop();
    const order = await placeRepOrder();
    await desktop.engine.syncNow();
    const services: DesktopServices = {
      db: desktop.store.db,
      session: desktop.session,
      engine: desktop.engine,
      clock: () => new Date(),
      builtInHub: null,
    };

    const file = await orderConfirmationPdf(services, order.orderId);
    expect(file.fileName).toMatch(new RegExp(`^Order confirmation – ${order.number} – .+\\.pdf$`));
    const text = (await pdfPages(file.bytes)).join('\n');
    expect(text).toContain(order.number);
    expect(text).toContain(order.styleNumber);

    // The demo hub has no mail server: the rep's mail app sends it.
    const draft = await orderMailDraft(services, order.orderId);
    expect(draft).toMatchObject({
      hubSends: 'no_smtp',
      mail: {
        to: ['ines@boutique.example'],
        cc: [DEMO_REP],
        subject: expect.stringContaining(`Order ${order.number} placed`),
      },
    });
    expect(draft.mail?.mailto).toMatch(
      /^mailto:ines%40boutique\.example\?cc=jonas%40nordlys-atelier\.example&subject=/,
    );

    // With a mail server set, the hub sends it itself.
    const admin = createHubClient(demo.url);
    const { token } = await admin.signIn({
      email: 'maja@nordlys-atelier.example',
      password: DEMO_PASSWORD,
      deviceName: 'admin',
    });
    await admin.saveMailSettings(token, {
      host: '127.0.0.1',
      port: 9,
      security: 'none',
      user: '',
      fromAddress: 'orders@nordlys.example',
    });
    expect((await orderMailDraft(services, order.orderId)).hubSends).toBe('sends');
    await admin.clearMailSettings(token);

    // Offline: the PDF is still made from the replica, and the draft says why it is needed.
    await demo.stop();
    try {
      expect((await orderMailDraft(services, order.orderId)).hubSends).toBe('offline');
      const offline = await orderConfirmationPdf(services, order.orderId);
      expect((await pdfPages(offline.bytes)).join('\n')).toContain(order.number);
    } finally {
      await demo.start();
    }

    // A cancelled order: its PDF says so, and there is no mail to prepare.
    const admin2 = await hubDb(demo.hub.store.db)
      .selectFrom('staff_users')
      .select('id')
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    await demo.hub.store.db
      .transaction()
      .execute((trx) =>
        changeOrderState(
          trx,
          { kind: 'staff', userId: admin2.id, role: 'admin', device: null },
          order.orderId,
          'cancel',
          { at: new Date().toISOString(), reason: 'The buyer withdrew' },
        ),
      );
    await desktop.engine.syncNow();
    // The draft now says it is cancelled, and why.
    const cancelledDraft = (await orderMailDraft(services, order.orderId)).mail;
    expect(cancelledDraft?.subject).toMatch(/cancelled/);
    expect(cancelledDraft?.body).toContain('Reason: The buyer withdrew');
    const cancelled = await orderConfirmationPdf(services, order.orderId);
    expect((await pdfPages(cancelled.bytes)).join('\n')).toContain('Cancelled');

    await expect(orderConfirmationPdf(services, uuidv7())).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
