import { describe, expect, it } from 'vitest';
import { LINK_STYLES_PAGE } from '../../main/domain/customer-order-links.ts';
import { HashGate } from '../../main/hub/auth/hash-gate.ts';
import { argon2Passwords } from '../../main/hub/auth/passwords.ts';
import { setBrandCode, setOfflineLogIn } from '../../main/hub/buyer-credentials.ts';
import { storeUpload } from '../../main/hub/media.ts';
import { fileOf, MEDIA_FILES } from '../support/media-files.ts';
import { hubDb } from '../../main/store/database.ts';
import { insertCustomerOrderLink, personOfSeveralBuyers } from '../support/customer-order-link.ts';
import { useDemoHub } from '../support/demo-hub.ts';

/**
 * A customer order link as a buyer's browser meets it, over HTTP: unknown and disabled
 * links answer alike; a link not yet released says when it opens, an expired one says
 * so; a passcode first, then the log-in, then (for a person of several buyers) the
 * buyer; then the link's catalogs under that buyer's trading terms, a Closed one left
 * out and named. A wrong passcode or password says only that it was wrong.
 */
const demo = useDemoHub('trunkshow-customer-link-api-');
const PASSWORD = 'a long buyer password';

async function call(path: string, body: object, cookie = '') {
  const response = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const setCookie = response.headers.get('set-cookie');
  return {
    status: response.status,
    body: (response.status === 204 ? null : await response.json()) as Record<string, unknown>,
    cookie: setCookie ? setCookie.split(';')[0]! : cookie,
  };
}

/** The demo brand's admin, as a desktop the hub knows would ask. */
async function adminDevice() {
  const row = await hubDb(demo.hub.store.db)
    .selectFrom('staff_users')
    .select(['id', 'email', 'name'])
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return {
    id: 'test-device',
    userId: row.id,
    role: 'admin' as const,
    user: { id: row.id, email: row.email, name: row.name, role: 'admin' as const },
  };
}

const credentialDeps = () => ({
  db: demo.hub.store.db,
  gate: new HashGate(),
  passwords: argon2Passwords,
  clock: () => new Date(),
});

