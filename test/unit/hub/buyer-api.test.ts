import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { buyerRoutes, type BuyerOperationName } from '../../../preload/contract/buyer-api/index.ts';
import type {
  AnswerWanted,
  BuyerApiCallers,
  BuyerApiHandlers,
  LinkHolder,
  Visitor,
} from '../../../main/hub/buyer-api/handler-table.ts';
import { linkExpired } from '../../../main/hub/buyer-api/link-holders.ts';
import { registerBuyerApi } from '../../../main/hub/buyer-api/register.ts';
import { handleError } from '../../../main/hub/errors.ts';
import { createHubServer } from '../../../main/hub/server.ts';
import { openStore, type Store } from '../../../main/store/database.ts';

const ORDER_ID = '0190a4c6-5d3e-7b2a-9c1d-2e3f4a5b6c7d';
const SELECTION = {
  brand: 'Nordlys',
  name: 'Spring',
  notes: '',
  buyer: 'Shop',
  language: 'en' as const,
  lines: [],
  totals: { units: 0, subtotal: null, discountPercent: 0, discount: null, total: null },
};
const HOLDER: LinkHolder = {
  kind: 'linkHolder',
  address: '127.0.0.1',
  link: { id: 'link-1', selectionId: 'sel-1', expiresAt: '2030-01-01T00:00:00.000Z' },
  brand: { name: 'Nordlys', prepaymentCheckout: false },
  answerKey: '1:0',
  at: new Date('2026-01-01T00:00:00.000Z'),
};

/** A handler for every operation, each answering something its route allows. */
function fakeHandlers() {
  return {
    'hub.health': vi.fn(() =>
      Promise.resolve({
        status: 'ok' as const,
        version: '1',
        schemaVersion: '0001',
        brand: null,
        uptimeSeconds: 0,
      }),
    ),
    'shareLink.open': vi.fn((_holder: LinkHolder, _input: unknown, { encoding }: AnswerWanted) =>
      Promise.resolve({
        body:
          encoding === 'br'
            ? brotliCompressSync('{"name":"Spring"}')
            : Buffer.from('{"name":"Spring"}'),
        encoding,
      }),
    ),
    'shareLink.checkout': vi.fn((_holder: LinkHolder, input: { orderId: string }) =>
      Promise.resolve({
        value: {
          orderId: input.orderId,
          number: 'SO-2027-00001',
          status: 'Checkout Requested' as const,
          totals: {
            currency: 'EUR',
            subtotalMinor: 100,
            discountMinor: 0,
            shippingMinor: 0,
            totalMinor: 100,
          },
          shippingRateName: '',
        },
        created: input.orderId === ORDER_ID,
      }),
    ),
    'shareLink.shippingOptions': vi.fn(() =>
      Promise.resolve({ shippingApplies: false, currency: 'EUR', rates: [] }),
    ),
    'shareLink.picture': vi.fn(() =>
      Promise.resolve({ contentType: 'image/png', bytes: new Uint8Array([1]) }),
    ),
    'buyer.signIn': vi.fn((_visitor: Visitor, _input: { email: string }) =>
      Promise.resolve({
        value: { name: 'Aiko' },
        session: { token: 'session-token', expires: new Date('2030-01-01T00:00:00.000Z') },
      }),
    ),
    'buyer.signOut': vi.fn((_visitor: Visitor) => Promise.resolve()),
    'buyer.demoAccounts': vi.fn(() => Promise.resolve({ accounts: null })),
    'buyer.selections': vi.fn(() => Promise.resolve({ person: 'Aiko', selections: [] })),
    // Answers more than the contract declares.
    'buyer.selection': vi.fn(() => Promise.resolve({ ...SELECTION, secret: 'hub only' })),
    'buyer.picture': vi.fn(() =>
      Promise.resolve({ contentType: 'image/png', bytes: new Uint8Array([2]) }),
    ),
    'buyer.invitation': vi.fn(() =>
      Promise.resolve({
        name: 'Aiko',
        email: 'aiko@shop.example',
        buyer: 'Shop',
        brand: 'Brand',
        invitedBy: 'Maja',
        expiresAt: '2030-01-01T00:00:00.000Z',
      }),
    ),
    'buyer.acceptInvitation': vi.fn(() =>
      Promise.resolve({
        value: { name: 'Aiko' },
        session: { token: 'session-token', expires: new Date('2030-01-01T00:00:00.000Z') },
      }),
    ),
    ...customerLinkFakes(),
    ...dtcFakes(),
  } satisfies BuyerApiHandlers;
}

