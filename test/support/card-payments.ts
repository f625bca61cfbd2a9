import { join } from 'node:path';
import { SecretBox } from '../../main/hub/mail/secret-box.ts';
import { saveStripeSettings } from '../../main/hub/payments/settings.ts';
import { MAIL_KEY_FILE } from '../../main/hub/start.ts';
import { hubDb, type StoreDb } from '../../main/store/database.ts';
import { startStripeStandIn, type StripeStandIn } from './stripe-stand-in.ts';

const STRIPE_KEY = `sk_test_${'4eC39HqLyjWDarjtT1zdp7dc'}`;
const STRIPE_WEBHOOK_SECRET = 'whsec_standInSigningSecret0123456789';

/**
 * A brand that takes cards, for a hub about to start on `dataDir`: the local Stripe
 * stand-in answers Stripe's API (start the hub with `--stripe-api <stand-in's url>`), and
 * the brand's admin has switched "Stripe Credit Card Payment" on with the stand-in's keys.
 */
export async function takeCardsThroughStandIn(
  db: StoreDb,
  dataDir: string,
  hubUrl: () => string,
): Promise<StripeStandIn> {
  const stripe = await startStripeStandIn({
    secretKey: STRIPE_KEY,
    webhookSecret: STRIPE_WEBHOOK_SECRET,
    webhookUrl: () => `${hubUrl()}/api/payments/stripe/webhook`,
  });
  const admin = await hubDb(db)
    .selectFrom('staff_users')
    .select(['id', 'email', 'name'])
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  await saveStripeSettings(
    db,
    SecretBox.fromKeyFile(join(dataDir, MAIL_KEY_FILE)),
    { id: 'e2e-setup', userId: admin.id, role: 'admin', user: { ...admin, role: 'admin' } },
    { enabled: true, secretKey: STRIPE_KEY, webhookSecret: STRIPE_WEBHOOK_SECRET },
    new Date(),
  );
  return stripe;
}
