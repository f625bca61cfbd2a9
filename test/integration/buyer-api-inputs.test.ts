import fc from 'fast-check';
import { v4 as uuidv4 } from 'uuid';
import { beforeAll, describe, expect, it } from 'vitest';
import { HubErrorBody } from '../../preload/contract/hub-errors.ts';
import {
  buyerRoutes,
  COMMON_REFUSALS,
  pathParams,
  type BuyerOperationName,
  type BuyerRoute,
} from '../../preload/contract/buyer-api/routes.ts';
import { useDemoHub } from '../support/demo-hub.ts';
import { insertCustomerOrderLink } from '../support/customer-order-link.ts';
import { insertSharedSelection, orderableSkuIds } from '../support/shared-selection.ts';

/**
 * Whatever a page, a script or a curious person sends to the buyer API, the hub answers
 * with a refusal the contract declares for that operation, never a 500: every operation,
 * from an input that would be accepted with one field replaced by any JSON value, or a
 * field added, or another body entirely.
 */
const demo = useDemoHub('trunkshow-buyer-api-inputs-');

interface Callers {
  token: string;
  /** A customer order link's token. */
  linkToken: string;
  cookie: string;
  pictureId: string;
  selectionId: string;
}

/** An input each operation would accept; the compiler asks for one per operation. */
const acceptedInputs: { [Name in BuyerOperationName]: (c: Callers) => Record<string, unknown> } = {
  'hub.health': () => ({}),
  'shareLink.open': (c) => ({ token: c.token }),
  'shareLink.checkout': (c) => ({
    token: c.token,
    orderId: uuidv4(),
    name: 'Ines Duarte',
    email: 'ines@boutique.example',
    phone: '',
    note: '',
  }),
  'shareLink.shippingOptions': (c) => ({ token: c.token, country: 'SE' }),
  'shareLink.picture': (c) => ({ id: c.pictureId, token: c.token }),
  'buyer.signIn': () => ({ email: 'nobody@example.com', password: 'wrong' }),
  'buyer.signOut': () => ({}),
  'buyer.demoAccounts': () => ({}),
  'buyer.selections': () => ({}),
  'buyer.selection': (c) => ({ id: c.selectionId }),
  'buyer.picture': (c) => ({ id: c.pictureId }),
  'buyer.invitation': (c) => ({ token: c.token }),
  'buyer.acceptInvitation': (c) => ({ token: c.token, password: 'a long enough password' }),
  'customerLink.open': (c) => ({ token: c.linkToken }),
  'customerLink.passcode': (c) => ({ token: c.linkToken, passcode: 'not the passcode' }),
  'customerLink.logIn': (c) => ({
    token: c.linkToken,
    method: 'userAccount',
    identifier: 'nobody@example.com',
    secret: 'wrong',
  }),
  'customerLink.redeemTicket': (c) => ({ token: c.linkToken, ticket: 'none' }),
  'customerLink.chooseBuyer': (c) => ({ token: c.linkToken, buyerId: 'none' }),
  'customerLink.logOut': (c) => ({ token: c.linkToken }),
  'customerLink.styles': (c) => ({ token: c.linkToken, query: 'coat', offset: 0, limit: 10 }),
  'customerLink.style': (c) => ({ token: c.linkToken, styleId: 'none' }),
  'customerLink.shippingOptions': (c) => ({ token: c.linkToken, country: 'SE', skuIds: [] }),
  'customerLink.checkout': (c) => ({
    token: c.linkToken,
    orderId: uuidv4(),
    lines: [{ skuId: 'none', quantity: 1 }],
    name: 'Ines Duarte',
    email: 'ines@boutique.example',
    paymentMethod: 'outside_app',
  }),
  'customerLink.picture': (c) => ({ id: c.pictureId, token: c.linkToken }),
  'dtc.claim': (c) => ({ basket: 'none', hash: c.token }),
  'dtc.basket': (c) => ({ claimToken: c.token }),
  'dtc.quote': (c) => ({
    claimToken: c.token,
    lines: [{ skuId: 'none', quantity: 1 }],
    country: 'SE',
  }),
  'dtc.purchase': (c) => ({
    claimToken: c.token,
    orderId: uuidv4(),
    lines: [{ skuId: 'none', quantity: 1 }],
    name: 'Ines Duarte',
    email: 'ines@boutique.example',
    shipTo: {
      name: 'Ines Duarte',
      line1: 'Rua Augusta 1',
      line2: '',
      postalCode: '1100-048',
      city: 'Lisboa',
      region: '',
      country: 'PT',
      phone: '',
    },
    paymentMethod: 'outside_app',
  }),
};

