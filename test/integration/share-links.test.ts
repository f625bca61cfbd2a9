import { describe, expect, it, vi } from 'vitest';
import { LINK_EXPIRED_MESSAGE } from '../../main/domain/share-links.ts';
import { readAudit } from '../../main/services/devices.ts';
import {
  checkoutNeeds,
  checkoutShippingRates,
  completeCheckoutWithDetailsLocally,
} from '../../main/services/order-checkout.ts';
import { listOrders } from '../../main/services/orders.ts';
import {
  createSelectionLocally,
  scanIntoSelection,
  updateSelectionLocally,
} from '../../main/services/selections.ts';
import {
  generateShareLinkLocally,
  listShareLinks,
  revokeShareLinkLocally,
  terminateAllShareLinksLocally,
  updateShareLinkSettingsLocally,
} from '../../main/services/share-links.ts';
import { LINK_ORDER_LIMITS, TOKEN_GUESS_LIMIT } from '../../main/domain/rate-limit.ts';
import { hubDb, replicaDb } from '../../main/store/database.ts';
import type { BuyerSelectionList, SharedSelection } from '../../preload/contract/index.ts';
import { DEMO_PASSWORD } from '../../main/hub/demo-brand.ts';
import { createHubClient, HubUnreachable } from '../../main/sync/hub-client.ts';
import { DEMO_REP, useDemoHub } from '../support/demo-hub.ts';
import { openDesktop, servicesOf } from '../support/desktop.ts';
import type { TestDesktop } from '../support/desktop.ts';

const ADMIN = 'maja@nordlys-atelier.example';
const demo = useDemoHub('trunkshow-share-links-');
const services = servicesOf;

async function setLinks(admin: TestDesktop, enabled: boolean, expiryDays = 14) {
  await updateShareLinkSettingsLocally(services(admin), {
    enabled,
    expiryDays,
    prepaymentCheckout: false,
  });
  await admin.engine.syncNow();
}

/** A selection with one scanned size, made by the rep on a desktop. */
async function sharedSelection(rep: TestDesktop) {
  const buyer = await rep.store.db.selectFrom('buyers').select('id').executeTakeFirstOrThrow();
  // An SS27 style: its catalog is published and open for orders, so buyers see it.
  const sku = await rep.store.db
    .selectFrom('skus as s')
    .innerJoin('products as p', 'p.id', 's.product_id')
    .select('s.barcode')
    .where('s.barcode', 'is not', null)
    .where('p.style_number', 'like', 'SS27-%')
    .executeTakeFirstOrThrow();
  const selection = await createSelectionLocally(services(rep), {
    buyerId: buyer.id,
    name: 'For the pop-up',
    notes: 'Delivery in March',
  });
  await scanIntoSelection(services(rep), { selectionId: selection.id, code: sku.barcode! });
  return selection;
}

async function open(url: string) {
  const token = new URL(url).pathname.split('/').at(-1)!;
  const response = await fetch(`${demo.url}/api/share/open`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as { error?: { code: string } } & Partial<SharedSelection>,
  };
}

