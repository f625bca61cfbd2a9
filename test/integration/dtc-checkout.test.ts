import { v7 as uuidv7 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { dtcOrders } from '../../main/services/dtc-selections.ts';
import { listOrders } from '../../main/services/orders.ts';
import { hubDb } from '../../main/store/database.ts';
import type {
  DtcBasket,
  DtcClaim,
  DtcOrderAnswer,
  DtcQuote,
} from '../../preload/contract/buyer-api/index.ts';
import type { HubErrorBody } from '../../preload/contract/hub-errors.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { servicesOf } from '../support/desktop.ts';
import {
  BERLIN,
  extractBasketAndHash,
  insertDtcLink,
  setStock,
  setTaxRate,
  storefrontLink,
  type DtcLineSpec,
  type InsertedDtcLink,
} from '../support/dtc.ts';
import { orderableSkuIds } from '../support/shared-selection.ts';

/**
 * DTC checkout links on a real hub over HTTP, the way a brand's storefront uses them
 * (dtc-shareable-order-link.txt): extract the two values from the link, claim the
 * basket, attach the copy to the storefront's customer (contact and address), quote,
 * pay. And whatever else arrives is refused with a clear code, nothing written.
 */
const demo = useDemoHub('trunkshow-dtc-checkout-');
const db = () => demo.hub.store.db;

type Refused = z.infer<typeof HubErrorBody>;

/** A buyer API answer: the operation's output, or a refusal. */
async function post<Output>(path: string, body: unknown) {
  const response = await fetch(`${demo.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Output & Partial<Refused> };
}

let skus: string[] = [];
let retail = new Map<string, number>();

beforeAll(async () => {
  skus = await orderableSkuIds(db(), 5);
  const prices = await hubDb(db())
    .selectFrom('prices as p')
    .innerJoin('pricelists as l', 'l.id', 'p.pricelist_id')
    .select(['p.sku_id', 'p.retail_minor'])
    .where('l.name', '=', 'Europe EUR')
    .where('p.sku_id', 'in', skus)
    .execute();
  retail = new Map(prices.map((price) => [price.sku_id, price.retail_minor]));
  await setTaxRate(db(), 'DE', 1900);
});

async function link(
  lines: DtcLineSpec[],
  options: { lockQuantities?: boolean; ignoreShipping?: boolean; ignoreTax?: boolean } = {},
): Promise<InsertedDtcLink> {
  const made = await insertDtcLink(db(), { lines, ...options });
  await setStock(
    db(),
    made.warehouseId!,
    lines.map((line) => line.skuId),
    10,
  );
  return made;
}

async function claim(made: InsertedDtcLink) {
  const { basket, hash } = extractBasketAndHash(storefrontLink(made));
  return post<DtcClaim>('/api/dtc/claim', { basket, hash });
}

/** A claim that made a copy: its token and basket. */
async function claimed(made: InsertedDtcLink) {
  const answer = await claim(made);
  if (answer.body.outcome !== 'claimed') throw new Error(`Not claimed: ${answer.status}`);
  return answer.body;
}

async function counts(made: InsertedDtcLink) {
  const hub = hubDb(db());
  const [linkRow, claims, orders] = await Promise.all([
    hub
      .selectFrom('dtc_links')
      .select(['claim_count', 'purchased_at', 'purchase_order_id'])
      .where('id', '=', made.linkId)
      .executeTakeFirstOrThrow(),
    hub
      .selectFrom('dtc_claims')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('link_id', '=', made.linkId)
      .executeTakeFirstOrThrow(),
    hub
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('dtc_link_id', '=', made.linkId)
      .executeTakeFirstOrThrow(),
  ]);
  return { ...linkRow, claims: claims.n, orders: orders.n };
}

const purchase = (claimToken: string, lines: unknown, extra: Record<string, unknown> = {}) =>
  post<DtcOrderAnswer>('/api/dtc/purchase', {
    claimToken,
    orderId: uuidv7(),
    lines,
    name: 'Ingrid Berg',
    email: 'ingrid.berg@example.com',
    phone: '+49 30 1234567',
    shipTo: BERLIN,
    paymentMethod: 'outside_app',
    ...extra,
  });

describe('a storefront selling through a DTC checkout link', () => {
  it('claims the basket, quotes it for the customer’s country, and buys it once', async () => {
    const coat = skus[0]!;
    const scarf = skus[1]!;
    const special = retail.get(coat)! - 5000;
    const made = await link([
      { skuId: coat, quantity: 1, specialPriceMinor: special },
      { skuId: scarf, quantity: 2 },
    ]);
    const address = storefrontLink(made);
    expect(address).toBe(`https://shop.nordlys.example/selection/${made.linkId}/${made.token}`);

    // Opening the hub's own page fetches the app, and claims nothing.
    await fetch(`${demo.url}/dtc/${made.linkId}/${made.token}`);
    expect((await counts(made)).claim_count).toBe(0);

    const first = await claim(made);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      outcome: 'claimed',
      basket: {
        basket: made.linkId,
        currency: 'EUR',
        options: { lockQuantities: false, ignoreShipping: false, ignoreTax: false },
        pricesIncludeTax: true,
        purchased: null,
      },
    });
    if (first.body.outcome !== 'claimed') throw new Error('The link was not claimed');
    const { claimToken, basket } = first.body;
    expect(basket.countries).toContain('DE');
    expect(basket.lines).toEqual([
      expect.objectContaining({ skuId: coat, savedQuantity: 1, specialPriceMinor: special }),
      expect.objectContaining({ skuId: scarf, savedQuantity: 2, specialPriceMinor: null }),
    ]);
    expect((await counts(made)).claim_count).toBe(1);

    const again = await post<DtcBasket>('/api/dtc/basket', { claimToken });
    expect(again.body).toEqual(basket);

    // The customer takes two coats: one at the special price, one at retail.
    const wanted = [
      { skuId: coat, quantity: 2 },
      { skuId: scarf, quantity: 1 },
    ];
    const quote = await post<DtcQuote>('/api/dtc/quote', {
      claimToken,
      lines: wanted,
      country: 'de',
    });
    expect(quote.status).toBe(200);
    const goods = 2 * retail.get(coat)! - 5000 + retail.get(scarf)!;
    expect(quote.body).toMatchObject({
      currency: 'EUR',
      subtotalMinor: goods + 5000,
      discountMinor: 5000,
      taxIncluded: true,
      problems: [],
    });
    expect(quote.body.lines[0]).toMatchObject({ specialQuantity: 1, taxRateBp: 1900 });
    expect(quote.body.totalMinor).toBe(goods + quote.body.shippingMinor);
    expect(quote.body.shippingRates.length).toBeGreaterThan(0);

    const orderId = uuidv7();
    const bought = await purchase(claimToken, wanted, { orderId });
    expect(bought.status).toBe(201);
    expect(bought.body).toMatchObject({
      orderId,
      status: 'Order',
      totals: {
        totalMinor: quote.body.totalMinor,
        taxMinor: quote.body.taxMinor,
        taxIncluded: true,
      },
    });
    // A retry with the same order id gets the first answer, and nothing more.
    const retried = await purchase(claimToken, wanted, { orderId });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual(bought.body);

    const hub = hubDb(db());
    const order = await hub
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      source: 'dtc_link',
      buyer_id: null,
      selection_id: made.selectionId,
      dtc_customer_id: made.customerId,
      dtc_link_id: made.linkId,
      tax_minor: quote.body.taxMinor,
      tax_included: 1,
      contact_email: 'ingrid.berg@example.com',
    });
    expect(JSON.parse(order.ship_to!)).toMatchObject({ city: 'Berlin', country: 'DE' });
    const lines = await hub
      .selectFrom('order_lines')
      .select(['sku_id', 'quantity', 'tax_rate_bp'])
      .where('order_id', '=', orderId)
      .orderBy('sku_id')
      .execute();
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.tax_rate_bp === 1900)).toBe(true);
    expect(await counts(made)).toMatchObject({ purchase_order_id: orderId, orders: 1 });
    const selection = await hub
      .selectFrom('dtc_selections')
      .select(['deleted_at', 'deleted_by_order_id'])
      .where('id', '=', made.selectionId)
      .executeTakeFirstOrThrow();
    expect(selection.deleted_by_order_id).toBe(orderId);
    const mail = await hub
      .selectFrom('mail_outbox')
      .select(['to_addresses', 'text_body'])
      .where('dedupe_key', '=', `order:${orderId}:placed`)
      .executeTakeFirst();
    expect(mail?.to_addresses).toContain('ingrid.berg@example.com');
    expect(mail?.text_body).toContain('Tax included');

    // The claim's basket now says what its order holds, in the basket's order.
    const afterwards = await post<DtcBasket>('/api/dtc/basket', { claimToken });
    expect(afterwards.body.purchased).toEqual({
      orderId,
      number: expect.stringMatching(/^SO-/),
      lines: [
        expect.objectContaining({ skuId: coat, quantity: 2 }),
        expect.objectContaining({ skuId: scarf, quantity: 1 }),
      ],
    });

    // The link is dead now: whoever opens it gets an empty basket.
    const late = await claim(made);
    expect(late.body).toEqual({ outcome: 'used', brand: basket.brand, lines: [] });
    // The same claim cannot buy a second time.
    const twice = await purchase(claimToken, wanted);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'dtc_claim_purchased' });
  });

  it('lets a customer who claimed before the first purchase still buy their copy', async () => {
    const made = await link([{ skuId: skus[2]!, quantity: 1 }], { ignoreTax: true });
    const first = await claimed(made);
    const second = await claimed(made);
    const firstOrder = await purchase(first.claimToken, [{ skuId: skus[2]!, quantity: 1 }]);
    expect(firstOrder.status).toBe(201);
    // Another claim sending the first's order id learns nothing of that order.
    const borrowed = await purchase(second.claimToken, [{ skuId: skus[2]!, quantity: 1 }], {
      orderId: firstOrder.body.orderId,
    });
    expect(borrowed).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    const late = await purchase(second.claimToken, [{ skuId: skus[2]!, quantity: 1 }]);
    expect(late.status).toBe(201);
    expect(late.body.totals.taxMinor).toBe(0);
    expect(await counts(made)).toMatchObject({ claim_count: 2, orders: 2 });
  });
});

