import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedMail } from 'mailparser';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { enqueueMail } from '../../main/hub/mail/outbox.ts';
import { changeOrderState } from '../../main/hub/orders/change-state.ts';
import { placeOrder, type PlaceOrderRequest } from '../../main/hub/orders/place-order.ts';
import type { OrderPrincipal } from '../../main/hub/orders/principal.ts';
import type { RunningHub } from '../../main/hub/start.ts';
import { hubDb } from '../../main/store/database.ts';
import { createHubClient, type HubClient } from '../../main/sync/hub-client.ts';
import { boothOrderRequest } from '../support/orders.ts';
import { pdfPages } from '../support/pdf-text.ts';
import {
  FAST_MAIL,
  smtpSettings,
  startSmtpServer,
  type TestSmtpServer,
} from '../support/smtp-server.ts';
import { startTestHub } from '../support/hub-engine.ts';

const SMTP_USER = 'hub@mail.example';
const SMTP_PASSWORD = 'order-mail-password-41c2';
const ADMIN = 'maja@nordlys-atelier.example';
const REP = 'jonas@nordlys-atelier.example';
const BUYER_CONTACT = 'ines@boutique.example';

let root = '';
let smtp: TestSmtpServer;
let hub: RunningHub;
let client: HubClient;
let token = '';
let admin: OrderPrincipal;
let rep: OrderPrincipal;
let selectionId = '';
let buyerId = '';
let lines: { skuId: string; quantity: number; unitPriceMinor: number; styleNumber: string }[] = [];

const settings = (password: string) =>
  smtpSettings(smtp, { user: SMTP_USER, password }, 'orders@nordlys.example');

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 15_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function request(): PlaceOrderRequest {
  return boothOrderRequest(
    {
      buyerId,
      selectionId,
      lines: lines.map(({ skuId, quantity, unitPriceMinor }) => ({
        skuId,
        quantity,
        unitPriceMinor,
      })),
    },
    { poNumber: 'PO-CONF-1', contact: { name: 'Ines Duarte', email: BUYER_CONTACT, phone: '' } },
  );
}

const place = (wanted: PlaceOrderRequest) =>
  hub.store.db.transaction().execute((trx) => placeOrder(trx, rep, wanted));

/** The mails the SMTP server took about one order number. */
const mailsAbout = (number: string) =>
  smtp.received.filter((mail) => mail.subject?.includes(number));

function outboxRows(orderId: string) {
  return hubDb(hub.store.db)
    .selectFrom('mail_outbox')
    .selectAll()
    .where('entity', '=', `order:${orderId}`)
    .orderBy('created_at')
    .execute();
}

async function pdfOf(mail: ParsedMail): Promise<string> {
  const pdf = mail.attachments.find((file) => file.contentType === 'application/pdf');
  expect(pdf, 'a PDF attachment').toBeDefined();
  return (await pdfPages(new Uint8Array(pdf!.content))).join('\n');
}

const addresses = (field: ParsedMail['to']) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.map((entry) => entry.address),
  );

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trunkshow-confirmation-'));
  smtp = await startSmtpServer({ user: SMTP_USER, password: SMTP_PASSWORD });
  hub = await startTestHub({
    dataDir: join(root, 'hub'),
    port: 0,
    demo: 20,
    buyerAppDir: null,
    mail: FAST_MAIL,
  });
  client = createHubClient(hub.url);
  token = (await client.signIn({ email: ADMIN, password: DEMO_PASSWORD, deviceName: 'test' }))
    .token;
  await client.saveMailSettings(token, settings(SMTP_PASSWORD));

  const db = hubDb(hub.store.db);
  const staff = await db.selectFrom('staff_users').select(['id', 'email', 'role']).execute();
  const person = (email: string): OrderPrincipal => {
    const row = staff.find((member) => member.email === email)!;
    return { kind: 'staff', userId: row.id, role: row.role, device: null };
  };
  admin = person(ADMIN);
  rep = person(REP);
  const buyer = await db
    .selectFrom('buyers')
    .select('id')
    .where('language', '=', 'en')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  buyerId = buyer.id;
  const skus = await db
    .selectFrom('skus as k')
    .innerJoin('products as p', 'p.id', 'k.product_id')
    .select(['k.id', 'p.style_number'])
    .orderBy('p.style_number')
    .orderBy('k.position')
    .limit(3)
    .execute();
  lines = skus.map((sku, index) => ({
    skuId: sku.id,
    quantity: index + 1,
    unitPriceMinor: 4_500,
    styleNumber: sku.style_number,
  }));
  selectionId = uuidv7();
  const now = new Date().toISOString();
  await db
    .insertInto('selections')
    .values({
      id: selectionId,
      buyer_id: buyerId,
      owner_id: rep.kind === 'staff' ? rep.userId : '',
      name: 'Booth order',
      created_at: now,
      updated_at: now,
    })
    .execute();
}, 120_000);

