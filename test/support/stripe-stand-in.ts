import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { formatMoney } from '../../main/domain/money.ts';

/**
 * A local stand-in for the part of Stripe's HTTP API the hub calls, on 127.0.0.1 only
 * (no machine here reaches Stripe): Checkout Sessions made from the form-encoded bodies
 * the official SDK sends and read back, in Stripe's shapes (`cs_test_…` ids, `url`,
 * `amount_total`, lower-case `currency`, `metadata`). It plays Stripe's side of a
 * payment too: `complete` and `expire` send the hub's webhook the event Stripe would,
 * signed with the endpoint's secret as Stripe signs it, and it serves a bare payment page
 * at each session's `url` whose "Pay" does the same for a browser (an E2E test's buyer).
 */

export interface StandInSession {
  id: string;
  object: 'checkout.session';
  mode: string;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'unpaid' | 'paid';
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  customer_email: string | null;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string;
  url: string | null;
  created: number;
  expires_at: number;
  livemode: false;
  payment_intent: string | null;
}

/** What a webhook delivery sent and how the hub answered: enough to send it again. */
export interface WebhookDelivery {
  readonly status: number;
  readonly body: string;
  readonly payload: string;
  readonly signature: string;
}

export interface StripeStandIn {
  /** The origin to give the hub as `--stripe-api`. */
  readonly url: string;
  readonly sessions: ReadonlyMap<string, StandInSession>;
  /** Every request body the SDK sent to POST /v1/checkout/sessions, parsed. */
  readonly created: Record<string, unknown>[];
  /** The buyer paid on Stripe's page: `checkout.session.completed`, signed, to the hub. */
  complete(sessionId: string): Promise<WebhookDelivery>;
  /** The session ran out unpaid: `checkout.session.expired`, signed, to the hub. */
  expire(sessionId: string): Promise<WebhookDelivery>;
  /** Sends a body to the hub's webhook as it is, with the signature given (a replay, a forgery). */
  deliver(payload: string, signature: string): Promise<WebhookDelivery>;
  close(): Promise<void>;
}