/** The customer order link operations, never reached here: their caller refuses every token. */
function customerLinkFakes() {
  const refused = () => Promise.reject(linkExpired());
  return {
    'customerLink.open': vi.fn(refused),
    'customerLink.passcode': vi.fn(refused),
    'customerLink.logIn': vi.fn(refused),
    'customerLink.redeemTicket': vi.fn(refused),
    'customerLink.chooseBuyer': vi.fn(refused),
    'customerLink.logOut': vi.fn(refused),
    'customerLink.styles': vi.fn(refused),
    'customerLink.style': vi.fn(refused),
    'customerLink.shippingOptions': vi.fn(refused),
    'customerLink.checkout': vi.fn(refused),
    'customerLink.picture': vi.fn(refused),
  };
}

/** The DTC checkout link operations, not what this adapter test is about: every claim is not valid. */
function dtcFakes() {
  const refused = () => Promise.reject(linkExpired());
  return {
    'dtc.claim': vi.fn(refused),
    'dtc.basket': vi.fn(refused),
    'dtc.quote': vi.fn(refused),
    'dtc.purchase': vi.fn(refused),
  };
}

describe('the buyer API adapter', () => {
  let app: FastifyInstance;
  let handlers: ReturnType<typeof fakeHandlers>;
  const callers = {
    linkHolder: vi.fn((token: string) =>
      token === 'live' ? Promise.resolve(HOLDER) : Promise.reject(linkExpired()),
    ),
    buyer: vi.fn(() =>
      Promise.resolve({
        kind: 'buyer' as const,
        address: '127.0.0.1',
        user: { id: 'u1', name: 'Aiko', email: 'aiko@shop.example' },
      }),
    ),
    customerLink: vi.fn(() => Promise.reject(linkExpired())),
  } satisfies BuyerApiCallers;

  beforeEach(async () => {
    // The hub's own compilers and error handler, as main/hub/server.ts sets them.
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(handleError);
    await app.register(fastifyCookie);
    handlers = fakeHandlers();
    vi.clearAllMocks();
    registerBuyerApi(app, handlers, callers);
    await app.ready();
  });

  it('refuses input its schema rejects with the error body, by field, before anything runs', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/share/checkout',
      payload: { token: 'live', orderId: 'not-an-id', name: ' ', email: 'aiko@shop' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/^The body is not valid: /),
        issues: [
          { path: 'orderId', code: 'invalid_format' },
          { path: 'name', code: 'too_small' },
          { path: 'email', code: 'invalid_format' },
        ],
      },
    });
    expect(callers.linkHolder).not.toHaveBeenCalled();
    expect(handlers['shareLink.checkout']).not.toHaveBeenCalled();
  });

  it('refuses fields the contract does not name, and a token missing from its header', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/buyer/sign-in',
      payload: { email: 'a@shop.example', password: 'x', admin: true },
    });
    expect(signIn.statusCode).toBe(400);
    expect(signIn.json()).toMatchObject({ error: { code: 'invalid_input' } });
    const picture = await app.inject({ url: '/api/share/pictures/p1' });
    expect(picture.statusCode).toBe(400);
    expect(picture.json()).toMatchObject({
      error: { code: 'invalid_input', message: expect.stringMatching(/headers/) },
    });
    expect(handlers['buyer.signIn']).not.toHaveBeenCalled();
    expect(handlers['shareLink.picture']).not.toHaveBeenCalled();
  });

  it('gives handlers one input from the path, the headers and the body, and who calls', async () => {
    const picture = await app.inject({
      url: '/api/share/pictures/p1',
      headers: { 'x-share-token': 'live' },
    });
    expect(picture.statusCode).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');
    expect(picture.rawPayload).toEqual(Buffer.from([1]));
    expect(callers.linkHolder).toHaveBeenCalledWith('live', {
      kind: 'visitor',
      address: '127.0.0.1',
      session: null,
      linkVisit: null,
      origin: expect.any(String),
    });
    expect(handlers['shareLink.picture']).toHaveBeenCalledWith(
      HOLDER,
      { id: 'p1', token: 'live' },
      { encoding: 'identity' },
    );
  });

  it('answers a link that does not open as the link holders lookup refuses it', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/share/open',
      payload: { token: 'gone' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'link_expired' } });
    expect(handlers['shareLink.open']).not.toHaveBeenCalled();
  });

  it('sends prepared answers as they are, in the encoding asked for', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/share/open',
      headers: { 'accept-encoding': 'br, gzip' },
      payload: { token: 'live' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toMatch(/accept-encoding/);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(brotliDecompressSync(response.rawPayload).toString())).toEqual({
      name: 'Spring',
    });
  });

  it('answers 201 when a call made something and 200 when it repeated one', async () => {
    const checkout = (orderId: string) =>
      app.inject({
        method: 'POST',
        url: '/api/share/checkout',
        payload: { token: 'live', orderId, name: 'Aiko', email: 'aiko@shop.example' },
      });
    expect((await checkout(ORDER_ID)).statusCode).toBe(201);
    const again = await checkout('0190a4c6-5d3e-7b2a-9c1d-000000000000');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      orderId: '0190a4c6-5d3e-7b2a-9c1d-000000000000',
      number: 'SO-2027-00001',
      status: 'Checkout Requested',
    });
    // Defaults come from the schema before the handler sees the input.
    expect(handlers['shareLink.checkout'].mock.calls[0]![1]).toMatchObject({
      phone: '',
      note: '',
      complete: false,
    });
  });

  it('sends only what the output schema declares', async () => {
    const response = await app.inject({
      url: '/api/buyer/selections/sel-1',
      headers: { cookie: 'trunkshow-buyer=abc' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(SELECTION);
    expect(callers.buyer).toHaveBeenCalledWith({
      kind: 'visitor',
      address: '127.0.0.1',
      session: 'abc',
      linkVisit: null,
      origin: expect.any(String),
    });
  });

  it('answers a handler that breaks the contract with a 500 that says nothing of it', async () => {
    handlers['buyer.selections'].mockResolvedValueOnce({
      person: 'Aiko',
      selections: [{ id: 1 }],
    } as never);
    const response = await app.inject({ url: '/api/buyer/selections' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: { code: 'internal', message: expect.not.stringContaining('selections') },
    });
  });

  it('starts the buyer session cookie at sign-in and ends it at sign-out', async () => {
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/buyer/sign-in',
      payload: { email: ' Aiko@Shop.example ', password: 'x' },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toEqual({ name: 'Aiko' });
    expect(signIn.headers['set-cookie']).toMatch(
      /^trunkshow-buyer=session-token; .*HttpOnly; SameSite=Lax/,
    );
    expect(handlers['buyer.signIn'].mock.calls[0]![1]).toEqual({
      email: 'aiko@shop.example',
      password: 'x',
    });
    const signOut = await app.inject({
      method: 'POST',
      url: '/api/buyer/sign-out',
      headers: { cookie: 'trunkshow-buyer=session-token' },
    });
    expect(signOut.statusCode).toBe(204);
    expect(signOut.headers['set-cookie']).toMatch(/^trunkshow-buyer=;/);
    expect(handlers['buyer.signOut'].mock.calls[0]![0]).toMatchObject({ session: 'session-token' });
  });
});

describe('the hub', () => {
  let store: Store;
  let hub: FastifyInstance;
  beforeAll(async () => {
    store = await openStore(':memory:');
    hub = await createHubServer({ store, buyerAppDir: null });
  });
  afterAll(async () => {
    await hub.close();
    await store.close();
  });

  it('mounts every operation of the buyer API contract, as its OpenAPI document shows', async () => {
    const document = (await hub.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { summary: string; tags: string[] }>>;
    }>();
    const mounted = Object.entries(buyerRoutes).map(([name, route]) => {
      const path = route.path.replaceAll(/:(\w+)/g, '{$1}');
      return [name, document.paths[path]?.[route.method.toLowerCase()]] as const;
    });
    for (const [name, operation] of mounted) {
      const route = buyerRoutes[name as BuyerOperationName];
      expect(operation, name).toMatchObject({ summary: route.summary, tags: [route.tag] });
    }
  });
});

/** Never called: what the compiler refuses, checked by `tsc -b`. */
export function _refusedByTheCompiler(withoutPicture: Omit<BuyerApiHandlers, 'buyer.picture'>) {
  // @ts-expect-error: a handler table without buyer.picture does not build
  const missing: BuyerApiHandlers = withoutPicture;
  // @ts-expect-error: buyer.selection answers a selection, not a list
  const wrong: BuyerApiHandlers['buyer.selection'] = () => Promise.resolve({ selections: [] });
  return [missing, wrong];
}