describe('a customer order link in a buyer’s browser', () => {
  it('answers unknown and disabled links alike, and says when it opens or that it expired', async () => {
    const unknown = await call('/api/link/open', { token: 'x'.repeat(43) });
    const disabled = await insertCustomerOrderLink(demo.hub.store.db);
    await hubDb(demo.hub.store.db)
      .updateTable('customer_order_links')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', disabled.id)
      .execute();
    const off = await call('/api/link/open', { token: disabled.token });
    expect(unknown.status).toBe(404);
    expect(off).toEqual({ ...unknown, cookie: '' });

    const later = new Date(Date.now() + 86_400_000).toISOString();
    const scheduled = await insertCustomerOrderLink(demo.hub.store.db, { releaseAt: later });
    expect((await call('/api/link/open', { token: scheduled.token })).body).toEqual({
      screen: 'scheduled',
      brand: expect.any(String),
      opensAt: later,
      background: { kind: 'empty' },
    });
    const expired = await insertCustomerOrderLink(demo.hub.store.db, {
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect((await call('/api/link/open', { token: expired.token })).body).toMatchObject({
      screen: 'expired',
    });
    // Nothing behind a link that is not open, whatever the page asks.
    expect((await call('/api/link/styles', { token: scheduled.token })).status).toBe(404);
  });

  it('takes the passcode, the log-in and the buyer, then shows the catalogs at that buyer’s terms', async () => {
    const db = demo.hub.store.db;
    const catalogs = await db
      .selectFrom('catalogs')
      .select(['id', 'name', 'status'])
      .orderBy('name')
      .execute();
    const closed = catalogs.find((catalog) => catalog.status === 'Closed');
    const open = catalogs.filter((catalog) => catalog.status === 'Open');
    const linkCatalogs = [...open.slice(0, 2), ...(closed ? [closed] : [])];
    const link = await insertCustomerOrderLink(db, {
      passcode: 'paris-2027',
      catalogIds: linkCatalogs.map((catalog) => catalog.id),
    });
    const { email, buyers } = await personOfSeveralBuyers(demo.hub.store.db, PASSWORD);

    const first = await call('/api/link/open', { token: link.token });
    expect(first.body).toMatchObject({ screen: 'passcode' });
    // Each open of a live link counts, written in a batch a moment later.
    await expect
      .poll(async () => {
        const row = await db
          .selectFrom('customer_order_links')
          .select('open_count')
          .where('id', '=', link.id)
          .executeTakeFirstOrThrow();
        return row.open_count;
      })
      .toBe(1);
    expect((await call('/api/link/styles', { token: link.token })).status).toBe(401);

    const wrong = await call('/api/link/passcode', { token: link.token, passcode: 'paris-2026' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: { code: 'wrong_credentials' } });
    const passed = await call('/api/link/passcode', { token: link.token, passcode: 'paris-2027' });
    expect(passed.body).toMatchObject({ screen: 'logIn' });
    const visit = passed.cookie;
    expect(visit).toMatch(/^trunkshow-link=/);

    const badLogIn = await call(
      '/api/link/log-in',
      { token: link.token, method: 'userAccount', identifier: email, secret: 'not it' },
      visit,
    );
    expect(badLogIn.status).toBe(401);
    const loggedIn = await call(
      '/api/link/log-in',
      {
        token: link.token,
        method: 'userAccount',
        identifier: email.toUpperCase(),
        secret: PASSWORD,
      },
      visit,
    );
    expect(loggedIn.body).toMatchObject({
      screen: 'chooseBuyer',
      buyers: buyers.map(({ id, name }) => ({ id, name })),
    });
    // The log-in starts a new visit: the cookie known before it is over.
    expect(loggedIn.cookie).not.toBe(visit);
    expect((await call('/api/link/open', { token: link.token }, visit)).body).toMatchObject({
      screen: 'passcode',
    });

    const [second] = buyers.slice(1);
    const chosen = await call(
      '/api/link/buyer',
      { token: link.token, buyerId: second!.id },
      loggedIn.cookie,
    );
    expect(chosen.body).toMatchObject({
      screen: 'catalog',
      buyer: { name: second!.name, currency: second!.currency },
      loggedIn: { method: 'userAccount', mayChooseBuyer: true },
      viewOnly: false,
      catalogs: open.slice(0, 2).map(({ id, name }) => ({ id, name, orderRefusal: null })),
      unavailable: closed ? [{ code: 'catalog_closed', params: { catalog: closed.name } }] : [],
    });
    expect(JSON.stringify(chosen.body)).not.toContain('Test link');

    const styles = await call(
      '/api/link/styles',
      { token: link.token, query: '', limit: 5 },
      loggedIn.cookie,
    );
    const page = styles.body as {
      total: number;
      items: { id: string; price: { currency: string } | null }[];
    };
    const inLink = await db
      .selectFrom('catalog_products')
      .select('product_id')
      .distinct()
      .where(
        'catalog_id',
        'in',
        open.slice(0, 2).map((catalog) => catalog.id),
      )
      .execute();
    expect(page.total).toBe(inLink.length);
    expect(page.items).toHaveLength(5);
    expect(page.items[0]!.price?.currency).toBe(second!.currency);
    // The catalogs come with their first page of styles, the page the styles answer first.
    const firstPage = await call('/api/link/styles', { token: link.token }, loggedIn.cookie);
    expect((chosen.body as { firstStyles: unknown }).firstStyles).toEqual(firstPage.body);
    expect((firstPage.body as typeof page).items).toHaveLength(
      Math.min(LINK_STYLES_PAGE, inLink.length),
    );

    const style = await call(
      '/api/link/style',
      { token: link.token, styleId: page.items[0]!.id },
      loggedIn.cookie,
    );
    expect(style.body).toMatchObject({ id: page.items[0]!.id, orderRefusal: null });

    // A style of no catalog of the link is not there, whatever its id.
    const outside = await db
      .selectFrom('products')
      .select('id')
      .where(
        'id',
        'not in',
        inLink.map((row) => row.product_id),
      )
      .executeTakeFirst();
    if (outside) {
      const refused = await call(
        '/api/link/style',
        { token: link.token, styleId: outside.id },
        loggedIn.cookie,
      );
      expect(refused.status).toBe(404);
    }

    const out = await call('/api/link/log-out', { token: link.token }, loggedIn.cookie);
    expect(out.status).toBe(204);
    expect(
      (await call('/api/link/open', { token: link.token }, loggedIn.cookie)).body,
    ).toMatchObject({ screen: 'passcode' });
  });
});

describe('the brand’s ways in to a customer order link', () => {
  it('log an offline buyer in with its email and password, and a buyer with its code and passcode', async () => {
    const db = demo.hub.store.db;
    const hub = hubDb(db);
    const asker = await adminDevice();
    const deps = credentialDeps();
    const offline = await hub
      .selectFrom('buyers')
      .select(['id', 'name'])
      .where('kind', '=', 'offline')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await setOfflineLogIn(deps, asker, '127.0.0.1', {
      buyerId: offline.id,
      email: 'orders@offline-store.example',
      password: 'offline store password',
    });
    const coded = await hub
      .selectFrom('buyers')
      .select(['id', 'name'])
      .where('kind', '=', 'customer_owned')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await setBrandCode(deps, asker, '127.0.0.1', {
      buyerId: coded.id,
      code: 'SHOP-0042',
      passcode: 'brand passcode 42',
    });
    const link = await insertCustomerOrderLink(db);

    const offlineIn = await call('/api/link/log-in', {
      token: link.token,
      method: 'offlineBuyer',
      identifier: 'Orders@Offline-Store.example',
      secret: 'offline store password',
    });
    expect(offlineIn.body).toMatchObject({
      screen: 'catalog',
      buyer: { name: offline.name },
      loggedIn: { method: 'offlineBuyer', person: null },
    });

    const wrongCode = await call('/api/link/log-in', {
      token: link.token,
      method: 'brandCredentials',
      identifier: 'shop-0042',
      secret: 'not the passcode',
    });
    const unknownCode = await call('/api/link/log-in', {
      token: link.token,
      method: 'brandCredentials',
      identifier: 'SHOP-9999',
      secret: 'not the passcode',
    });
    expect(wrongCode.status).toBe(401);
    expect(unknownCode.body).toEqual(wrongCode.body);

    const codeIn = await call('/api/link/log-in', {
      token: link.token,
      method: 'brandCredentials',
      identifier: 'shop-0042',
      secret: 'brand passcode 42',
    });
    expect(codeIn.body).toMatchObject({ screen: 'catalog', buyer: { name: coded.name } });
    const logged = await hub
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'auth.brand_credentials_log_in')
      .execute();
    expect(logged.some((row) => row.details.includes(link.id))).toBe(true);
  });
});

describe('ordering through a customer order link', () => {
  /** A SKU of the link's first open catalog the buyer's warehouse holds, with its price. */
  async function orderableSku(token: string, cookie: string) {
    const page = (await call('/api/link/styles', { token, limit: 30 }, cookie)).body as {
      items: { id: string }[];
    };
    for (const item of page.items) {
      const style = (await call('/api/link/style', { token, styleId: item.id }, cookie)).body as {
        orderRefusal: unknown;
        colorways: { skus: { id: string; available: number | null; price: unknown }[] }[];
      };
      if (style.orderRefusal) continue;
      const sku = style.colorways
        .flatMap((colorway) => colorway.skus)
        .find((found) => (found.available ?? 0) >= 2 && found.price !== null);
      if (sku) return sku.id;
    }
    throw new Error('No orderable SKU in the link');
  }

  it('places the cart at the buyer’s terms, once, keeping the link; a view-only link refuses an order sent by hand', async () => {
    const db = demo.hub.store.db;
    const hub = hubDb(db);
    const buyer = await hub
      .selectFrom('buyers')
      .select(['id', 'name', 'country_code'])
      .where('kind', '=', 'customer_owned')
      .orderBy('name', 'desc')
      .executeTakeFirstOrThrow();
    await setBrandCode(credentialDeps(), await adminDevice(), '127.0.0.1', {
      buyerId: buyer.id,
      code: 'ORDER-0001',
      passcode: 'ordering passcode',
    });
    const link = await insertCustomerOrderLink(db);
    const viewOnly = await insertCustomerOrderLink(db, { viewOnly: true });
    const logIn = async (token: string) =>
      (
        await call('/api/link/log-in', {
          token,
          method: 'brandCredentials',
          identifier: 'ORDER-0001',
          secret: 'ordering passcode',
        })
      ).cookie;
    const cookie = await logIn(link.token);
    const skuId = await orderableSku(link.token, cookie);

    const standard = await hub
      .selectFrom('shipping_rate_groups')
      .select('rates')
      .where('name', '=', 'Standard')
      .executeTakeFirstOrThrow();
    const currency = (
      (await call('/api/link/open', { token: link.token }, cookie)).body as {
        buyer: { currency: string };
      }
    ).buyer.currency;
    const country = (JSON.parse(standard.rates) as { country: string; currency: string }[]).find(
      (rate) => rate.currency === currency,
    )!.country;
    const options = (
      await call(
        '/api/link/shipping-options',
        { token: link.token, country, skuIds: [skuId] },
        cookie,
      )
    ).body as { shippingApplies: boolean; rates: { groupId: string }[] };
    expect(options.shippingApplies).toBe(true);
    const orderId = crypto.randomUUID();
    const order = {
      token: link.token,
      orderId,
      lines: [{ skuId, quantity: 2 }],
      name: 'Aiko Sato',
      email: 'aiko@shop.example',
      paymentMethod: 'outside_app',
      shipTo: {
        name: buyer.name,
        line1: '1-2-3 Jingumae',
        postalCode: '150-0001',
        city: 'Tokyo',
        country,
      },
      shippingGroupId: options.rates[0]!.groupId,
    };
    // Without the address shipping needs, nothing is ordered and the page is told where.
    const noAddress = await call('/api/link/checkout', { ...order, shipTo: null }, cookie);
    expect(noAddress.status).toBe(400);
    expect(noAddress.body).toMatchObject({
      error: { code: 'invalid_input', issues: [{ path: 'shipTo', code: 'required' }] },
    });

    const placed = await call('/api/link/checkout', order, cookie);
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ orderId, status: 'Order', number: expect.any(String) });
    const again = await call('/api/link/checkout', order, cookie);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(placed.body);
    const row = await hub
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      source: 'customer_order_link',
      customer_order_link_id: link.id,
      buyer_id: buyer.id,
      placed_by_kind: 'brandForBuyer',
      payment_method: 'outside_app',
    });
    const selection = await hub
      .selectFrom('selections')
      .select(['name', 'buyer_id'])
      .where('id', '=', row.selection_id)
      .executeTakeFirstOrThrow();
    expect(selection).toEqual({ name: 'Test link', buyer_id: buyer.id });
    const mails = await hub
      .selectFrom('mail_outbox')
      .select('dedupe_key')
      .where('dedupe_key', '=', `order:${orderId}:placed`)
      .execute();
    expect(mails).toHaveLength(1);

    // A view-only link: the page offers no cart, and the hub refuses what is sent by hand.
    const viewer = await logIn(viewOnly.token);
    const refused = await call(
      '/api/link/checkout',
      { ...order, token: viewOnly.token, orderId: crypto.randomUUID() },
      viewer,
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('moves an offline buyer to the customer who ordered when the link says so, and only then', async () => {
    const db = demo.hub.store.db;
    const hub = hubDb(db);
    const offline = await hub
      .selectFrom('buyers')
      .select(['id', 'name'])
      .where('kind', '=', 'offline')
      .orderBy('name', 'desc')
      .limit(2)
      .execute();
    const [moving, staying] = offline as [(typeof offline)[number], (typeof offline)[number]];
    for (const [index, buyer] of [moving, staying].entries()) {
      await setOfflineLogIn(credentialDeps(), await adminDevice(), '127.0.0.1', {
        buyerId: buyer.id,
        email: `orders${index}@offline.example`,
        password: 'offline store password',
      });
    }
    const transitioning = await insertCustomerOrderLink(db);
    await hub
      .updateTable('customer_order_links')
      .set({ offline_buyer_transition: 1 })
      .where('id', '=', transitioning.id)
      .execute();
    const keeping = await insertCustomerOrderLink(db);

    for (const [index, token] of [transitioning.token, keeping.token].entries()) {
      const cookie = (
        await call('/api/link/log-in', {
          token,
          method: 'offlineBuyer',
          identifier: `orders${index}@offline.example`,
          secret: 'offline store password',
        })
      ).cookie;
      const skuId = await orderableSku(token, cookie);
      const open = (await call('/api/link/open', { token }, cookie)).body as {
        buyer: { currency: string };
      };
      const standard = await hub
        .selectFrom('shipping_rate_groups')
        .select('rates')
        .where('name', '=', 'Standard')
        .executeTakeFirstOrThrow();
      const country = (JSON.parse(standard.rates) as { country: string; currency: string }[]).find(
        (rate) => rate.currency === open.buyer.currency,
      )!.country;
      const options = (
        await call('/api/link/shipping-options', { token, country, skuIds: [skuId] }, cookie)
      ).body as { rates: { groupId: string }[] };
      const placed = await call(
        '/api/link/checkout',
        {
          token,
          orderId: crypto.randomUUID(),
          lines: [{ skuId, quantity: 1 }],
          name: `Store manager ${index}`,
          email: `manager${index}@offline.example`,
          paymentMethod: 'outside_app',
          shipTo: { name: 'Store', line1: 'Main street 1', city: 'Town', country },
          shippingGroupId: options.rates[0]!.groupId,
        },
        cookie,
      );
      expect(placed.status).toBe(201);
    }
    const after = await hub
      .selectFrom('buyers')
      .select(['id', 'kind'])
      .where('id', 'in', [moving.id, staying.id])
      .execute();
    expect(Object.fromEntries(after.map((row) => [row.id, row.kind]))).toEqual({
      [moving.id]: 'customer_owned',
      [staying.id]: 'offline',
    });
    const invitations = await hub
      .selectFrom('buyer_invitations')
      .select(['buyer_id', 'email'])
      .where('buyer_id', 'in', [moving.id, staying.id])
      .execute();
    expect(invitations).toEqual([{ buyer_id: moving.id, email: 'manager0@offline.example' }]);
    const credentials = await hub
      .selectFrom('buyer_credentials')
      .select('buyer_id')
      .where('kind', '=', 'offline_email')
      .where('buyer_id', 'in', [moving.id, staying.id])
      .execute();
    expect(credentials).toEqual([{ buyer_id: staying.id }]);
  });
});

