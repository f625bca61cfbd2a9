import Stripe from 'stripe';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { auditRow } from '../audit.ts';
import { HubRefusal } from '../errors.ts';
import type { SecretBox } from '../mail/secret-box.ts';
import type { ChangeNotifier } from '../../store/change-notices.ts';
import { stripeAccount } from './settings.ts';
import { inTransaction } from '../../store/transactions.ts';

/**
 * Card payments through the brand's own Stripe account, with Stripe Checkout: the hub
 * makes a Checkout Session for an order's total and the buyer pays on Stripe's page (so
 * the buyer pages load nothing from Stripe); Stripe then tells the hub through the
 * signed webhook, which alone marks the order paid. What the buyer's browser says on
 * its way back proves nothing.
 */

/** Stripe's API, unless `--stripe-api` points the hub elsewhere (tests: a local stand-in). */
export const STRIPE_API = 'https://api.stripe.com';

export interface CardPaymentDependencies {
  db: StoreDb;
  secrets: SecretBox;
  /** Where Stripe's API is reached: its origin (STRIPE_API by default). */
  stripeApi: URL;
  clock: () => Date;
  changes: ChangeNotifier;
}

/** The SDK for the brand's key, talking to the API the hub was pointed at. */
function stripeClient(secretKey: string, api: URL): Stripe {
  const protocol = api.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(secretKey, {
    host: api.hostname,
    port: api.port === '' ? (protocol === 'http' ? 80 : 443) : Number(api.port),
    protocol,
    // One attempt: the buyer waits on this; a retry is the buyer's next click.
    maxNetworkRetries: 0,
    timeout: 20_000,
    telemetry: false,
  });
}

export interface CardPaymentRequest {
  readonly orderId: string;
  /** Where Stripe sends the buyer after paying, and after giving up (absolute addresses). */
  readonly successUrl: string;
  readonly cancelUrl: string;
}

export interface StartedCardPayment {
  /** The Checkout Session's id (`cs_…`), kept on the order as its payment reference. */
  readonly sessionId: string;
  /** Stripe's payment page, where the buyer goes next. */
  readonly url: string;
}

/**
 * Starts the card payment of an order placed with "Stripe Credit Card Payment" whose
 * payment is pending (or failed: the buyer tries again): a Checkout Session for the
 * order's total in its currency, one line named by the order number, the buyer's email,
 * and the order's id in its metadata. A session still open is answered again rather
 * than a second one made. The session's id is written on the order in one guarded write
 * (an order paid meanwhile is refused, nothing written).
 */
export async function startCardPayment(
  deps: CardPaymentDependencies,
  request: CardPaymentRequest,
): Promise<StartedCardPayment> {
  const account = await stripeAccount(deps.db, deps.secrets);
  if (!account?.enabled) {
    throw new HubRefusal(
      409,
      'payment_method_not_offered',
      'The brand does not take card payments now. Nothing was charged.',
      { params: { method: 'stripe_card' } },
    );
  }
  const hub = hubDb(deps.db);
  const order = await hub
    .selectFrom('orders')
    .select([
      'id',
      'number',
      'currency',
      'total_minor',
      'contact_email',
      'payment_method',
      'payment_status',
      'payment_reference',
    ])
    .where('id', '=', request.orderId)
    .executeTakeFirst();
  if (!order) throw new HubRefusal(404, 'not_found', 'This order does not exist.');
  if (order.payment_method !== 'stripe_card' || order.payment_status === 'none') {
    throw new HubRefusal(409, 'conflict', 'This order is not paid by card.');
  }
  if (order.payment_status === 'paid') {
    throw new HubRefusal(409, 'conflict', 'This order is paid already.');
  }
  const stripe = stripeClient(account.secretKey, deps.stripeApi);
  const session = await callStripe(async () => {
    if (order.payment_status === 'pending' && order.payment_reference) {
      const open = await stripe.checkout.sessions.retrieve(order.payment_reference);
      if (open.status === 'open' && open.url) return open;
    }
    return stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: order.currency.toLowerCase(),
            unit_amount: order.total_minor,
            product_data: { name: `Order ${order.number ?? order.id}` },
          },
        },
      ],
      ...(order.contact_email ? { customer_email: order.contact_email } : {}),
      client_reference_id: order.id,
      metadata: { order_id: order.id },
      payment_intent_data: { metadata: { order_id: order.id } },
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
    });
  });
  if (!session.url) {
    throw new HubRefusal(503, 'unavailable', 'Stripe answered no payment page. Try again.');
  }
  // Guarded by the session read too: had another start replaced it meanwhile, the webhook
  // of the page that start answered must still find its order.
  const written = await hub
    .updateTable('orders')
    .set({ payment_reference: session.id, payment_status: 'pending' })
    .where('id', '=', order.id)
    .where('payment_status', 'in', ['pending', 'failed'])
    .where((eb) =>
      order.payment_reference === null
        ? eb('payment_reference', 'is', null)
        : eb('payment_reference', '=', order.payment_reference),
    )
    .executeTakeFirst();
  if (Number(written.numUpdatedRows) === 0) {
    throw new HubRefusal(
      409,
      'conflict',
      'This card payment was started or paid meanwhile. Nothing was charged here.',
    );
  }
  if (order.payment_status === 'failed') deps.changes.notify();
  return { sessionId: session.id, url: session.url };
}

