import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashGate } from '../../main/hub/auth/hash-gate.ts';
import { argon2Passwords } from '../../main/hub/auth/passwords.ts';
import { setBrandCode } from '../../main/hub/buyer-credentials.ts';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { startCardPayment, type CardPaymentDependencies } from '../../main/hub/payments/stripe.ts';
import { SecretBox } from '../../main/hub/mail/secret-box.ts';
import { LocalChangeNotifier } from '../../main/store/change-notices.ts';
import { MAIL_KEY_FILE, type RunningHub } from '../../main/hub/start.ts';
import { hubDb } from '../../main/store/database.ts';
import { PROTOCOL_HEADER, SYNC_PROTOCOL } from '../../main/sync/protocol.ts';
import { insertCustomerOrderLink } from '../support/customer-order-link.ts';
import { BERLIN, insertDtcLink, setStock } from '../support/dtc.ts';
import { placeHubOrder } from '../support/orders.ts';
import { orderableSkuIds } from '../support/shared-selection.ts';
import { startStripeStandIn, type StripeStandIn } from '../support/stripe-stand-in.ts';
import { startTestHub } from '../support/hub-engine.ts';

/**
 * The Stripe Credit Card Payment add-on against a local stand-in of Stripe's API: admins
 * set the brand's keys (never answered back), a card payment starts a Checkout Session
 * for the order's total, and only a webhook signed with the brand's secret marks the
 * order paid, once.
 */

const ADMIN = 'maja@nordlys-atelier.example';
const REP = 'jonas@nordlys-atelier.example';
const SECRET_KEY = `sk_test_${'4eC39HqLyjWDarjtT1zdp7dc'}`;
const WEBHOOK_SECRET = 'whsec_standInSigningSecret0123456789';
const SETTINGS = '/api/payments/stripe/settings';
const WEBHOOK = '/api/payments/stripe/webhook';

let root = '';
let hub: RunningHub;
let stripe: StripeStandIn;
let payments: CardPaymentDependencies;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trunkshow-stripe-'));
  stripe = await startStripeStandIn({
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: () => `${hub.url}${WEBHOOK}`,
  });
  hub = await startTestHub({
    dataDir: join(root, 'hub'),
    port: 0,
    demo: 20,
    buyerAppDir: null,
    stripeApi: stripe.url,
  });
  // What the customer order link's checkout hands startCardPayment: the hub's own parts.
  payments = {
    db: hub.store.db,
    secrets: SecretBox.fromKeyFile(join(root, 'hub', MAIL_KEY_FILE)),
    stripeApi: new URL(stripe.url),
    clock: () => new Date(),
    changes: new LocalChangeNotifier(),
  };
});

afterAll(async () => {
  await hub.close();
  await stripe.close();
  rmSync(root, { recursive: true, force: true });
});

