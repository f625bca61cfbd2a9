import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STRIPE_WEBHOOK_PATH } from '../../domain/stripe-card.ts';
import { StripeSettings, StripeSettingsInput } from '../../../preload/contract/index.ts';
import { HubErrorBody } from '../../../preload/contract/hub-errors.ts';
import { requirePermission, type AuthenticatedDevice } from '../auth/accounts.ts';
import { clearStripeSettings, readStripeSettings, saveStripeSettings } from './settings.ts';
import { handleStripeWebhook, type CardPaymentDependencies } from './stripe.ts';

const errors = { 400: HubErrorBody, 401: HubErrorBody, 403: HubErrorBody, 426: HubErrorBody };
const DOING = 'set up Stripe Credit Card Payment';

/**
 * The Stripe add-on's routes: admins' settings (each checks the device and the
 * permission, then calls one service) and Stripe's webhook, which carries no device but
 * Stripe's signature over the raw body.
 */
export function registerPaymentRoutes(
  app: FastifyInstance,
  deps: CardPaymentDependencies,
  device: (request: FastifyRequest) => Promise<AuthenticatedDevice>,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, secrets } = deps;

  async function admin(request: FastifyRequest): Promise<AuthenticatedDevice> {
    const asker = await device(request);
    requirePermission(asker, 'configurePayments', DOING);
    return asker;
  }

  api.get(
    '/api/payments/stripe/settings',
    {
      schema: {
        summary:
          'Whether Stripe Credit Card Payment is on and which keys are set, never a key (admins)',
        tags: ['payments'],
        response: { 200: StripeSettings, ...errors },
      },
    },
    async (request) => {
      await admin(request);
      return readStripeSettings(db);
    },
  );

  api.put(
    '/api/payments/stripe/settings',
    {
      schema: {
        summary:
          "Switch Stripe Credit Card Payment and set the brand's keys, stored sealed (admins)",
        tags: ['payments'],
        body: StripeSettingsInput,
        response: { 200: StripeSettings, ...errors },
      },
    },
    async (request) => {
      await saveStripeSettings(db, secrets, await admin(request), request.body, clock());
      deps.changes.notify();
      return readStripeSettings(db);
    },
  );

  api.delete(
    '/api/payments/stripe/settings',
    {
      schema: {
        summary: "Switch Stripe Credit Card Payment off and forget the brand's keys (admins)",
        tags: ['payments'],
        response: { 200: StripeSettings, ...errors },
      },
    },
    async (request) => {
      await clearStripeSettings(db, await admin(request), clock());
      deps.changes.notify();
      return readStripeSettings(db);
    },
  );

  // Its own scope: the signature is over the bytes Stripe sent, so this route alone
  // takes its JSON body unparsed.
  void app.register((scope, _options, done) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer' },
      (_request, body, parsed) => parsed(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      STRIPE_WEBHOOK_PATH,
      {
        schema: {
          summary: "Stripe's events about card payments, signed with the brand's webhook secret",
          tags: ['payments'],
          response: { 200: z.object({ received: z.literal(true) }), 400: HubErrorBody },
        },
      },
      async (request) => {
        const signature = request.headers['stripe-signature'];
        await handleStripeWebhook(
          deps,
          request.body as Buffer,
          typeof signature === 'string' ? signature : undefined,
        );
        return { received: true as const };
      },
    );
    done();
  });
}
