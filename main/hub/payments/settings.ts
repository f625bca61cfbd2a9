import type { z } from 'zod';
import {
  STRIPE_WEBHOOK_PATH,
  stripeKeyMode,
  stripeSettingsProblems,
  STRIPE_SETTINGS_FIELDS,
} from '../../domain/stripe-card.ts';
import type { StripeSettings, StripeSettingsInput } from '../../../preload/contract/index.ts';
import { hubDb, type StoreDb } from '../../store/database.ts';
import { auditSettingChange } from '../audit.ts';
import type { AuthenticatedDevice } from '../auth/accounts.ts';
import { HubRefusal } from '../errors.ts';
import type { SecretBox } from '../mail/secret-box.ts';
import { inTransaction } from '../../store/transactions.ts';

/**
 * The Stripe Credit Card Payment add-on as admins set it. The switch is the brand's
 * synced setting (brand_settings.stripe_card_enabled: desktops offer the card offline);
 * the keys are the hub's alone, sealed before they are stored and opened only to call
 * Stripe or check a webhook's signature. What admins read back says only which are set.
 */

export async function readStripeSettings(db: StoreDb): Promise<StripeSettings> {
  const hub = hubDb(db);
  const [brand, keys] = await Promise.all([
    hub.selectFrom('brand_settings').select('stripe_card_enabled').executeTakeFirst(),
    hub.selectFrom('stripe_settings').select(['mode', 'updated_at']).executeTakeFirst(),
  ]);
  return {
    enabled: brand?.stripe_card_enabled === 1,
    mode: keys?.mode ?? null,
    secretKeySet: keys !== undefined,
    webhookSecretSet: keys !== undefined,
    webhookPath: STRIPE_WEBHOOK_PATH,
    updatedAt: keys?.updated_at ?? null,
  };
}

/**
 * Switches the add-on and sets the keys given (an empty one keeps the one set), in one
 * transaction: judged again here by the domain's rule, so a switch never goes on
 * without both secrets. Audited without the secrets; desktops learn the switch by sync.
 */
export async function saveStripeSettings(
  db: StoreDb,
  secrets: SecretBox,
  admin: AuthenticatedDevice,
  input: z.output<typeof StripeSettingsInput>,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const hub = hubDb(trx);
    const before = await hub.selectFrom('stripe_settings').selectAll().executeTakeFirst();
    const saved = { secretKeySet: before !== undefined, webhookSecretSet: before !== undefined };
    const problems = stripeSettingsProblems(input, saved);
    const issues = STRIPE_SETTINGS_FIELDS.flatMap((field) => {
      const problem = problems[field];
      return problem ? [{ path: field, code: problem.code, params: problem.params }] : [];
    });
    // A first save needs both secrets, even with the add-on off: a row holds both.
    if (!before) {
      for (const field of STRIPE_SETTINGS_FIELDS) {
        if ((input[field] ?? '') === '' && !issues.some((issue) => issue.path === field)) {
          issues.push({ path: field, code: 'stripe_key_required', params: {} });
        }
      }
    }
    if (issues.length > 0) {
      throw new HubRefusal(
        400,
        'invalid_input',
        `Check ${issues.map((issue) => issue.path).join(', ')}. Nothing was saved.`,
        { issues },
      );
    }
    const secretKey = input.secretKey ?? '';
    const webhookSecret = input.webhookSecret ?? '';
    const at = now.toISOString();
    const values = {
      mode: secretKey !== '' ? stripeKeyMode(secretKey)! : before!.mode,
      secret_key_sealed:
        secretKey !== '' ? secrets.seal(secretKey, 'stripe secret key') : before!.secret_key_sealed,
      webhook_secret_sealed:
        webhookSecret !== ''
          ? secrets.seal(webhookSecret, 'stripe webhook secret')
          : before!.webhook_secret_sealed,
      updated_at: at,
      updated_by: admin.userId,
    };
    await hub
      .insertInto('stripe_settings')
      .values({ id: 1, ...values })
      .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
      .execute();
    await hub
      .updateTable('brand_settings')
      .set({ stripe_card_enabled: input.enabled ? 1 : 0, updated_at: at })
      .execute();
    await auditSettingChange(trx, admin, now, {
      action: 'brand.stripe_changed',
      subject: 'brand:stripe',
      details: {
        enabled: input.enabled,
        mode: values.mode,
        secretKeyChanged: secretKey !== '',
        webhookSecretChanged: webhookSecret !== '',
      },
    });
  });
}

/** Switches the add-on off and forgets the keys. */
export async function clearStripeSettings(
  db: StoreDb,
  admin: AuthenticatedDevice,
  now: Date,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const hub = hubDb(trx);
    const deleted = await hub.deleteFrom('stripe_settings').executeTakeFirst();
    const switched = await hub
      .updateTable('brand_settings')
      .set({ stripe_card_enabled: 0, updated_at: now.toISOString() })
      .where('stripe_card_enabled', '=', 1)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) + Number(switched.numUpdatedRows) === 0) return;
    await auditSettingChange(trx, admin, now, {
      action: 'brand.stripe_cleared',
      subject: 'brand:stripe',
    });
  });
}

/**
 * The brand's Stripe account as the hub uses it, keys opened; null while no keys are set
 * (or they were sealed under a key file since replaced: as good as none until an admin
 * sets them again). `enabled` is the add-on's switch: a payment starts only while it is
 * on, but a webhook for one already started is still heard after it went off.
 */
export interface StripeAccount {
  readonly enabled: boolean;
  readonly secretKey: string;
  readonly webhookSecret: string;
}

export async function stripeAccount(
  db: StoreDb,
  secrets: SecretBox,
): Promise<StripeAccount | null> {
  const hub = hubDb(db);
  const [brand, row] = await Promise.all([
    hub.selectFrom('brand_settings').select('stripe_card_enabled').executeTakeFirst(),
    hub
      .selectFrom('stripe_settings')
      .select(['secret_key_sealed', 'webhook_secret_sealed'])
      .executeTakeFirst(),
  ]);
  if (!row) return null;
  const secretKey = secrets.open(row.secret_key_sealed, 'stripe secret key');
  const webhookSecret = secrets.open(row.webhook_secret_sealed, 'stripe webhook secret');
  if (secretKey === null || webhookSecret === null) return null;
  return { enabled: brand?.stripe_card_enabled === 1, secretKey, webhookSecret };
}