async function tokenOf(email: string): Promise<string> {
  const response = await fetch(`${hub.url}/api/sync/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max) },
    body: JSON.stringify({ email, password: DEMO_PASSWORD, deviceName: 'Stripe test' }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function call(method: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${hub.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      [PROTOCOL_HEADER]: String(SYNC_PROTOCOL.max),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, text: await response.text() };
}

const brandSwitch = async () =>
  (
    await hubDb(hub.store.db)
      .selectFrom('brand_settings')
      .select('stripe_card_enabled')
      .executeTakeFirstOrThrow()
  ).stripe_card_enabled;

/** An order as the customer order link's checkout leaves it: by card, payment pending. */
async function cardOrder(skip: number) {
  const placed = await placeHubOrder(hub.store.db, {
    ownerEmail: REP,
    quantity: 2,
    onHand: 10,
    skip,
  });
  await hubDb(hub.store.db)
    .updateTable('orders')
    .set({ payment_method: 'stripe_card', payment_status: 'pending' })
    .where('id', '=', placed.orderId)
    .execute();
  return placed;
}

const orderRow = (orderId: string) =>
  hubDb(hub.store.db)
    .selectFrom('orders')
    .select(['number', 'total_minor', 'currency', 'payment_status', 'paid_at', 'payment_reference'])
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();

const auditOf = (orderId: string, action: string) =>
  hubDb(hub.store.db)
    .selectFrom('audit_log')
    .select(['actor_kind', 'details'])
    .where('subject', '=', `order:${orderId}`)
    .where('action', '=', action)
    .execute();

describe('Stripe Credit Card Payment settings', () => {
  it('are for admins only, keep the keys sealed and never answer them', async () => {
    const admin = await tokenOf(ADMIN);
    const rep = await tokenOf(REP);
    expect((await call('GET', SETTINGS, null)).status).toBe(401);
    expect((await call('GET', SETTINGS, rep)).status).toBe(403);
    expect(
      (await call('PUT', SETTINGS, rep, { enabled: true, secretKey: SECRET_KEY })).status,
    ).toBe(403);
    expect(JSON.parse((await call('GET', SETTINGS, admin)).text)).toEqual({
      enabled: false,
      mode: null,
      secretKeySet: false,
      webhookSecretSet: false,
      webhookPath: WEBHOOK,
      updatedAt: null,
    });

    // Each problem at its field, nothing saved.
    const bad = await call('PUT', SETTINGS, admin, {
      enabled: true,
      secretKey: 'pk_test_1234567890abcdef',
      webhookSecret: '',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({
      error: {
        code: 'invalid_input',
        issues: [
          { path: 'secretKey', code: 'stripe_secret_key_invalid' },
          { path: 'webhookSecret', code: 'stripe_key_required' },
        ],
      },
    });
    expect(await brandSwitch()).toBe(0);

    const saved = await call('PUT', SETTINGS, admin, {
      enabled: true,
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
    });
    expect(saved.status).toBe(200);
    expect(JSON.parse(saved.text)).toMatchObject({
      enabled: true,
      mode: 'test',
      secretKeySet: true,
      webhookSecretSet: true,
    });
    expect(saved.text).not.toContain(SECRET_KEY);
    expect(saved.text).not.toContain(WEBHOOK_SECRET);
    expect((await call('GET', SETTINGS, admin)).text).not.toContain('sk_test_');
    // The switch is the brand's synced setting; the keys rest sealed, in no readable form.
    expect(await brandSwitch()).toBe(1);
    const stored = JSON.stringify(
      await hubDb(hub.store.db).selectFrom('stripe_settings').selectAll().execute(),
    );
    expect(stored).toContain('secret_key_sealed');
    // On SQLite the files are read too: no page, the log's included, holds the keys.
    const files = ['hub.sqlite', 'hub.sqlite-wal'].map((name) => join(root, 'hub', name));
    for (const bytes of [
      Buffer.from(stored),
      ...files.filter((file) => existsSync(file)).map((file) => readFileSync(file)),
    ]) {
      expect(bytes.includes(SECRET_KEY)).toBe(false);
      expect(bytes.includes(WEBHOOK_SECRET)).toBe(false);
    }
    const audit = await hubDb(hub.store.db)
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'brand.stripe_changed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).not.toContain('sk_test_');

    // Switched off and on again without typing the keys: they are kept.
    const off = await call('PUT', SETTINGS, admin, { enabled: false });
    expect(JSON.parse(off.text)).toMatchObject({ enabled: false, secretKeySet: true });
    expect(await brandSwitch()).toBe(0);
    const on = await call('PUT', SETTINGS, admin, { enabled: true });
    expect(JSON.parse(on.text)).toMatchObject({ enabled: true, mode: 'test' });
  });
});

describe('A card payment through Stripe Checkout', () => {
  it('starts a Checkout Session for the order and is marked paid only by a signed webhook, once', async () => {
    const placed = await cardOrder(0);
    const order = await orderRow(placed.orderId);
    const started = await startCardPayment(payments, {
      orderId: placed.orderId,
      successUrl: 'https://showroom.brand.example/l/paid',
      cancelUrl: 'https://showroom.brand.example/l/cart',
    });
    expect(started.sessionId).toMatch(/^cs_test_/);
    expect(started.url).toBe(`${stripe.url}/c/pay/${started.sessionId}`);
    expect(stripe.sessions.get(started.sessionId)).toMatchObject({
      amount_total: order.total_minor,
      currency: order.currency.toLowerCase(),
      metadata: { order_id: placed.orderId },
      client_reference_id: placed.orderId,
      customer_email: 'orders@shop.example',
      success_url: 'https://showroom.brand.example/l/paid',
      cancel_url: 'https://showroom.brand.example/l/cart',
    });
    expect(stripe.created.at(-1)).toMatchObject({
      mode: 'payment',
      line_items: [
        {
          quantity: '1',
          price_data: { product_data: { name: `Order ${order.number}` } },
        },
      ],
    });
    expect(await orderRow(placed.orderId)).toMatchObject({
      payment_status: 'pending',
      payment_reference: started.sessionId,
    });
    // Asked again while the session is open: the same payment page, not a second session.
    const again = await startCardPayment(payments, {
      orderId: placed.orderId,
      successUrl: 'https://showroom.brand.example/l/paid',
      cancelUrl: 'https://showroom.brand.example/l/cart',
    });
    expect(again).toEqual(started);

    const paid = await stripe.complete(started.sessionId);
    expect(paid.status).toBe(200);
    const after = await orderRow(placed.orderId);
    expect(after.payment_status).toBe('paid');
    expect(after.paid_at).not.toBeNull();
    expect(await auditOf(placed.orderId, 'order.paid')).toEqual([
      expect.objectContaining({ actor_kind: 'system' }),
    ]);

    // The same event delivered again (Stripe retries) changes nothing twice.
    const replayed = await stripe.deliver(paid.payload, paid.signature);
    expect(replayed.status).toBe(200);
    expect(await orderRow(placed.orderId)).toEqual(after);
    expect(await auditOf(placed.orderId, 'order.paid')).toHaveLength(1);

    // A paid order starts no second payment.
    await expect(
      startCardPayment(payments, {
        orderId: placed.orderId,
        successUrl: 'https://showroom.brand.example/l/paid',
        cancelUrl: 'https://showroom.brand.example/l/cart',
      }),
    ).rejects.toMatchObject({ status: 409, code: 'conflict' });
  });

  it('refuses a webhook whose signature is not the brand’s, changing nothing', async () => {
    const placed = await cardOrder(1);
    const { sessionId } = await startCardPayment(payments, {
      orderId: placed.orderId,
      successUrl: 'https://showroom.brand.example/l/paid',
      cancelUrl: 'https://showroom.brand.example/l/cart',
    });
    const session = {
      ...stripe.sessions.get(sessionId)!,
      status: 'complete',
      payment_status: 'paid',
    };
    const payload = JSON.stringify({
      id: 'evt_test_forged',
      object: 'event',
      type: 'checkout.session.completed',
      created: Math.floor(Date.now() / 1000),
      data: { object: session },
    });
    const forged = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: 'whsec_someoneElsesSecret0123456789',
    });
    const before = await orderRow(placed.orderId);
    for (const signature of [forged, '', 't=1,v1=00']) {
      const answer = await stripe.deliver(payload, signature);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'invalid_input' } });
    }
    // A body changed after signing: refused too.
    const signed = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const tampered = await stripe.deliver(payload.replace('"paid"', '"paid" '), signed);
    expect(tampered.status).toBe(400);
    expect(await orderRow(placed.orderId)).toEqual(before);
    expect(await auditOf(placed.orderId, 'order.paid')).toEqual([]);
  });

  it('marks a payment whose session expired as failed, and a new attempt makes a new session', async () => {
    const placed = await cardOrder(2);
    const request = {
      orderId: placed.orderId,
      successUrl: 'https://showroom.brand.example/l/paid',
      cancelUrl: 'https://showroom.brand.example/l/cart',
    };
    const first = await startCardPayment(payments, request);
    expect((await stripe.expire(first.sessionId)).status).toBe(200);
    expect(await orderRow(placed.orderId)).toMatchObject({ payment_status: 'failed' });
    expect(await auditOf(placed.orderId, 'order.paymentFailed')).toHaveLength(1);

    const second = await startCardPayment(payments, request);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(await orderRow(placed.orderId)).toMatchObject({
      payment_status: 'pending',
      payment_reference: second.sessionId,
    });
    await stripe.complete(second.sessionId);
    expect(await orderRow(placed.orderId)).toMatchObject({ payment_status: 'paid' });
  });

  it('is paid by a buyer on the payment page, who is sent back to the success address', async () => {
    const placed = await cardOrder(4);
    const started = await startCardPayment(payments, {
      orderId: placed.orderId,
      successUrl: 'https://showroom.brand.example/l/paid?session={CHECKOUT_SESSION_ID}',
      cancelUrl: 'https://showroom.brand.example/l/cart',
    });
    const page = await fetch(started.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Pay');
    const paid = await fetch(`${started.url}/pay`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(
      `https://showroom.brand.example/l/paid?session=${started.sessionId}`,
    );
    expect(await orderRow(placed.orderId)).toMatchObject({ payment_status: 'paid' });
  });

  it('started twice at once keeps one session, the one the order names', async () => {
    const placed = await cardOrder(5);
    const request = {
      orderId: placed.orderId,
      successUrl: 'https://showroom.brand.example/l/paid',
      cancelUrl: 'https://showroom.brand.example/l/cart',
    };
    const outcomes = await Promise.allSettled([
      startCardPayment(payments, request),
      startCardPayment(payments, request),
    ]);
    const { payment_reference } = await orderRow(placed.orderId);
    for (const outcome of outcomes) {
      if (outcome.status === 'fulfilled') expect(outcome.value.sessionId).toBe(payment_reference);
      else expect(outcome.reason).toMatchObject({ status: 409, code: 'conflict' });
    }
    expect(outcomes.some((outcome) => outcome.status === 'fulfilled')).toBe(true);
  });

  it('is not started while the add-on is off', async () => {
    const admin = await tokenOf(ADMIN);
    await call('PUT', SETTINGS, admin, { enabled: false });
    const placed = await cardOrder(3);
    await expect(
      startCardPayment(payments, {
        orderId: placed.orderId,
        successUrl: 'https://showroom.brand.example/l/paid',
        cancelUrl: 'https://showroom.brand.example/l/cart',
      }),
    ).rejects.toMatchObject({ status: 409, code: 'payment_method_not_offered' });
    expect(await orderRow(placed.orderId)).toMatchObject({ payment_reference: null });
    await call('PUT', SETTINGS, admin, { enabled: true });
  });
});