/** Stripe's own refusals and a Stripe out of reach, as the hub's: nothing was charged. */
async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      throw new HubRefusal(
        503,
        'unavailable',
        `Stripe did not start the card payment (${error.type}: ${error.message}). Nothing was charged.`,
      );
    }
    throw error;
  }
}

/** What the webhook did with an event, for its answer and the tests. */
export type WebhookOutcome = 'paid' | 'failed' | 'unchanged' | 'ignored';

/**
 * Stripe's event about a Checkout Session, checked against the brand's signing secret
 * with the raw body as it came (a bad or missing signature is refused, nothing read).
 * `checkout.session.completed` with the session paid (or its later async success) marks
 * the order paid, `checkout.session.expired` or an async failure marks a pending payment
 * failed: each one guarded write with its audit row, so a replayed event changes nothing
 * twice. The order is the one the session was made for (its payment reference); the
 * amount and currency must be the order's.
 */
export async function handleStripeWebhook(
  deps: CardPaymentDependencies,
  rawBody: Buffer,
  signature: string | undefined,
): Promise<WebhookOutcome> {
  const account = await stripeAccount(deps.db, deps.secrets);
  if (!account) {
    throw new HubRefusal(400, 'invalid_input', 'No Stripe signing secret is set on this hub.');
  }
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      rawBody,
      signature ?? '',
      account.webhookSecret,
      undefined,
      undefined,
      deps.clock().getTime(),
    );
  } catch {
    throw new HubRefusal(400, 'invalid_input', 'The Stripe signature does not match this body.');
  }
  let outcome: WebhookOutcome;
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
      outcome =
        event.data.object.payment_status === 'paid'
          ? await markPaid(deps, event, event.data.object)
          : 'ignored';
      break;
    case 'checkout.session.expired':
    case 'checkout.session.async_payment_failed':
      outcome = await markFailed(deps, event, event.data.object);
      break;
    default:
      outcome = 'ignored';
  }
  if (outcome === 'paid' || outcome === 'failed') deps.changes.notify();
  return outcome;
}

async function markPaid(
  deps: CardPaymentDependencies,
  event: Stripe.Event,
  session: Stripe.Checkout.Session,
): Promise<WebhookOutcome> {
  const at = deps.clock().toISOString();
  return inTransaction(deps.db, async (trx) => {
    const hub = hubDb(trx);
    const order = await hub
      .selectFrom('orders')
      .select(['id', 'currency', 'total_minor', 'payment_status'])
      .where('payment_reference', '=', session.id)
      .executeTakeFirst();
    if (!order || order.payment_status === 'paid') return 'unchanged';
    const details = {
      sessionId: session.id,
      eventId: event.id,
      amountTotal: session.amount_total,
      currency: session.currency,
    };
    if (
      session.amount_total !== order.total_minor ||
      session.currency !== order.currency.toLowerCase()
    ) {
      // Not this order's amount: a person looks into it, the order stays unpaid.
      await hub
        .insertInto('audit_log')
        .values(paymentAudit(at, order.id, 'order.paymentMismatch', details))
        .execute();
      return 'unchanged';
    }
    const moved = await hub
      .updateTable('orders')
      .set({ payment_status: 'paid', paid_at: at })
      .where('id', '=', order.id)
      .where('payment_reference', '=', session.id)
      .where('payment_status', '!=', 'paid')
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 0) return 'unchanged';
    await hub
      .insertInto('audit_log')
      .values(paymentAudit(at, order.id, 'order.paid', details))
      .execute();
    return 'paid';
  });
}

async function markFailed(
  deps: CardPaymentDependencies,
  event: Stripe.Event,
  session: Stripe.Checkout.Session,
): Promise<WebhookOutcome> {
  const at = deps.clock().toISOString();
  return inTransaction(deps.db, async (trx) => {
    const hub = hubDb(trx);
    const moved = await hub
      .updateTable('orders')
      .set({ payment_status: 'failed' })
      .where('payment_reference', '=', session.id)
      .where('payment_status', '=', 'pending')
      .returning('id')
      .executeTakeFirst();
    if (!moved) return 'unchanged';
    const details = { sessionId: session.id, eventId: event.id, eventType: event.type };
    await hub
      .insertInto('audit_log')
      .values(paymentAudit(at, moved.id, 'order.paymentFailed', details))
      .execute();
    return 'failed';
  });
}

/** Stripe's word about an order's payment, for API Logs: the system acting, never a key. */
function paymentAudit(
  at: string,
  orderId: string,
  action: string,
  details: Record<string, unknown>,
) {
  return auditRow({ at, actor: { kind: 'system' }, action, subject: `order:${orderId}`, details });
}