describe('a DTC order on the desktops', () => {
  it('reaches the rep whose selection it came from and the admins, not other reps', async () => {
    const sku = skus[1]!;
    const made = await insertDtcLink(db(), {
      lines: [{ skuId: sku, quantity: 1 }],
      owner: 'luca@nordlys-atelier.example',
    });
    await setStock(db(), made.warehouseId!, [sku], 10);
    const { claimToken } = await claimed(made);
    const bought = await purchase(claimToken, [{ skuId: sku, quantity: 1 }]);
    expect(bought.status).toBe(201);

    const ordersOn = async (email: string) => {
      const desktop = await demo.desktop(email);
      return desktop.store.db
        .selectFrom('orders')
        .select(['id', 'source', 'buyer_id', 'dtc_customer_id', 'tax_minor'])
        .where('dtc_link_id', '=', made.linkId)
        .execute();
    };
    const seen = [{ id: bought.body.orderId, source: 'dtc_link', buyer_id: null }];
    expect(await ordersOn('luca@nordlys-atelier.example')).toEqual([
      expect.objectContaining(seen[0]),
    ]);
    expect(await ordersOn('maja@nordlys-atelier.example')).toEqual([
      expect.objectContaining(seen[0]),
    ]);
    expect(await ordersOn('jonas@nordlys-atelier.example')).toEqual([]);

    // Listed under Direct to consumer, not among the wholesale buyers' orders.
    const admin = await demo.desktop('maja@nordlys-atelier.example');
    const dtc = await dtcOrders(servicesOf(admin));
    expect(dtc.map((order) => order.id)).toContain(bought.body.orderId);
    const wholesale = await listOrders(admin.store.db, { filters: {}, limit: 200 });
    expect(wholesale.orders.map((order) => order.source)).not.toContain('dtc_link');
  });
});

