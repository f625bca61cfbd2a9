import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STRIPE_SETTINGS_FIELDS,
  STRIPE_WEBHOOK_PATH,
  stripeSettingsProblems,
  type StripeSettingsField,
} from '../../../main/domain/stripe-card.ts';
import { StripeSettingsInput, type StripeSettings } from '../../../preload/contract/index.ts';
import { codedIssueWords, errorMessage, problemOf, trunkshow } from '../api.ts';
import { useOperation } from '../hooks/useOperation.ts';
import {
  SettingsFormFooter,
  TextField,
  type SettingsNotice,
  SettingsCard,
} from './SettingsFormParts.tsx';

/**
 * "Payment Feature" › "Stripe Credit Card Payment (Paid Feature)": the add-on that lets
 * buyers pay by card through the brand's own Stripe account. The keys are typed here and
 * sent once to the hub, which keeps them sealed; they are never shown again.
 */
export function StripeSettingsCard() {
  const { t } = useTranslation();
  const settings = useOperation('payments.stripeSettings', {});
  const address = useOperation('brand.publicAddress', {});
  return (
    <section className="settings__group" aria-labelledby="payment-feature-title">
      <h3 id="payment-feature-title">{t('settings.stripe.group')}</h3>
      {settings.problem ? (
        <SettingsCard title={t('settings.stripe.title')} heading="h4" problem={settings.problem} />
      ) : settings.data ? (
        <StripeSettingsForm
          saved={settings.data}
          onSaved={settings.setData}
          publicUrl={address.data?.publicUrl ?? null}
        />
      ) : null}
    </section>
  );
}

type Errors = Partial<Record<StripeSettingsField, string>>;

function StripeSettingsForm({
  saved,
  onSaved,
  publicUrl,
}: {
  saved: StripeSettings;
  onSaved: (settings: StripeSettings) => void;
  publicUrl: string | null;
}) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(saved.enabled);
  const [secretKey, setSecretKey] = useState('');
  const [webhookSecret, setWebhookSecret] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  const [busy, setBusy] = useState(false);
  const words = (code: string) => t(`settings.stripe.problems.${code}`);

  const save = async () => {
    const typed = { enabled, secretKey: secretKey.trim(), webhookSecret: webhookSecret.trim() };
    const found: Errors = {};
    for (const [field, problem] of Object.entries(stripeSettingsProblems(typed, saved))) {
      found[field as StripeSettingsField] = words(problem.code);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setNotice(null);
      return;
    }
    // Keys the domain's rule accepts fit the contract's bounds.
    const input = StripeSettingsInput.parse(typed);
    setBusy(true);
    try {
      onSaved(await trunkshow().invoke('payments.saveStripeSettings', input));
      setSecretKey('');
      setWebhookSecret('');
      setNotice({ kind: 'info', text: t('settings.stripe.saved') });
    } catch (failure) {
      const atFields = codedIssueWords(failure, words);
      setErrors(
        Object.fromEntries(
          STRIPE_SETTINGS_FIELDS.flatMap((field) =>
            atFields[field] ? [[field, atFields[field]]] : [],
          ),
        ),
      );
      setNotice(
        Object.keys(atFields).length > 0
          ? null
          : { kind: 'error', text: problemOf(failure, t('unexpected')).message },
      );
    } finally {
      setBusy(false);
    }
  };

  const clear = async () => {
    setBusy(true);
    try {
      const next = await trunkshow().invoke('payments.clearStripeSettings', {});
      onSaved(next);
      setEnabled(next.enabled);
      setSecretKey('');
      setWebhookSecret('');
      setErrors({});
      setNotice({ kind: 'info', text: t('settings.stripe.cleared') });
    } catch (failure) {
      setNotice({ kind: 'error', text: errorMessage(failure, t('unexpected')) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <SettingsCard
      title={t('settings.stripe.title')}
      heading="h4"
      lead={t('settings.stripe.lead')}
      busy={busy}
      onSubmit={() => void save()}
    >
      {saved.mode ? (
        <p className="settings__hint-line" role="status">
          {t(`settings.stripe.mode.${saved.mode}`)}
        </p>
      ) : null}
      <label className="settings__check">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => setEnabled(event.target.checked)}
        />
        {t('settings.stripe.enabled')}
      </label>
      <TextField
        label={t('settings.stripe.secretKey')}
        error={errors.secretKey}
        hint={
          saved.secretKeySet
            ? t('settings.stripe.secretKeySet')
            : t('settings.stripe.secretKeyHint')
        }
        value={secretKey}
        onChange={setSecretKey}
        input={{
          type: 'password',
          autoComplete: 'new-password',
          placeholder: saved.secretKeySet ? '••••••••' : 'sk_live_…',
        }}
      />
      <TextField
        label={t('settings.stripe.webhookSecret')}
        error={errors.webhookSecret}
        hint={
          saved.webhookSecretSet
            ? t('settings.stripe.webhookSecretSet')
            : publicUrl
              ? t('settings.stripe.webhookSecretHint', {
                  address: `${publicUrl}${STRIPE_WEBHOOK_PATH}`,
                })
              : t('settings.stripe.webhookSecretHintNoAddress', { path: STRIPE_WEBHOOK_PATH })
        }
        value={webhookSecret}
        onChange={setWebhookSecret}
        input={{
          type: 'password',
          autoComplete: 'new-password',
          placeholder: saved.webhookSecretSet ? '••••••••' : 'whsec_…',
        }}
      />
      <SettingsFormFooter
        notice={notice}
        busy={busy}
        saveLabel={t('settings.stripe.save')}
        clear={saved.secretKeySet ? { label: t('settings.stripe.clear'), run: clear } : null}
      />
    </SettingsCard>
  );
}