describe('A card payment through a customer order link', () => {
  it('places the cart with its payment pending, sends the buyer to Stripe, and the webhook marks it paid', async () => {
    const db = hub.store.db;
    const admin = await hubDb(db)
      .selectFrom('staff_users')
      .select(['id', 'email', 'name'])
      .where('email', '=', ADMIN)
      .executeTakeFirstOrThrow();
    const buyer = await hubDb(db)
      .selectFrom('buyers')
      .select('id')
      .where('kind', '=', 'customer_owned')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await setBrandCode(
      { db, gate: new HashGate(), passwords: argon2Passwords, clock: () => new Date() },
      { id: 'test-device', userId: admin.id, role: 'admin', user: { ...admin, role: 'admin' } },
      '127.0.0.1',
      { buyerId: buyer.id, code: 'CARD-0001', passcode: 'card passcode 1' },
    );
    const link = await insertCustomerOrderLink(db);
    await hubDb(db)
      .updateTable('customer_order_links')
      .set({ payment_methods: JSON.stringify(['outside_app', 'stripe_card']) })
      .where('id', '=', link.id)
      .execute();
    const visit = async (path: string, body: object, cookie = '') => {
      const response = await fetch(`${hub.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ token: link.token, ...body }),
      });
      const setCookie = response.headers.get('set-cookie');
      return {
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
        cookie: setCookie ? setCookie.split(';')[0]! : cookie,
      };
    };
    const logIn = await visit('/api/link/log-in', {
      method: 'brandCredentials',
      identifier: 'CARD-0001',
      secret: 'card passcode 1',
    });
    expect(logIn.body).toMatchObject({ paymentMethods: ['outside_app', 'stripe_card'] });
    const { cookie } = logIn;
    const currency = (logIn.body as { buyer: { currency: string } }).buyer.currency;
    const styles = (await visit('/api/link/styles', { limit: 20 }, cookie)).body as {
      items: { id: string }[];
    };
    let skuId = '';
    for (const item of styles.items) {
      const style = (await visit('/api/link/style', { styleId: item.id }, cookie)).body as {
        colorways: { skus: { id: string; available: number | null; price: unknown }[] }[];
      };
      const sku = style.colorways
        .flatMap((colorway) => colorway.skus)
        .find((found) => (found.available ?? 0) >= 1 && found.price !== null);
      if (sku) {
        skuId = sku.id;
        break;
      }
    }
    expect(skuId).not.toBe('');
    const standard = await hubDb(db)
      .selectFrom('shipping_rate_groups')
      .select('rates')
      .where('name', '=', 'Standard')
      .executeTakeFirstOrThrow();
    const country = (JSON.parse(standard.rates) as { country: string; currency: string }[]).find(
      (rate) => rate.currency === currency,
    )!.country;
    const options = (
      await visit('/api/link/shipping-options', { country, skuIds: [skuId] }, cookie)
    ).body as { rates: { groupId: string }[] };
    const placed = await visit(
      '/api/link/checkout',
      {
        orderId: crypto.randomUUID(),
        lines: [{ skuId, quantity: 1 }],
        name: 'Aiko Sato',
        email: 'aiko@shop.example',
        paymentMethod: 'stripe_card',
        shipTo: { name: 'Shop', line1: 'Main street 1', city: 'Town', country },
        shippingGroupId: options.rates[0]!.groupId,
      },
      cookie,
    );
    expect(placed.status).toBe(201);
    const answer = placed.body as { orderId: string; cardPaymentUrl?: string };
    expect(answer.cardPaymentUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const pending = await orderRow(answer.orderId);
    expect(pending).toMatchObject({ payment_status: 'pending' });
    await stripe.complete(pending.payment_reference!);
    await expect.poll(async () => (await orderRow(answer.orderId)).payment_status).toBe('paid');
  });
});

describe('A card payment through a DTC checkout link', () => {
  it('places the claimed basket with its payment pending, sends the customer to Stripe, and the webhook marks it paid', async () => {
    const db = hub.store.db;
    const [skuId] = await orderableSkuIds(db, 1);
    const made = await insertDtcLink(db, { lines: [{ skuId: skuId!, quantity: 1 }] });
    await setStock(db, made.warehouseId!, [skuId!], 5);
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${hub.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const claim = await post('/api/dtc/claim', { basket: made.linkId, hash: made.token });
    const basket = claim.body.basket as { paymentMethods: string[] };
    expect(basket.paymentMethods).toEqual(['outside_app', 'stripe_card']);
    const placed = await post('/api/dtc/purchase', {
      claimToken: claim.body.claimToken,
      orderId: crypto.randomUUID(),
      lines: [{ skuId, quantity: 1 }],
      name: 'Ingrid Berg',
      email: 'ingrid.berg@example.com',
      shipTo: BERLIN,
      paymentMethod: 'stripe_card',
    });
    expect(placed.status).toBe(201);
    const answer = placed.body as { orderId: string; cardPaymentUrl?: string };
    expect(answer.cardPaymentUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const pending = await orderRow(answer.orderId);
    expect(pending).toMatchObject({ payment_status: 'pending' });
    await stripe.complete(pending.payment_reference!);
    await expect.poll(async () => (await orderRow(answer.orderId)).payment_status).toBe('paid');
  });
});
