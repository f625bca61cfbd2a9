import { z } from 'zod';
import type { PaymentMethod } from '../../main/domain/order-states.ts';
import { STRIPE_KEY_MODES } from '../../main/domain/stripe-card.ts';
import { operation } from './operation.ts';

/**
 * The Stripe Credit Card Payment add-on, as admins configure it. The same shapes travel
 * from the hub to the desktop (main/sync/hub-client.ts) and on to the renderer. The
 * secret key and the webhook signing secret go in only: no answer carries them.
 * Their formats are the domain's (stripeSettingsProblems), judged at the fields.
 */
export const StripeSettingsInput = z.strictObject({
  /** Offer "Stripe Credit Card Payment" in catalogs and customer order links. */
  enabled: z.boolean(),
  /** Omitted or empty: keep the key already set. */
  secretKey: z.string().trim().max(256).optional(),
  /** Omitted or empty: keep the signing secret already set. */
  webhookSecret: z.string().trim().max(256).optional(),
});
export type StripeSettingsInput = z.infer<typeof StripeSettingsInput>;

export const StripeSettings = z.object({
  enabled: z.boolean(),
  /** The secret key's mode (test or live); null while no key is set. */
  mode: z.enum(STRIPE_KEY_MODES).nullable(),
  secretKeySet: z.boolean(),
  webhookSecretSet: z.boolean(),
  /** The path of the hub's webhook, to register in Stripe under the hub's public address. */
  webhookPath: z.string(),
  updatedAt: z.string().nullable(),
});
export type StripeSettings = z.infer<typeof StripeSettings>;

export const paymentOperations = {
  'payments.choosable': operation<PaymentMethod[]>()({
    input: z.strictObject({}),
    summary:
      'The payment methods catalogs and links may offer: the card while the add-on is on (offline too)',
  }),
  'payments.stripeSettings': operation<StripeSettings>()({
    input: z.strictObject({}),
    summary: 'The Stripe Credit Card Payment add-on: on or off, which keys are set (admins)',
  }),
  'payments.saveStripeSettings': operation<StripeSettings>()({
    input: StripeSettingsInput,
    summary: "Switch the Stripe add-on and set the brand's Stripe keys, kept on the hub (admins)",
  }),
  'payments.clearStripeSettings': operation<StripeSettings>()({
    input: z.strictObject({}),
    summary: "Switch the Stripe add-on off and forget the brand's Stripe keys (admins)",
  }),
};
