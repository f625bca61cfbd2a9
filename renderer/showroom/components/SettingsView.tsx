import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicAddress, ShareLinkSettings } from '../../../preload/contract/index.ts';
import { parsePublicAddress, PUBLIC_ADDRESS_MAX_LENGTH } from '../../../main/domain/hub-address.ts';
import { parseExpiryDays } from '../../../main/domain/share-links.ts';
import { errorMessage, problemOf, trunkshow } from '../api.ts';
import { Dialog } from './Dialog.tsx';
import { ChoiceGroup, Field } from '../../ui/Field.tsx';
import { useOperation } from '../hooks/useOperation.ts';
import { useCan } from '../hooks/useCan.ts';
import { EmailSettingsCard } from './EmailSettingsCard.tsx';
import { ShippingSettingsCard } from './ShippingSettingsCard.tsx';
import { StripeSettingsCard } from './StripeSettingsCard.tsx';
import { DtcSettingsGroup } from './DtcSettingsGroup.tsx';
import './SettingsView.css';
import { SettingsCard } from './SettingsFormParts.tsx';

/** The brand's settings an admin changes: where buyers reach the hub, share links, email, payments. */
export function SettingsView() {
  const { t } = useTranslation();
  const { data: saved, problem, setData: setSaved } = useOperation('brand.shareLinkSettings', {});
  const address = useOperation('brand.publicAddress', {});
  const mayConfigureMail = useCan('configureMail');
  const mayConfigureShipping = useCan('configureShipping');
  const mayConfigurePayments = useCan('configurePayments');
  const mayConfigureDtc = useCan('configureDtc');

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      {address.data ? <PublicAddressForm saved={address.data} onSaved={address.setData} /> : null}
      {saved ? <ShareLinkSettingsForm saved={saved} onSaved={setSaved} /> : <p>{t('loading')}</p>}
      {mayConfigureShipping ? <ShippingSettingsCard /> : null}
      {mayConfigureMail ? <EmailSettingsCard /> : null}
      {mayConfigurePayments ? <StripeSettingsCard /> : null}
      {mayConfigureDtc ? <DtcSettingsGroup /> : null}
    </section>
  );
}

/** "Public address": the address every link, QR code and email carries. */
function PublicAddressForm({
  saved,
  onSaved,
}: {
  saved: PublicAddress;
  onSaved: (address: PublicAddress) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(saved.publicUrl ?? '');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);

  const save = async () => {
    const parsed = text.trim() === '' ? null : parsePublicAddress(text);
    if (parsed && !parsed.ok) {
      setError(
        t(`settings.publicAddress.problems.${parsed.problem}`, { max: PUBLIC_ADDRESS_MAX_LENGTH }),
      );
      return;
    }
    setError(undefined);
    try {
      const next = await trunkshow().invoke('brand.updatePublicAddress', { publicUrl: text });
      onSaved(next);
      setText(next.publicUrl ?? '');
      setNotice(t('settings.saved'));
    } catch (failure) {
      setNotice(errorMessage(failure, t('unexpected')));
    }
  };

  return (
    <SettingsCard title={t('settings.publicAddress.title')} onSubmit={() => void save()}>
      <Field
        label={t('settings.publicAddress.label')}
        error={error}
        hint={t('settings.publicAddress.hint')}
      >
        {(control) => (
          <input
            {...control}
            className="field__control"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://showroom.brand.com"
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </Field>
      {notice ? (
        <p className="notice notice--info" role="status">
          {notice}
        </p>
      ) : null}
      <div className="settings__actions">
        <button type="submit" className="button button--primary">
          {t('settings.publicAddress.save')}
        </button>
      </div>
    </SettingsCard>
  );
}

function ShareLinkSettingsForm({
  saved,
  onSaved,
}: {
  saved: ShareLinkSettings;
  onSaved: (settings: ShareLinkSettings) => void;
}) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(saved.enabled);
  const [days, setDays] = useState(String(saved.expiryDays));
  const [prepayment, setPrepayment] = useState(saved.prepaymentCheckout);
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | null>(null);
  const [terminating, setTerminating] = useState(false);

  const save = async () => {
    const parsed = parseExpiryDays(days);
    if (enabled && !parsed.ok) {
      setError(parsed.reason);
      return;
    }
    setError(undefined);
    try {
      const next = await trunkshow().invoke('brand.updateShareLinkSettings', {
        enabled,
        expiryDays: parsed.ok ? parsed.days : saved.expiryDays,
        prepaymentCheckout: prepayment,
      });
      onSaved(next);
      setNotice(t('settings.saved'));
    } catch (failure) {
      const found = problemOf(failure, t('unexpected'));
      setError(found.fields.expiryDays);
      setNotice(found.fields.expiryDays ? null : found.message);
    }
  };

  const terminate = async () => {
    setTerminating(false);
    try {
      const { terminated } = await trunkshow().invoke('shareLinks.terminateAll', {});
      setNotice(t('settings.terminated', { count: terminated }));
    } catch (failure) {
      setNotice(errorMessage(failure, t('unexpected')));
    }
  };

  return (
    <SettingsCard title={<>Share Links with Anonymous Buyers</>} onSubmit={() => void save()}>
      <ChoiceGroup
        legend="Share Links with Anonymous Buyers"
        name="share-links"
        value={enabled ? 'enabled' : 'disabled'}
        options={[
          { value: 'enabled', label: t('settings.enabled') },
          { value: 'disabled', label: t('settings.disabled') },
        ]}
        onChange={(value) => setEnabled(value === 'enabled')}
      />
      {enabled ? (
        <>
          <p className="notice notice--warning settings__warning">{t('settings.warning')}</p>
          <Field label="Share links expire in days" error={error} hint={t('settings.daysHint')}>
            {(control) => (
              <input
                {...control}
                className="field__control settings__days"
                inputMode="numeric"
                required
                value={days}
                onChange={(event) => setDays(event.target.value)}
              />
            )}
          </Field>
        </>
      ) : null}
      <label className="settings__check">
        <input
          type="checkbox"
          checked={prepayment}
          onChange={(event) => setPrepayment(event.target.checked)}
        />
        {t('settings.prepayment')}
      </label>
      {notice ? (
        <p className="notice notice--info" role="status">
          {notice}
        </p>
      ) : null}
      <div className="settings__actions">
        <button
          type="button"
          className="button button--danger"
          onClick={() => setTerminating(true)}
        >
          {t('settings.terminate')}
        </button>
        <button type="submit" className="button button--primary">
          {t('settings.save')}
        </button>
      </div>
      <Dialog
        open={terminating}
        size="small"
        title={t('settings.terminateTitle')}
        lead={t('settings.terminateLead')}
        onClose={() => setTerminating(false)}
        actions={
          <>
            <button
              type="button"
              className="button"
              onClick={() => setTerminating(false)}
              data-autofocus
            >
              {t('cancel')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => void terminate()}
            >
              {t('settings.terminate')}
            </button>
          </>
        }
      />
    </SettingsCard>
  );
}