describe('a customer order link’s uploaded video', () => {
  it('plays, by range, only for a visit logged in to the link', async () => {
    const db = demo.hub.store.db;
    const hub = hubDb(db);
    const asker = await adminDevice();
    const film = fileOf(MEDIA_FILES.mp4, 300_000);
    const video = await storeUpload(
      db,
      asker,
      { kind: 'video', name: 'runway.mp4', bytes: film },
      new Date(),
    );
    const link = await insertCustomerOrderLink(db);
    await hub
      .updateTable('customer_order_links')
      .set({ video: JSON.stringify({ kind: 'file', mediaId: video.id }) })
      .where('id', '=', link.id)
      .execute();
    const address = `${demo.url}/api/link/videos/${video.id}`;
    expect((await fetch(address)).status).toBe(404);

    const buyer = await hub
      .selectFrom('buyers')
      .select('id')
      .where('kind', '=', 'customer_owned')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await setBrandCode(credentialDeps(), asker, '127.0.0.1', {
      buyerId: buyer.id,
      code: 'VIDEO-0001',
      passcode: 'video passcode',
    });
    const cookie = (
      await call('/api/link/log-in', {
        token: link.token,
        method: 'brandCredentials',
        identifier: 'VIDEO-0001',
        secret: 'video passcode',
      })
    ).cookie;
    const part = await fetch(address, { headers: { cookie, range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-type')).toBe('video/mp4');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(film.subarray(0, 100));
  });
});