describe('share links', () => {
  it('generated offline go live on sync, open the selection and count the opens', async () => {
    const admin = await demo.desktop(ADMIN);
    await setLinks(admin, true, 14);
    const rep = await demo.desktop();
    const selection = await sharedSelection(rep);

    await demo.stop();
    const generated = await generateShareLinkLocally(services(rep), selection.id);
    expect(generated.url).toMatch(new RegExp(`^${demo.url}/s/[\\w-]{43}$`));
    expect(generated.link).toMatchObject({ state: 'waiting', openCount: 0 });
    const token = generated.url.split('/s/')[1]!;
    const stored = JSON.stringify(
      await replicaDb(rep.store.db).selectFrom('outbox').selectAll().execute(),
    );
    expect(stored).not.toContain(token);

    await demo.start();
    await rep.engine.syncNow();
    const hubRow = await demo.hub.store.db
      .selectFrom('share_links')
      .selectAll()
      .where('id', '=', generated.link.id)
      .executeTakeFirstOrThrow();
    expect(hubRow.token_hash).not.toBe(token);
    const days = (Date.parse(hubRow.expires_at) - Date.parse(hubRow.created_at)) / 86_400_000;
    expect(days).toBe(14);

    const opened = await open(generated.url);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toBe('no-store');
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    expect(opened.headers.get('x-robots-tag')).toMatch(/noindex/);
    const shared = opened.body;
    expect(shared).toMatchObject({ name: 'For the pop-up', totals: { units: 1 } });
    // What the link opens follows the selection as the rep changes it.
    await updateSelectionLocally(services(rep), {
      selectionId: selection.id,
      name: 'For the spring pop-up',
      notes: 'Delivery in March',
    });
    await rep.engine.syncNow();
    expect((await open(generated.url)).body).toMatchObject({
      name: 'For the spring pop-up',
      expiresAt: hubRow.expires_at,
    });

    // Pictures come with the token in a header, and only the selection's own.
    const pictureId = shared.lines![0]!.pictureId!;
    const other = await demo.hub.store.db
      .selectFrom('media')
      .select('id')
      .where('id', '!=', pictureId)
      .executeTakeFirstOrThrow();
    const picture = (id: string, withToken = token) =>
      fetch(`${demo.url}/api/share/pictures/${id}`, { headers: { 'x-share-token': withToken } });
    const shown = await picture(pictureId);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toMatch(/^image\//);
    expect((await picture(other.id)).status).toBe(404);
    expect((await picture(pictureId, 'x'.repeat(43))).status).toBe(404);
    expect((await fetch(`${demo.url}/api/share/pictures/${pictureId}`)).status).toBe(400);

    // Opens are counted a batch at a time, within a moment.
    await vi.waitFor(async () => {
      const counted = await demo.hub.store.db
        .selectFrom('share_links')
        .select('open_count')
        .where('id', '=', generated.link.id)
        .executeTakeFirstOrThrow();
      expect(counted.open_count).toBe(2);
    });
    await rep.engine.syncNow();
    const [listed] = (await listShareLinks(services(rep), selection.id)).links;
    expect(listed).toMatchObject({ state: 'live', openCount: 2, createdBy: 'Jonas Berg' });
    expect(listed!.lastOpenedAt).not.toBeNull();
    // API Logs: the generation, and the opens summed up per link and hour, the selection
    // named as the admin's desktop knows it once it has the rep's rename (its change
    // notice may wait out the stream's gap: CHANGE_NOTICE_GAP_MS).
    await admin.engine.syncNow();
    const audit = await readAudit(admin.session, { kind: 'shareLinks', limit: 50 }, admin.store.db);
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['shareLink.generate.v1', 'shareLink.opened']),
    );
    expect(audit.find((entry) => entry.action === 'shareLink.opened')).toMatchObject({
      actorKind: 'anonymous',
      selection: 'For the spring pop-up',
      details: { opens: 2 },
    });

    // A phone gets it compressed, in whichever encoding it accepts, and the same selection.
    const answers = await Promise.all(
      ['br, gzip', 'gzip', 'identity'].map(async (accepted) => {
        const response = await fetch(`${demo.url}/api/share/open`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'accept-encoding': accepted },
          body: JSON.stringify({ token }),
        });
        return {
          encoding: response.headers.get('content-encoding'),
          vary: response.headers.get('vary'),
          body: await response.json(),
        };
      }),
    );
    expect(answers.map((answer) => answer.encoding)).toEqual(['br', 'gzip', null]);
    expect(answers.every((answer) => answer.vary?.includes('accept-encoding'))).toBe(true);
    expect(answers[0]!.body).toEqual(answers[2]!.body);
    expect(answers[1]!.body).toEqual(answers[2]!.body);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(hubRow.token_hash);
  });

  it('generated offline expire the configured days after they were generated, not after the hub heard of them', async () => {
    const admin = await demo.desktop(ADMIN);
    await setLinks(admin, true, 14);
    const rep = await demo.desktop();
    const selection = await sharedSelection(rep);

    await demo.stop();
    const generatedAt = Date.now();
    const generated = await generateShareLinkLocally(services(rep), selection.id);
    // The rep gets the network back three days later.
    await demo.start();
    demo.travel(3);
    await rep.engine.syncNow();
    const row = await demo.hub.store.db
      .selectFrom('share_links')
      .select(['created_at', 'expires_at'])
      .where('id', '=', generated.link.id)
      .executeTakeFirstOrThrow();
    expect(Math.abs(Date.parse(row.created_at) - generatedAt)).toBeLessThan(60_000);
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(14 * 86_400_000);

    // API Logs say when it was generated on the device, beside when the hub received it.
    const [entry] = (
      await readAudit(admin.session, { kind: 'shareLinks', limit: 50 }, admin.store.db)
    ).filter(
      (line) =>
        line.action === 'shareLink.generate.v1' &&
        line.subject === `share-link:${generated.link.id}`,
    );
    expect(entry!.generatedAt).toBe(row.created_at);
    expect(Date.parse(entry!.at) - Date.parse(entry!.generatedAt!)).toBeGreaterThan(2 * 86_400_000);
  });

  it('keep the days they were generated with when an admin shortens the setting (100 days to 10 leaves them at 100)', async () => {
    const admin = await demo.desktop(ADMIN);
    await setLinks(admin, true, 100);
    // A rep whose booth loses the network when told to.
    let offline = false;
    const rep = demo.track(
      await openDesktop({
        embeddedHubUrl: demo.url,
        clientFor: (url) => {
          const real = createHubClient(url);
          const cut = () => Promise.reject(new HubUnreachable('the booth has no network'));
          return {
            ...real,
            push: (token, body) => (offline ? cut() : real.push(token, body)),
            pull: (token, body) => (offline ? cut() : real.pull(token, body)),
          };
        },
      }),
    );
    await rep.session.signIn({
      hub: { kind: 'embedded' },
      email: DEMO_REP,
      password: DEMO_PASSWORD,
    });
    await rep.engine.syncNow();
    const selection = await sharedSelection(rep);
    const online = await generateShareLinkLocally(services(rep), selection.id);
    await rep.engine.syncNow();
    // One more made at the booth with no network, before the admin shortens the setting.
    offline = true;
    const atTheBooth = await generateShareLinkLocally(services(rep), selection.id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await setLinks(admin, true, 10);
    offline = false;
    await rep.engine.syncNow();
    const later = await generateShareLinkLocally(services(rep), selection.id);
    await rep.engine.syncNow();

    const daysOf = async (id: string) => {
      const row = await demo.hub.store.db
        .selectFrom('share_links')
        .select(['created_at', 'expires_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return (Date.parse(row.expires_at) - Date.parse(row.created_at)) / 86_400_000;
    };
    expect(await daysOf(online.link.id)).toBe(100);
    expect(await daysOf(atTheBooth.link.id)).toBe(100);
    expect(await daysOf(later.link.id)).toBe(10);
  });

  it('answer expired, revoked, unknown and switched-off links alike, and work again when switched on', async () => {
    const admin = await demo.desktop(ADMIN);
    await setLinks(admin, true, 3);
    const rep = await demo.desktop();
    const selection = await sharedSelection(rep);
    const first = await generateShareLinkLocally(services(rep), selection.id);
    const second = await generateShareLinkLocally(services(rep), selection.id);
    await rep.engine.syncNow();
    // A later change of the setting moves no link's expiry.
    await setLinks(admin, true, 100);

    const refusal = {
      status: 404,
      body: { error: { code: 'link_expired', message: LINK_EXPIRED_MESSAGE } },
    };
    const unknown = `${demo.url}/s/${'A'.repeat(43)}`;
    expect(await open(unknown)).toMatchObject(refusal);
    // Malformed, cut short or empty: whatever an address held is one more link that does not open.
    for (const token of ['someToken123', first.url.split('/s/')[1]!.slice(0, 30), '']) {
      expect(await open(`${demo.url}/s/${token}`)).toMatchObject(refusal);
    }

    await setLinks(admin, false);
    expect(await open(first.url)).toMatchObject(refusal);
    await setLinks(admin, true, 100);
    expect((await open(first.url)).status).toBe(200);

    await revokeShareLinkLocally(services(rep), second.link.id);
    await rep.engine.syncNow();
    expect(await open(second.url)).toMatchObject(refusal);

    demo.travel(3);
    expect(await open(first.url)).toMatchObject(refusal);
    demo.travel(0);

    await terminateAllShareLinksLocally(services(admin));
    await admin.engine.syncNow();
    expect(await open(first.url)).toMatchObject(refusal);
    await rep.engine.syncNow();
    const states = (await listShareLinks(services(rep), selection.id)).links.map((l) => l.state);
    expect(states).toEqual(['revoked', 'revoked']);
  });

  it('refuse guessing from one address after 30 tries, whatever the token', async () => {
    // Earlier tests' unknown links count too; start this address afresh.
    await hubDb(demo.hub.store.db).deleteFrom('limit_hits').execute();
    for (let guess = 0; guess < 30; guess++) {
      const token = `${String(guess).padStart(2, '0')}${'b'.repeat(41)}`;
      expect((await open(`${demo.url}/s/${token}`)).status).toBe(404);
    }
    const limited = await open(`${demo.url}/s/${'c'.repeat(43)}`);
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe('rate_limited');
    await hubDb(demo.hub.store.db).deleteFrom('limit_hits').execute();
  });

  it('a real link still opens from an address that tried 30 unknown ones', async () => {
    const admin = await demo.desktop(ADMIN);
    await setLinks(admin, true);
    const rep = await demo.desktop();
    const { url } = await generateShareLinkLocally(services(rep), (await sharedSelection(rep)).id);
    await rep.engine.syncNow();
    await hubDb(demo.hub.store.db).deleteFrom('limit_hits').execute();
    for (let guess = 0; guess <= TOKEN_GUESS_LIMIT.max; guess++) {
      await open(`${demo.url}/s/${String(guess).padStart(2, '0')}${'d'.repeat(41)}`);
    }
    expect((await open(`${demo.url}/s/${'e'.repeat(43)}`)).status).toBe(429);
    expect((await open(url)).status).toBe(200);
    await hubDb(demo.hub.store.db).deleteFrom('limit_hits').execute();
  });

  it('are switched on and off, and terminated all at once, by admins only', async () => {
    const rep = await demo.desktop();
    await expect(
      updateShareLinkSettingsLocally(services(rep), {
        enabled: true,
        expiryDays: 30,
        prepaymentCheckout: false,
      }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Only an admin can change the share link settings.',
    });
    await expect(terminateAllShareLinksLocally(services(rep))).rejects.toMatchObject({
      code: 'forbidden',
      message: 'Only an admin can terminate every share link.',
    });
    expect((await rep.engine.status()).pending).toBe(0);
  });

  it('refuse generating while the brand has them switched off, in words', async () => {
    const admin = await demo.desktop(ADMIN);
    await setLinks(admin, false);
    const rep = await demo.desktop();
    const selection = await sharedSelection(rep);
    await expect(generateShareLinkLocally(services(rep), selection.id)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/disabled for this brand; an admin can enable them/),
    });
  });
});