describe('what a DTC checkout link refuses', () => {
  it('answers a tampered, cut-off or another link’s hash alike, and writes nothing', async () => {
    const made = await link([{ skuId: skus[3]!, quantity: 1 }]);
    const other = await link([{ skuId: skus[3]!, quantity: 1 }]);
    const flipped = `${made.token.slice(0, -1)}${made.token.endsWith('A') ? 'B' : 'A'}`;
    const tries = [
      { basket: made.linkId, hash: flipped },
      { basket: made.linkId, hash: made.token.slice(0, 20) },
      { basket: made.linkId, hash: other.token },
      { basket: uuidv7(), hash: made.token },
      { basket: made.linkId, hash: '' },
    ];
    const answers = await Promise.all(tries.map((body) => post<DtcClaim>('/api/dtc/claim', body)));
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body.error?.code).toBe('link_expired');
    }
    expect(new Set(answers.map((answer) => answer.body.error?.message)).size).toBe(1);
    expect(await counts(made)).toMatchObject({ claim_count: 0, claims: 0 });
    expect(await counts(other)).toMatchObject({ claim_count: 0, claims: 0 });

    const unknown = await post<DtcBasket>('/api/dtc/basket', { claimToken: made.token });
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: 'link_expired' } } });
  });

  it('refuses more than the lock allows, units not whole or below zero, and a country outside the market', async () => {
    const sku = skus[4]!;
    const made = await link([{ skuId: sku, quantity: 2, specialPriceMinor: 100 }], {
      lockQuantities: true,
    });
    const { claimToken } = await claimed(made);

    const above = await purchase(claimToken, [{ skuId: sku, quantity: 3 }]);
    expect(above.status).toBe(409);
    expect(above.body.error).toMatchObject({
      code: 'dtc_quantity_above_saved',
      params: { index: 0, max: 2 },
    });
    const quoted = await post<DtcQuote>('/api/dtc/quote', {
      claimToken,
      lines: [{ skuId: sku, quantity: 3 }],
    });
    expect(quoted.body.problems).toEqual([
      { code: 'dtc_quantity_above_saved', params: { index: 0, max: 2 } },
    ]);

    for (const quantity of [-1, 1.5]) {
      const wrong = await purchase(claimToken, [{ skuId: sku, quantity }]);
      expect(wrong.status).toBe(400);
      expect(wrong.body.error?.code).toBe('invalid_input');
      expect(wrong.body.error?.issues?.[0]?.path).toBe('lines.0.quantity');
    }

    const abroad = await purchase(claimToken, [{ skuId: sku, quantity: 1 }], {
      shipTo: { ...BERLIN, city: 'Boston', postalCode: '02108', country: 'US' },
    });
    expect(abroad.status).toBe(409);
    expect(abroad.body.error).toMatchObject({
      code: 'dtc_country_not_in_market',
      params: { country: 'US' },
    });

    // A price never comes from the client: the basket takes SKUs and units only.
    const priced = await purchase(claimToken, [
      { skuId: sku, quantity: 1, specialPriceMinor: -100 },
    ]);
    expect(priced.status).toBe(400);
    expect(priced.body.error?.code).toBe('invalid_input');
    // And the store keeps no special price below zero, whoever writes it.
    await expect(
      hubDb(db())
        .updateTable('dtc_selection_lines')
        .set({ special_price_minor: -1 })
        .where('selection_id', '=', made.selectionId)
        .execute(),
    ).rejects.toThrow(/CHECK constraint failed|violates check constraint/);

    expect(await counts(made)).toMatchObject({ orders: 0, purchase_order_id: null });
  });

  it('says so when the brand does not ship to the customer’s country', async () => {
    const made = await link([{ skuId: skus[0]!, quantity: 1 }]);
    const { claimToken } = await claimed(made);
    // Switzerland is in the Europe market; the demo ships there in EUR, so take its rate away.
    const hub = hubDb(db());
    const groups = await hub.selectFrom('shipping_rate_groups').select(['id', 'rates']).execute();
    for (const group of groups) {
      const rates = (JSON.parse(group.rates) as { country: string }[]).filter(
        (rate) => rate.country !== 'CH',
      );
      await hub
        .updateTable('shipping_rate_groups')
        .set({ rates: JSON.stringify(rates) })
        .where('id', '=', group.id)
        .execute();
    }
    const zurich = { ...BERLIN, city: 'Zürich', postalCode: '8001', country: 'CH' };
    const refused = await purchase(claimToken, [{ skuId: skus[0]!, quantity: 1 }], {
      shipTo: zurich,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({
      code: 'dtc_no_shipping_to_country',
      params: { country: 'CH', currency: 'EUR' },
    });
    expect(await counts(made)).toMatchObject({ orders: 0 });
  });
});