export async function startStripeStandIn(options: {
  /** The secret key the hub must present (Bearer), as Stripe checks it. */
  secretKey: string;
  /** The hub's webhook address and the endpoint's signing secret. */
  webhookUrl: () => string;
  webhookSecret: string;
  /** Stripe's clock, for `created` and the signature's timestamp (the hub's in a test). */
  clock?: () => Date;
}): Promise<StripeStandIn> {
  const clock = options.clock ?? (() => new Date());
  const seconds = () => Math.floor(clock().getTime() / 1000);
  const sessions = new Map<string, StandInSession>();
  const created: Record<string, unknown>[] = [];
  let origin = '';

  const server = createServer((request, response) => {
    void answer(request, response).catch((error: unknown) => {
      send(response, 500, stripeError('api_error', String(error)));
    });
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?', 1)[0]!;
    const page = /^\/c\/pay\/([^/]+?)(\/pay|\/cancel)?$/.exec(path);
    if (page) {
      await paymentPage(request, response, decodeURIComponent(page[1]!), page[2]);
      return;
    }
    if (request.headers.authorization !== `Bearer ${options.secretKey}`) {
      send(response, 401, stripeError('invalid_request_error', 'Invalid API Key provided.'));
      return;
    }
    if (request.method === 'POST' && path === '/v1/checkout/sessions') {
      const form = parseStripeForm(await readBody(request));
      created.push(form);
      send(response, 200, createSession(form));
      return;
    }
    const found = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (request.method === 'GET' && found) {
      const session = sessions.get(decodeURIComponent(found[1]!));
      if (session) send(response, 200, session);
      else send(response, 404, stripeError('invalid_request_error', 'No such checkout.session'));
      return;
    }
    send(
      response,
      404,
      stripeError('invalid_request_error', `Unrecognized request URL (${path}).`),
    );
  }

  function createSession(form: Record<string, unknown>): StandInSession {
    const items = (form.line_items ?? []) as {
      quantity?: string;
      price_data?: { currency?: string; unit_amount?: string };
    }[];
    const amount = items.reduce(
      (sum, item) => sum + Number(item.price_data?.unit_amount ?? 0) * Number(item.quantity ?? 1),
      0,
    );
    const id = `cs_test_${randomBytes(24).toString('hex')}`;
    const now = seconds();
    const session: StandInSession = {
      id,
      object: 'checkout.session',
      mode: text(form.mode) ?? 'payment',
      status: 'open',
      payment_status: 'unpaid',
      amount_subtotal: amount,
      amount_total: amount,
      currency: String(items[0]?.price_data?.currency ?? '').toLowerCase(),
      customer_email: text(form.customer_email),
      client_reference_id: text(form.client_reference_id),
      metadata: (form.metadata ?? {}) as Record<string, string>,
      success_url: text(form.success_url) ?? '',
      cancel_url: text(form.cancel_url) ?? '',
      url: `${origin}/c/pay/${id}`,
      created: now,
      expires_at: now + 24 * 60 * 60,
      livemode: false,
      payment_intent: null,
    };
    sessions.set(id, session);
    return session;
  }

  /**
   * Stripe's hosted payment page, for a browser: "Pay" completes the session (the hub
   * hears it by webhook first, as from Stripe) and sends the buyer to the success address
   * with `{CHECKOUT_SESSION_ID}` filled in; "Cancel" goes back to the cancel address.
   */
  async function paymentPage(
    request: IncomingMessage,
    response: ServerResponse,
    sessionId: string,
    action: string | undefined,
  ): Promise<void> {
    const session = sessions.get(sessionId);
    if (!session || session.status !== 'open') {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><title>Stripe stand-in</title><p>This payment page has expired.',
      );
      return;
    }
    if (request.method === 'POST' && action === '/pay') {
      await pay(session);
      redirect(response, session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id));
      return;
    }
    if (request.method === 'POST' && action === '/cancel') {
      redirect(response, session.cancel_url);
      return;
    }
    const amount = formatMoney({
      amountMinor: session.amount_total,
      currency: session.currency.toUpperCase(),
    });
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><title>Pay with card (Stripe stand-in)</title>
<main><h1>Pay ${amount}</h1><p>${session.customer_email ?? ''}</p>
<form method="post" action="/c/pay/${session.id}/pay"><button>Pay</button></form>
<form method="post" action="/c/pay/${session.id}/cancel"><button>Cancel</button></form></main></html>`);
  }

  async function pay(session: StandInSession): Promise<WebhookDelivery> {
    Object.assign(session, {
      status: 'complete',
      payment_status: 'paid',
      url: null,
      payment_intent: `pi_test_${randomBytes(12).toString('hex')}`,
    });
    return sendEvent('checkout.session.completed', session);
  }

  async function deliver(payload: string, signature: string): Promise<WebhookDelivery> {
    const answered = await fetch(options.webhookUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', 'stripe-signature': signature },
      body: payload,
    });
    return { status: answered.status, body: await answered.text(), payload, signature };
  }

  async function sendEvent(type: string, session: StandInSession): Promise<WebhookDelivery> {
    const event = {
      id: `evt_test_${randomBytes(12).toString('hex')}`,
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: seconds(),
      type,
      data: { object: session },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    };
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: options.webhookSecret,
      timestamp: seconds(),
    });
    return deliver(payload, signature);
  }

  function open(sessionId: string): StandInSession {
    const session = sessions.get(sessionId);
    if (!session || session.status !== 'open') {
      throw new Error(`No open Checkout Session ${sessionId} at the stand-in`);
    }
    return session;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    sessions,
    created,
    complete: (sessionId) => pay(open(sessionId)),
    async expire(sessionId) {
      const session = open(sessionId);
      Object.assign(session, { status: 'expired', url: null });
      return sendEvent('checkout.session.expired', session);
    },
    deliver,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A form field sent as a plain value; null when absent. */
function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location });
  response.end();
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_test' });
  response.end(JSON.stringify(body));
}

function stripeError(type: string, message: string) {
  return { error: { type, message } };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Stripe's form encoding as the SDK writes it: `line_items[0][price_data][currency]=eur`,
 * brackets nesting objects, numeric keys making arrays.
 */
export function parseStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const [head, ...rest] = key.split('[');
    const parts = [head!, ...rest.map((part) => part.replace(/]$/, ''))];
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const slot = Array.isArray(node) ? Number(part) : part;
      const holder = node as Record<string | number, unknown>;
      if (last) {
        holder[slot] = value;
        return;
      }
      holder[slot] ??= /^\d+$/.test(parts[index + 1]!) ? [] : {};
      node = holder[slot] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}
