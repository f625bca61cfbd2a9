import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  readTaxRate,
  taxRatePercentText,
  type TaxRateField,
} from '../../../main/domain/tax-rates.ts';
import type { TaxRates, TaxRateView } from '../../../preload/contract/index.ts';
import { codedIssueWords, errorMessage, problemOf, trunkshow } from '../api.ts';
import { countryOptions } from '../../ui/countries.ts';
import { Field } from '../../ui/Field.tsx';
import { useCountryNames } from '../hooks/useCountryNames.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { ConfirmDialog, Dialog, FormDialogActions } from './Dialog.tsx';
import { SettingsCard, type SettingsNotice } from './SettingsFormParts.tsx';
import './DtcSettings.css';

/**
 * "Tax rates" (admins): the rate of each country a DTC customer ships to, added, changed
 * and removed here, saved on this computer at once and synced like every setting.
 */
export function TaxRatesCard() {
  const { t, i18n } = useTranslation();
  const setup = useOperation('dtcSettings.taxRates', {}, { followSync: true });
  const countryName = useCountryNames();
  const [editing, setEditing] = useState<TaxRateView | 'new' | null>(null);
  const [removing, setRemoving] = useState<TaxRateView | null>(null);
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  const percent = useMemo(
    () => new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 2 }),
    [i18n.language],
  );
  const rates = [...(setup.data?.rates ?? [])].sort((a, b) =>
    countryName(a.countryCode).localeCompare(countryName(b.countryCode), i18n.language),
  );

  const remove = async (rate: TaxRateView) => {
    const country = countryName(rate.countryCode);
    try {
      setup.setData(
        await trunkshow().invoke('dtcSettings.removeTaxRate', { countryCode: rate.countryCode }),
      );
      setNotice({ kind: 'info', text: t('dtcSettings.taxRates.removed', { country }) });
    } catch (failure) {
      setNotice({ kind: 'error', text: errorMessage(failure, t('unexpected')) });
    }
  };

  return (
    <SettingsCard
      title={t('dtcSettings.taxRates.title')}
      heading="h4"
      lead={t('dtcSettings.taxRates.lead')}
      problem={setup.problem}
    >
      {setup.data && rates.length === 0 ? (
        <p className="settings__hint-line">{t('dtcSettings.taxRates.none')}</p>
      ) : null}
      {rates.length > 0 ? (
        <table className="dtc-settings__table">
          <caption className="visually-hidden">{t('dtcSettings.taxRates.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dtcSettings.taxRates.country')}</th>
              <th scope="col">{t('dtcSettings.taxRates.rate')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('dtcSettings.taxRates.edit')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.map((rate) => {
              const country = countryName(rate.countryCode);
              return (
                <tr key={rate.countryCode}>
                  <th scope="row">{country}</th>
                  <td className="dtc-settings__number">
                    {percent.format(rate.rateBp / 10_000)}
                    {rate.waitingToSync ? (
                      <span className="badge badge--waiting">{t('dtcSettings.waiting')}</span>
                    ) : null}
                  </td>
                  <td className="dtc-settings__actions">
                    <button
                      type="button"
                      className="button button--quiet"
                      aria-label={t('dtcSettings.taxRates.editLabel', { country })}
                      onClick={() => setEditing(rate)}
                    >
                      {t('dtcSettings.taxRates.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet button--danger"
                      aria-label={t('dtcSettings.taxRates.removeLabel', { country })}
                      onClick={() => setRemoving(rate)}
                    >
                      {t('dtcSettings.taxRates.remove')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {notice ? (
        <p className={`notice notice--${notice.kind}`} role="status">
          {notice.text}
        </p>
      ) : null}
      <div className="settings__actions">
        <span />
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {t('dtcSettings.taxRates.add')}
        </button>
      </div>
      {editing ? (
        <TaxRateDialog
          rate={editing === 'new' ? null : editing}
          taken={rates.map((rate) => rate.countryCode)}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setup.setData(next);
            setEditing(null);
            setNotice({ kind: 'info', text: t('settings.saved') });
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('dtcSettings.taxRates.removeTitle', {
          country: removing ? countryName(removing.countryCode) : '',
        })}
        lead={t('dtcSettings.taxRates.removeLead', {
          country: removing ? countryName(removing.countryCode) : '',
        })}
        keepLabel={t('dtcSettings.taxRates.keep')}
        confirmLabel={t('dtcSettings.taxRates.remove')}
        onKeep={() => setRemoving(null)}
        onConfirm={() => {
          const rate = removing!;
          setRemoving(null);
          void remove(rate);
        }}
      />
    </SettingsCard>
  );
}

/** Problems by field, already in the admin's words. */
type Problems = Partial<Record<TaxRateField, string>>;

/** Adds a country's rate, or changes one (its country fixed); each problem at its field. */
function TaxRateDialog({
  rate,
  taken,
  onClose,
  onSaved,
}: {
  rate: TaxRateView | null;
  /** Countries that have a rate: a new rate is for another one (a rate is changed from its row). */
  taken: readonly string[];
  onClose: () => void;
  onSaved: (rates: TaxRates) => void;
}) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(
    () =>
      countryOptions(i18n.language).filter(
        (country) => country.code === rate?.countryCode || !taken.includes(country.code),
      ),
    [i18n.language, rate, taken],
  );
  const countryName = useCountryNames();
  const [countryCode, setCountryCode] = useState(rate?.countryCode ?? '');
  const [typed, setTyped] = useState(rate ? taxRatePercentText(rate.rateBp) : '');
  const [problems, setProblems] = useState<Problems>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A code this release does not know (a newer hub's) still reads as a refusal.
  const words = (code: string, params: object) =>
    t(`dtcSettings.taxRates.problems.${code}`, { defaultValue: t('unexpected'), ...params });

  const save = async () => {
    const input = { countryCode, rate: typed };
    const read = readTaxRate(input);
    if (!read.ok) {
      const found: Problems = {};
      for (const problem of read.problems)
        found[problem.field] ??= words(problem.code, problem.params);
      setProblems(found);
      setNotice(null);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      onSaved(await trunkshow().invoke('dtcSettings.setTaxRate', input));
    } catch (failure) {
      const atFields = codedIssueWords(failure, words);
      setProblems(atFields);
      setNotice(
        Object.keys(atFields).length > 0 ? null : problemOf(failure, t('unexpected')).message,
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      size="small"
      title={
        rate
          ? t('dtcSettings.taxRates.editTitle', { country: countryName(rate.countryCode) })
          : t('dtcSettings.taxRates.addTitle')
      }
      onClose={onClose}
      onSubmit={() => void save()}
      busy={busy}
      actions={
        <FormDialogActions
          submitLabel={t('dtcSettings.taxRates.save')}
          busy={busy}
          onCancel={onClose}
        />
      }
    >
      <Field label={t('dtcSettings.taxRates.country')} error={problems.countryCode}>
        {(control) => (
          <select
            {...control}
            className="field__control"
            value={countryCode}
            disabled={rate !== null}
            {...(rate ? {} : { 'data-autofocus': true })}
            onChange={(event) => setCountryCode(event.target.value)}
          >
            <option value="">{t('dtcSettings.taxRates.chooseCountry')}</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('dtcSettings.taxRates.ratePercent')}
        hint={t('dtcSettings.taxRates.rateHint')}
        error={problems.rate}
      >
        {(control) => (
          <input
            {...control}
            className="field__control dtc-settings__rate"
            inputMode="decimal"
            autoComplete="off"
            value={typed}
            {...(rate ? { 'data-autofocus': true } : {})}
            onChange={(event) => setTyped(event.target.value)}
          />
        )}
      </Field>
      {notice ? (
        <p className="notice notice--error" role="alert">
          {notice}
        </p>
      ) : null}
    </Dialog>
  );
}