let callers: Callers;

beforeAll(async () => {
  const db = demo.hub.store.db;
  const buyer = await db.selectFrom('buyers').select('id').orderBy('id').executeTakeFirstOrThrow();
  const token = await insertSharedSelection(db, {
    buyerId: buyer.id,
    skuIds: await orderableSkuIds(db, 4),
    name: 'Inputs',
  });
  const picture = await db.selectFrom('media').select('id').executeTakeFirstOrThrow();
  const accounts = (await (await fetch(`${demo.url}/api/buyer/demo-accounts`)).json()) as {
    accounts: { email: string; password: string }[];
  };
  const account = accounts.accounts[0]!;
  const signIn = await fetch(`${demo.url}/api/buyer/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  const selections = (await (
    await fetch(`${demo.url}/api/buyer/selections`, { headers: { cookie } })
  ).json()) as { selections?: { id: string }[] };
  const link = await insertCustomerOrderLink(db, { passcode: 'spring-2027' });
  callers = {
    token,
    linkToken: link.token,
    cookie,
    pictureId: picture.id,
    selectionId: selections.selections?.[0]?.id ?? 'none',
  };
});

/** Sends an input as the contract says it travels (see renderer/buyer/call.ts). */
async function send(route: BuyerRoute, input: Record<string, unknown>, rawBody?: string) {
  const fields = { ...input };
  let path = route.path;
  for (const name of pathParams(route.path)) {
    const value = fields[name];
    const text = typeof value === 'string' ? value : JSON.stringify(value ?? '');
    path = path.replace(`:${name}`, encodeURIComponent(text));
    delete fields[name];
  }
  const headers: Record<string, string> = { cookie: callers.cookie };
  for (const [field, header] of Object.entries(route.headers ?? {})) {
    // A header carries text only; what is not text arrives as its JSON.
    const value = fields[field];
    headers[header] = (typeof value === 'string' ? value : JSON.stringify(value ?? '')).replace(
      /[^\x20-\x7e]/g,
      '?',
    );
    delete fields[field];
  }
  if (route.method === 'POST') headers['content-type'] = 'application/json';
  const response = await fetch(`${demo.url}${path}`, {
    method: route.method,
    headers,
    ...(route.method === 'POST' ? { body: rawBody ?? JSON.stringify(fields) } : {}),
  });
  const text = await response.text();
  return { status: response.status, text };
}

/** Any JSON value a script might put in a field, strange text and huge numbers included. */
const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'null', '-1', '1e309', 'x'.repeat(10_240), '../../etc'),
  fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308),
);

/** An accepted input with one field replaced or added, or another body altogether. */
const inputs = (accepted: Record<string, unknown>) =>
  fc.oneof(
    fc
      .tuple(fc.constantFrom(...Object.keys(accepted), 'extra'), anyValue)
      .map(([field, value]) => ({ input: { ...accepted, [field]: value }, raw: undefined })),
    fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 4 }).map((input) => ({
      input,
      raw: undefined,
    })),
    fc
      .constantFrom('', '{', '[1,2', 'null', '"text"', '{"token":', '\u0000', '{}'.repeat(5000))
      .map((raw) => ({ input: accepted, raw })),
  );

describe('the buyer API, given any input', () => {
  for (const [name, route] of Object.entries(buyerRoutes) as [BuyerOperationName, BuyerRoute][]) {
    it(`${name} answers a declared refusal, never a 500`, async () => {
      const declared = new Set<number>([
        200,
        201,
        204,
        ...Object.values(COMMON_REFUSALS).filter((status) => status !== 500),
        ...Object.values(route.refusals),
        // An address too long to read is refused before any operation is chosen.
        ...(pathParams(route.path).length > 0 ? [414] : []),
      ]);
      await fc.assert(
        fc.asyncProperty(inputs(acceptedInputs[name](callers)), async ({ input, raw }) => {
          const { status, text } = await send(route, input, raw);
          expect(declared, `${status} ${text.slice(0, 300)}`).toContain(status);
          if (status >= 400) expect(HubErrorBody.safeParse(JSON.parse(text)).success).toBe(true);
        }),
        { numRuns: 60 },
      );
    });
  }
});
