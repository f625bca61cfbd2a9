import { paymentMethodsOffered, type PaymentMethod } from '../domain/order-states.ts';
import type { StripeSettings, StripeSettingsInput } from '../../preload/contract/index.ts';
import type { StoreDb } from '../store/database.ts';
import { askHub } from './mail.ts';
import type { DesktopSession } from './session.ts';

/**
 * What the catalog and link forms offer: "Stripe Credit Card Payment" only while the
 * brand's add-on is on, as this desktop last synced it (so offline too).
 */
export async function choosablePaymentMethods(db: StoreDb): Promise<PaymentMethod[]> {
  const brand = await db
    .selectFrom('brand_settings')
    .select('stripe_card_enabled')
    .executeTakeFirst();
  return paymentMethodsOffered({
    stripeCardEnabled: brand?.stripe_card_enabled === 1,
    cardFlow: true,
  });
}

/**
 * The Stripe Credit Card Payment add-on's settings, which only the hub keeps (the keys
 * never come to a desktop): online only. The switch itself reaches every desktop by sync.
 */
export const stripeSettings = (session: DesktopSession): Promise<StripeSettings> =>
  askHub(session, 'Seeing the Stripe settings', (client, token) => client.stripeSettings(token));

export const saveStripeSettings = (
  session: DesktopSession,
  settings: StripeSettingsInput,
): Promise<StripeSettings> =>
  askHub(session, 'Saving the Stripe settings', (client, token) =>
    client.saveStripeSettings(token, settings),
  );

export const clearStripeSettings = (session: DesktopSession): Promise<StripeSettings> =>
  askHub(session, 'Removing the Stripe settings', (client, token) =>
    client.clearStripeSettings(token),
  );