describe('the hub’s OpenAPI document', () => {
  it('describes the DTC claim and purchase, with examples a storefront can follow', async () => {
    const document = (await (await fetch(`${demo.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { examples?: unknown[] }> };
    };
    for (const path of [
      '/api/dtc/claim',
      '/api/dtc/basket',
      '/api/dtc/quote',
      '/api/dtc/purchase',
    ]) {
      expect(document.paths[path]?.post).toBeDefined();
    }
    const json = JSON.stringify(document.paths['/api/dtc/purchase']);
    expect(json).toContain('dtc_quantity_above_saved');
    for (const name of [
      'DtcClaimRequest',
      'DtcClaim',
      'DtcQuoteRequest',
      'DtcQuote',
      'DtcPurchaseRequest',
      'DtcOrderAnswer',
    ]) {
      expect(document.components.schemas[name]?.examples?.length, name).toBeGreaterThan(0);
    }
  });
});

describe('claims from one address', () => {
  // Last in this file: it uses up this address's claims.
  it('are limited before any work: a refused claim copies and counts nothing', async () => {
    const made = await link([{ skuId: skus[0]!, quantity: 1 }]);
    const statuses: number[] = [];
    for (let i = 0; i < 40 && !statuses.includes(429); i++) {
      statuses.push((await claim(made)).status);
    }
    expect(statuses.at(-1)).toBe(429);
    const copies = statuses.filter((status) => status === 200).length;
    expect(copies).toBeLessThan(31);
    expect(await counts(made)).toMatchObject({ claim_count: copies, claims: copies });
    const refused = await claim(made);
    expect(refused.body.error).toMatchObject({ code: 'rate_limited' });
    expect(refused.body.error?.retryAfterSeconds).toBeGreaterThan(0);
  });
});