describe('checkout from a share link', () => {
  async function checkout(url: string, body: Record<string, unknown>) {
    const token = new URL(url).pathname.split('/').at(-1)!;
    const response = await fetch(`${demo.url}/api/share/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, ...body }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('Request Checkout places a "Checkout Requested" order the rep completes; a retry places nothing twice', async () => {
    const admin = await demo.desktop(ADMIN);
    await setLinks(admin, true);
    const rep = await demo.desktop();
    const selection = await sharedSelection(rep);
    const { url } = await generateShareLinkLocally(services(rep), selection.id);
    await rep.engine.syncNow();

    const orderId = crypto.randomUUID();
    const request = { orderId, name: 'Aiko Buyer', email: 'aiko@shop.example', note: 'Call first' };
    expect(await checkout(url, { ...request, complete: true })).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    // Each problem comes back by field and code, for the page to say at the field.
    expect(
      await checkout(url, { ...request, name: ' ', email: 'aiko@shop', phone: '1'.repeat(41) }),
    ).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'invalid_input',
          issues: [
            { path: 'name', code: 'too_small' },
            { path: 'email', code: 'invalid_format' },
            { path: 'phone', code: 'too_big' },
          ],
        },
      },
    });
    expect(await checkout(url, request)).toMatchObject({
      status: 201,
      body: { orderId, status: 'Checkout Requested' },
    });
    expect((await checkout(url, request)).body).toMatchObject({
      orderId,
      status: 'Checkout Requested',
    });
    const orders = await demo.hub.store.db
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .execute();
    expect(orders).toEqual([
      expect.objectContaining({
        status: 'Checkout Requested',
        contact_name: 'Aiko Buyer',
        units: 1,
      }),
    ]);

    await rep.engine.syncNow();
    const page = await listOrders(rep.store.db, { filters: {}, limit: 50 });
    const [listed] = page.orders.filter((order) => order.id === orderId);
    expect(listed).toMatchObject({
      status: 'Checkout Requested',
      contact: { email: 'aiko@shop.example' },
    });
    // Completing asks what the request lacks: the brand ships, so an address and a rate.
    const needs = await checkoutNeeds(services(rep), orderId);
    expect(needs.missing).toEqual(['address', 'shipping', 'payment']);
    const country = { EUR: 'DE', SEK: 'SE', JPY: 'JP', USD: 'US' }[needs.goods.currency]!;
    const [rate] = await checkoutShippingRates(services(rep), orderId, country);
    const shipTo = {
      name: 'Aiko Buyer',
      line1: '1 Main Street',
      line2: '',
      postalCode: '10115',
      city: 'Town',
      region: '',
      country,
      phone: '',
    };
    expect(
      await completeCheckoutWithDetailsLocally(services(rep), {
        orderId,
        shipTo,
        billTo: null,
        shippingGroupId: rate!.groupId,
        paymentMethod: 'outside_app',
      }),
    ).toMatchObject({ status: 'Order' });
    const [waiting] = (await listOrders(rep.store.db, { filters: {}, limit: 50 })).orders.filter(
      (order) => order.id === orderId,
    );
    expect(waiting).toMatchObject({ status: 'Order', waitingToSync: true });
    await rep.engine.syncNow();
    const completed = await demo.hub.store.db
      .selectFrom('orders')
      .select(['status', 'completed_by'])
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(completed.status).toBe('Order');
    expect(completed.completed_by).not.toBeNull();
  });

  it('are limited per link and per address, and an order placed through one link says nothing through another', async () => {
    const admin = await demo.desktop(ADMIN);
    await setLinks(admin, true);
    const rep = await demo.desktop();
    const first = await generateShareLinkLocally(services(rep), (await sharedSelection(rep)).id);
    const second = await generateShareLinkLocally(services(rep), (await sharedSelection(rep)).id);
    await rep.engine.syncNow();
    await hubDb(demo.hub.store.db).deleteFrom('limit_hits').execute();
    const contact = { name: 'Aiko Buyer', email: 'aiko@shop.example' };

    const placed: string[] = [];
    for (let i = 0; i < LINK_ORDER_LIMITS.perLink.max; i++) {
      const orderId = crypto.randomUUID();
      expect((await checkout(first.url, { orderId, ...contact })).status).toBe(201);
      placed.push(orderId);
    }
    const refused = await checkout(first.url, { orderId: crypto.randomUUID(), ...contact });
    expect(refused).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    // A retry of an order already placed still gets its first answer.
    expect((await checkout(first.url, { orderId: placed[0], ...contact })).body).toMatchObject({
      orderId: placed[0],
      status: 'Checkout Requested',
    });
    // The other link cannot read that order's status by naming its id.
    const probing = await checkout(second.url, { orderId: placed[0], ...contact });
    expect(probing.status).toBe(409);
    expect(JSON.stringify(probing.body)).not.toContain('Checkout Requested');
    await hubDb(demo.hub.store.db).deleteFrom('limit_hits').execute();
  });

  it('with prepayment checkout, the buyer completes it and it is an Order at once', async () => {
    const admin = await demo.desktop(ADMIN);
    await updateShareLinkSettingsLocally(services(admin), {
      enabled: true,
      expiryDays: 14,
      prepaymentCheckout: true,
    });
    await admin.engine.syncNow();
    const rep = await demo.desktop();
    const selection = await sharedSelection(rep);
    const { url } = await generateShareLinkLocally(services(rep), selection.id);
    await rep.engine.syncNow();
    expect((await open(url)).body.prepaymentCheckout).toBe(true);
    const orderId = crypto.randomUUID();
    // The demo brand ships Standard by default, so completing needs an address and a rate.
    const standard = await demo.hub.store.db
      .selectFrom('shipping_rate_groups')
      .select(['id', 'rates'])
      .where('name', '=', 'Standard')
      .executeTakeFirstOrThrow();
    const { currency } = (await open(url)).body.totals!.total!;
    const { country } = (
      JSON.parse(standard.rates) as { country: string; currency: string }[]
    ).find((rate) => rate.currency === currency)!;
    expect(
      await checkout(url, {
        orderId,
        name: 'Luca',
        email: 'luca@shop.example',
        complete: true,
        shipTo: {
          name: 'Luca Shop',
          line1: '1-2-3 Jingumae',
          city: 'Tokyo',
          country,
        },
        shippingGroupId: standard.id,
        paymentMethod: 'outside_app',
      }),
    ).toMatchObject({
      status: 201,
      body: { orderId, status: 'Order', shippingRateName: 'Standard' },
    });
  });
});

describe('buyers with an account', () => {
  /** A buyer person the demo gave a password, and one store they belong to. */
  const personWithLogin = (order: 'asc' | 'desc') =>
    hubDb(demo.hub.store.db)
      .selectFrom('buyer_users as u')
      .innerJoin('buyer_memberships as m', 'm.buyer_user_id', 'u.id')
      .select(['u.email', 'm.buyer_id'])
      .where('u.password_hash', 'is not', null)
      .orderBy('u.email', order)
      .executeTakeFirstOrThrow();

  async function signIn(email: string, password: string) {
    const response = await fetch(`${demo.url}/api/buyer/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    return { status: response.status, cookie: response.headers.get('set-cookie') ?? '' };
  }

  it('see a selection of their store at its ordinary address, and nobody else does', async () => {
    const hub = hubDb(demo.hub.store.db);
    const member = await personWithLogin('asc');
    const rep = await demo.desktop();
    const selection = await createSelectionLocally(services(rep), {
      buyerId: member.buyer_id,
      name: 'For your store',
      notes: '',
    });
    await rep.engine.syncNow();
    const other = await createSelectionLocally(services(rep), {
      buyerId: (
        await hub
          .selectFrom('buyers')
          .select('id')
          .where('id', '!=', member.buyer_id)
          .where(
            'id',
            'not in',
            hub
              .selectFrom('buyer_memberships')
              .select('buyer_id')
              .where(
                'buyer_user_id',
                'in',
                hub.selectFrom('buyer_users').select('id').where('email', '=', member.email),
              ),
          )
          .executeTakeFirstOrThrow()
      ).id,
      name: 'Someone else',
      notes: '',
    });
    await rep.engine.syncNow();

    expect((await signIn(member.email, 'wrong password')).status).toBe(401);
    const session = await signIn(member.email, 'nordlys-showroom');
    expect(session.status).toBe(200);
    expect(session.cookie).toMatch(/HttpOnly/i);
    expect(session.cookie).toMatch(/SameSite=Lax/i);
    const cookie = session.cookie.split(';')[0]!;
    const read = (id: string, withCookie = true) =>
      fetch(`${demo.url}/api/buyer/selections/${id}`, {
        headers: withCookie ? { cookie } : {},
      });
    const mine = await read(selection.id);
    expect(mine.status).toBe(200);
    expect(((await mine.json()) as SharedSelection).name).toBe('For your store');
    expect((await read(other.id)).status).toBe(404);
    expect((await read('no-such-selection')).status).toBe(404);
    expect((await read(selection.id, false)).status).toBe(401);
  });

  it("list their selections, see their pictures and nobody else's, and log out at the hub", async () => {
    const hub = hubDb(demo.hub.store.db);
    const member = await personWithLogin('desc');
    const rep = await demo.desktop();
    const selection = await createSelectionLocally(services(rep), {
      buyerId: member.buyer_id,
      name: 'With pictures',
      notes: '',
    });
    const sku = await rep.store.db
      .selectFrom('skus as s')
      .innerJoin('colorways as c', 'c.id', 's.colorway_id')
      .select(['s.barcode', 'c.picture_id'])
      .where('s.barcode', 'is not', null)
      .where('c.picture_id', 'is not', null)
      .executeTakeFirstOrThrow();
    await scanIntoSelection(services(rep), { selectionId: selection.id, code: sku.barcode! });
    await rep.engine.syncNow();
    const elsewhere = await hub
      .selectFrom('media')
      .select('id')
      .where('id', '!=', sku.picture_id!)
      .executeTakeFirstOrThrow();

    const session = await signIn(member.email, 'nordlys-showroom');
    const cookie = session.cookie.split(';')[0]!;
    const get = (path: string, withCookie = true) =>
      fetch(`${demo.url}${path}`, { headers: withCookie ? { cookie } : {} });

    const list = await get('/api/buyer/selections');
    expect(list.status).toBe(200);
    const listed = (await list.json()) as BuyerSelectionList;
    expect(listed.selections.find((row) => row.id === selection.id)).toMatchObject({
      name: 'With pictures',
      units: 1,
    });
    const memberships = await hub
      .selectFrom('buyer_memberships as m')
      .innerJoin('buyer_users as u', 'u.id', 'm.buyer_user_id')
      .select('m.buyer_id')
      .where('u.email', '=', member.email)
      .execute();
    const ownSelections = await hub
      .selectFrom('selections')
      .select('id')
      .where(
        'buyer_id',
        'in',
        memberships.map((row) => row.buyer_id),
      )
      .execute();
    expect(listed.selections.map((row) => row.id).sort()).toEqual(
      ownSelections.map((row) => row.id).sort(),
    );

    const picture = await get(`/api/buyer/pictures/${sku.picture_id}`);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toMatch(/^image\//);
    expect((await get(`/api/buyer/pictures/${elsewhere.id}`)).status).toBe(404);
    expect((await get(`/api/buyer/pictures/${sku.picture_id}`, false)).status).toBe(401);

    const signOut = await fetch(`${demo.url}/api/buyer/sign-out`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get('set-cookie')).toMatch(/trunkshow-buyer=;/);
    // The old cookie, kept by someone, opens nothing any more.
    expect((await get('/api/buyer/selections')).status).toBe(401);
  });
});