afterEach(async () => {
  await client.saveMailSettings(token, settings(SMTP_PASSWORD));
});

afterAll(async () => {
  await hub?.close();
  await smtp?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the order confirmation mail', () => {
  it('goes to the buyer with the rep in copy when an order is placed, once, and again when it is confirmed', async () => {
    const wanted = request();
    const placed = await place(wanted);
    const number = placed.value.number!;
    await until('the placed mail', () => mailsAbout(number).length === 1);
    const [mail] = mailsAbout(number);
    expect(mail!.subject).toBe(`Order ${number} placed – Nordlys Atelier`);
    expect(addresses(mail!.to)).toEqual([BUYER_CONTACT]);
    expect(addresses(mail!.cc)).toEqual([REP]);
    expect(mail!.text).toContain('PO-CONF-1');
    const placedPdf = await pdfOf(mail!);
    expect(placedPdf).toContain(number);
    expect(placedPdf).toContain(lines[0]!.styleNumber);
    expect(placedPdf).toContain('Order confirmation');

    // A retry of the same order answers the first answer and mails nothing more.
    expect((await place(wanted)).created).toBe(false);

    await hub.store.db.transaction().execute((trx) =>
      changeOrderState(trx, admin, placed.value.orderId, 'confirm', {
        at: new Date().toISOString(),
      }),
    );
    await until('the confirmed mail', () => mailsAbout(number).length === 2);
    const confirmed = mailsAbout(number)[1]!;
    expect(confirmed.subject).toBe(`Order ${number} confirmed – Nordlys Atelier`);
    expect(await pdfOf(confirmed)).toContain('Confirmed');

    await until('both sent', async () =>
      (await outboxRows(placed.value.orderId)).every((row) => row.status === 'sent'),
    );
    const history = await client.mailHistory(token, `order:${placed.value.orderId}`);
    expect(history.map((entry) => entry.status)).toEqual(['sent', 'sent']);
    expect(history[0]!.attachments).toEqual([
      {
        filename: expect.stringMatching(new RegExp(`^Order confirmation – ${number} – .+\\.pdf$`)),
        size: expect.any(Number),
      },
    ]);
    // Nothing more goes out for these two events.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsAbout(number)).toHaveLength(2);
  });

  it('tells the buyer when an order is cancelled, with the brand’s reason', async () => {
    const placed = await place(request());
    const number = placed.value.number!;
    await until('the placed mail', () => mailsAbout(number).length === 1);
    await hub.store.db.transaction().execute((trx) =>
      changeOrderState(trx, admin, placed.value.orderId, 'cancel', {
        at: new Date().toISOString(),
        reason: 'The buyer withdrew the order',
      }),
    );
    await until('the cancelled mail', () => mailsAbout(number).length === 2);
    const cancelled = mailsAbout(number)[1]!;
    expect(cancelled.subject).toBe(`Order ${number} cancelled – Nordlys Atelier`);
    expect(cancelled.text).toContain('Reason: The buyer withdrew the order');
    expect(addresses(cancelled.to)).toEqual([BUYER_CONTACT]);
    expect(await pdfOf(cancelled)).toContain('Cancelled');
  });

  it('waits for an SMTP server that is down and sends once when it is back; the order is unaffected', async () => {
    await smtp.stop();
    try {
      const placed = await place(request());
      expect(placed).toMatchObject({ created: true, value: { status: 'Order' } });
      await until('a failed attempt', async () => {
        const [row] = await outboxRows(placed.value.orderId);
        return (row?.attempts ?? 0) >= 1 && row?.last_error_code === 'smtp_unreachable';
      });
      const order = await hubDb(hub.store.db)
        .selectFrom('orders')
        .select(['status', 'number'])
        .where('id', '=', placed.value.orderId)
        .executeTakeFirstOrThrow();
      expect(order).toEqual({ status: 'Order', number: placed.value.number });
      await smtp.start();
      const number = placed.value.number!;
      await until('the mail', () => mailsAbout(number).length === 1);
      await until('the outbox to say sent', async () =>
        (await outboxRows(placed.value.orderId)).every((row) => row.status === 'sent'),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(mailsAbout(number)).toHaveLength(1);
    } finally {
      await smtp.start().catch(() => {});
    }
  });

  it('shows a wrong SMTP password in the order’s mail history and in Settings', async () => {
    await client.saveMailSettings(token, settings('not-the-password'));
    const placed = await place(request());
    await until('a failed attempt', async () => {
      const [row] = await outboxRows(placed.value.orderId);
      return (row?.attempts ?? 0) >= 1 && row?.last_error_code !== null;
    });
    const [entry] = await client.mailHistory(token, `order:${placed.value.orderId}`);
    expect(entry).toMatchObject({
      to: [BUYER_CONTACT],
      cc: [REP],
      lastError: { code: 'smtp_auth_failed' },
    });
    expect((await client.mailSettings(token)).lastProblem).toMatchObject({
      code: 'smtp_auth_failed',
    });
    expect(mailsAbout(placed.value.number!)).toHaveLength(0);

    // The right password: the waiting mail goes out.
    await client.saveMailSettings(token, settings(SMTP_PASSWORD));
    await until('the mail', () => mailsAbout(placed.value.number!).length === 1);
  });

  it('acknowledges a checkout request, then mails the placed order when the checkout is completed', async () => {
    const placed = await place({ ...request(), status: 'Checkout Requested' });
    const number = placed.value.number!;
    await until('the request mail', () => mailsAbout(number).length === 1);
    expect(mailsAbout(number)[0]!.subject).toBe(
      `Checkout requested: order ${number} – Nordlys Atelier`,
    );
    await hub.store.db.transaction().execute((trx) =>
      changeOrderState(trx, admin, placed.value.orderId, 'completeCheckout', {
        at: new Date().toISOString(),
      }),
    );
    await until('the placed mail', () => mailsAbout(number).length === 2);
    expect(mailsAbout(number)[1]!.subject).toBe(`Order ${number} placed – Nordlys Atelier`);
  });

  it('keeps a mail whose document cannot be drawn, never sending it without it', async () => {
    const entity = `order:${uuidv7()}`;
    await hub.store.db.transaction().execute((trx) =>
      enqueueMail(
        trx,
        {
          dedupeKey: `${entity}:placed`,
          entity,
          to: [BUYER_CONTACT],
          subject: 'An order this hub does not have',
          text: 'Its confirmation cannot be drawn.',
          renderings: [`order_confirmation:${entity.slice('order:'.length)}`],
        },
        new Date(),
      ),
    );
    await until('a failed attempt', async () => {
      const [entry] = await client.mailHistory(token, entity);
      return entry?.lastError?.code === 'attachment_failed';
    });
    const [entry] = await client.mailHistory(token, entity);
    expect(entry).toMatchObject({
      status: expect.stringMatching(/^(queued|sending)$/),
      attachments: [],
    });
    expect(
      smtp.received.filter((mail) => mail.subject === 'An order this hub does not have'),
    ).toEqual([]);
  });
});
