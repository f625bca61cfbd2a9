import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatDecimal,
  formatMoney,
  isCurrencyCode,
  parseAmount,
} from '../../../main/domain/money.ts';
import {
  rateGroupProblems,
  type ShippingRate,
  type ShippingRateGroupRefusal,
} from '../../../main/domain/shipping-rates.ts';
import type { ShippingRateGroupView, ShippingSetup } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { countryOptions } from '../../ui/countries.ts';
import { Field } from '../../ui/Field.tsx';
import { useOperation } from '../hooks/useOperation.ts';
import { ConfirmDialog, Dialog, FormDialogActions } from './Dialog.tsx';
import './ShippingSettingsCard.css';
import { SettingsCard } from './SettingsFormParts.tsx';

/** A rate's row as typed: amounts are text in the currency's units until saved. */
interface RateRow {
  key: number;
  country: string;
  currency: string;
  amount: string;
  freeFrom: string;
}

type RateField = 'country' | 'currency' | 'amount' | 'freeFrom';
/** Problems by field: `name`, or `<row>.<field>`, already in the admin's words. */
type Problems = Partial<Record<string, string>>;

let nextKey = 1;

function rowOf(rate: ShippingRate): RateRow {
  return {
    key: nextKey++,
    country: rate.country,
    currency: rate.currency,
    amount: formatDecimal({ amountMinor: rate.amountMinor, currency: rate.currency }),
    freeFrom:
      rate.freeFromMinor === null
        ? ''
        : formatDecimal({ amountMinor: rate.freeFromMinor, currency: rate.currency }),
  };
}

const emptyRow = (currency = ''): RateRow => ({
  key: nextKey++,
  country: '',
  currency,
  amount: '',
  freeFrom: '',
});

/**
 * "Shipping rate groups" (admins): the brand's groups, each a rate per country and
 * currency, optionally free from an order total; the default group applies wherever no
 * link or catalog sets one. Saved on this computer at once and synced like every setting.
 */
export function ShippingSettingsCard() {
  const { t } = useTranslation();
  const setup = useOperation('shipping.groups', {}, { followSync: true });
  const [editing, setEditing] = useState<ShippingRateGroupView | 'new' | null>(null);
  const [removing, setRemoving] = useState<ShippingRateGroupView | null>(null);
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);

  const act = async (run: () => Promise<ShippingSetup>, done: string) => {
    try {
      setup.setData(await run());
      setNotice({ kind: 'info', text: done });
    } catch (failure) {
      setNotice({ kind: 'error', text: errorMessage(failure, t('unexpected')) });
    }
  };

  return (
    <SettingsCard
      title={t('settings.shipping.title')}
      lead={t('settings.shipping.lead')}
      problem={setup.problem}
    >
      {setup.data ? (
        <>
          <Field label={t('settings.shipping.default')} hint={t('settings.shipping.defaultHint')}>
            {(control) => (
              <select
                {...control}
                className="field__control shipping__default"
                value={setup.data!.defaultGroupId ?? ''}
                onChange={(event) =>
                  void act(
                    () =>
                      trunkshow().invoke('shipping.setDefault', {
                        groupId: event.target.value || null,
                      }),
                    t('settings.saved'),
                  )
                }
              >
                <option value="">{t('settings.shipping.noDefault')}</option>
                {setup.data!.groups.map((group) => (
                  <option key={group.id} value={group.id}>
                    {group.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {setup.data.groups.length === 0 ? (
            <p className="settings__hint-line">{t('settings.shipping.none')}</p>
          ) : (
            <ul className="shipping__groups" aria-label={t('settings.shipping.title')}>
              {setup.data.groups.map((group) => (
                <GroupEntry
                  key={group.id}
                  group={group}
                  isDefault={group.id === setup.data!.defaultGroupId}
                  onEdit={() => setEditing(group)}
                  onRemove={() => setRemoving(group)}
                />
              ))}
            </ul>
          )}
        </>
      ) : null}
      {notice ? (
        <p className={`notice notice--${notice.kind}`} role="status">
          {notice.text}
        </p>
      ) : null}
      <div className="settings__actions">
        <span />
        <button type="button" className="button button--primary" onClick={() => setEditing('new')}>
          {t('settings.shipping.add')}
        </button>
      </div>
      {editing ? (
        <GroupDialog
          group={editing === 'new' ? null : editing}
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
        title={t('settings.shipping.removeTitle', { name: removing?.name ?? '' })}
        lead={t('settings.shipping.removeLead')}
        keepLabel={t('settings.shipping.keep')}
        confirmLabel={t('settings.shipping.remove')}
        onKeep={() => setRemoving(null)}
        onConfirm={() => {
          const group = removing!;
          setRemoving(null);
          void act(
            () => trunkshow().invoke('shipping.removeGroup', { id: group.id }),
            t('settings.shipping.removed', { name: group.name }),
          );
        }}
      />
    </SettingsCard>
  );
}

function GroupEntry({
  group,
  isDefault,
  onEdit,
  onRemove,
}: {
  group: ShippingRateGroupView;
  isDefault: boolean;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(
    () => new Map(countryOptions(i18n.language).map((country) => [country.code, country.name])),
    [i18n.language],
  );
  const money = (amountMinor: number, currency: string) =>
    formatMoney({ amountMinor, currency }, i18n.language);
  return (
    <li className="shipping__group">
      <div className="shipping__group-head">
        <h4>{group.name}</h4>
        {isDefault ? <span className="badge">{t('settings.shipping.isDefault')}</span> : null}
        {group.waitingToSync ? (
          <span className="badge badge--waiting">{t('settings.shipping.waiting')}</span>
        ) : null}
        <span className="shipping__spacer" />
        <button
          type="button"
          className="button button--quiet"
          aria-label={t('settings.shipping.editLabel', { name: group.name })}
          onClick={onEdit}
        >
          {t('settings.shipping.edit')}
        </button>
        <button
          type="button"
          className="button button--quiet button--danger"
          aria-label={t('settings.shipping.removeLabel', { name: group.name })}
          onClick={onRemove}
        >
          {t('settings.shipping.remove')}
        </button>
      </div>
      {group.rates.length === 0 ? (
        <p className="settings__hint-line">{t('settings.shipping.noRates')}</p>
      ) : (
        <table className="shipping__rates">
          <caption className="visually-hidden">
            {t('settings.shipping.ratesOf', { name: group.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('settings.shipping.country')}</th>
              <th scope="col">{t('settings.shipping.currency')}</th>
              <th scope="col">{t('settings.shipping.amount')}</th>
              <th scope="col">{t('settings.shipping.freeFrom')}</th>
            </tr>
          </thead>
          <tbody>
            {group.rates.map((rate) => (
              <tr key={`${rate.country} ${rate.currency}`}>
                <td>{countries.get(rate.country) ?? rate.country}</td>
                <td>{rate.currency}</td>
                <td>{money(rate.amountMinor, rate.currency)}</td>
                <td>
                  {rate.freeFromMinor === null ? '—' : money(rate.freeFromMinor, rate.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/** Adds or edits a group: its name and its rates, each problem at its field. */
function GroupDialog({
  group,
  onClose,
  onSaved,
}: {
  group: ShippingRateGroupView | null;
  onClose: () => void;
  onSaved: (setup: ShippingSetup) => void;
}) {
  const { t, i18n } = useTranslation();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const [name, setName] = useState(group?.name ?? '');
  const [rows, setRows] = useState<RateRow[]>(() =>
    group && group.rates.length > 0 ? group.rates.map(rowOf) : [emptyRow()],
  );
  const [problems, setProblems] = useState<Problems>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const words = (code: ShippingRateGroupRefusal, params: Record<string, unknown>) =>
    t(`settings.shipping.problems.${code}`, {
      ...params,
      country: countries.find((country) => country.code === params.country)?.name ?? params.country,
    });

  /** The rows as rates, or the problems of amounts that are not amounts. */
  const parsed = (): { rates: ShippingRate[]; problems: Problems } => {
    const found: Problems = {};
    const rates = rows.map((row, index) => {
      const currency = row.currency.trim().toUpperCase();
      const amountOf = (field: 'amount' | 'freeFrom'): number => {
        const text = row[field];
        if (field === 'freeFrom' && text.trim() === '') return 0;
        if (!isCurrencyCode(currency)) return 0;
        const amount = parseAmount(text, currency);
        if (!amount.ok) {
          found[`${index}.${field}`] = t('settings.shipping.problems.amount_unreadable', {
            example: formatDecimal({ amountMinor: 1250, currency }),
          });
          return 0;
        }
        return amount.amountMinor;
      };
      return {
        country: row.country,
        currency,
        amountMinor: amountOf('amount'),
        freeFromMinor: row.freeFrom.trim() === '' ? null : amountOf('freeFrom'),
      };
    });
    return { rates, problems: found };
  };

  const save = async () => {
    const { rates, problems: unreadable } = parsed();
    const found: Problems = { ...unreadable };
    for (const problem of rateGroupProblems({ name, rates })) {
      const params = problem.params as Record<string, string | number>;
      const at =
        'index' in params
          ? `${params.index}.${problem.code === 'rate_currency_invalid' ? 'currency' : problem.code === 'rate_amount_invalid' ? 'amount' : 'country'}`
          : 'name';
      found[at] ??= words(problem.code, params);
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setNotice(null);
      return;
    }
    setBusy(true);
    try {
      onSaved(
        await trunkshow().invoke('shipping.saveGroup', {
          ...(group ? { id: group.id } : {}),
          name,
          rates,
        }),
      );
    } catch (failure) {
      setNotice(errorMessage(failure, t('unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const change = (index: number, field: RateField, value: string) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, [field]: value } : row)));

  return (
    <Dialog
      open
      size="large"
      title={group ? t('settings.shipping.editTitle') : t('settings.shipping.addTitle')}
      lead={t('settings.shipping.dialogLead')}
      onClose={onClose}
      onSubmit={() => void save()}
      busy={busy}
      actions={
        <FormDialogActions
          submitLabel={t('settings.shipping.save')}
          busy={busy}
          onCancel={onClose}
        />
      }
    >
      <Field label={t('settings.shipping.name')} error={problems.name}>
        {(control) => (
          <input
            {...control}
            className="field__control"
            value={name}
            data-autofocus
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </Field>
      <fieldset className="shipping__editor">
        <legend className="field__label">{t('settings.shipping.rates')}</legend>
        {rows.map((row, index) => (
          <div
            key={row.key}
            className="shipping__row"
            role="group"
            aria-label={t('settings.shipping.rateRow', { row: index + 1 })}
          >
            <Field label={t('settings.shipping.country')} error={problems[`${index}.country`]}>
              {(control) => (
                <select
                  {...control}
                  className="field__control"
                  value={row.country}
                  onChange={(event) => change(index, 'country', event.target.value)}
                >
                  <option value="">{t('buyers.addresses.chooseCountry')}</option>
                  {countries.map((country) => (
                    <option key={country.code} value={country.code}>
                      {country.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('settings.shipping.currency')} error={problems[`${index}.currency`]}>
              {(control) => (
                <input
                  {...control}
                  className="field__control shipping__currency"
                  value={row.currency}
                  maxLength={3}
                  autoCapitalize="characters"
                  placeholder="EUR"
                  onChange={(event) => change(index, 'currency', event.target.value.toUpperCase())}
                />
              )}
            </Field>
            <Field label={t('settings.shipping.amount')} error={problems[`${index}.amount`]}>
              {(control) => (
                <input
                  {...control}
                  className="field__control"
                  inputMode="decimal"
                  value={row.amount}
                  onChange={(event) => change(index, 'amount', event.target.value)}
                />
              )}
            </Field>
            <Field
              label={`${t('settings.shipping.freeFrom')} ${t('buyers.addresses.optional')}`}
              error={problems[`${index}.freeFrom`]}
            >
              {(control) => (
                <input
                  {...control}
                  className="field__control"
                  inputMode="decimal"
                  value={row.freeFrom}
                  onChange={(event) => change(index, 'freeFrom', event.target.value)}
                />
              )}
            </Field>
            <button
              type="button"
              className="button button--quiet shipping__remove-row"
              aria-label={t('settings.shipping.removeRate', { row: index + 1 })}
              onClick={() => setRows(rows.filter((_, at) => at !== index))}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setRows([...rows, emptyRow(rows.at(-1)?.currency ?? '')])}
        >
          {t('settings.shipping.addRate')}
        </button>
      </fieldset>
      {notice ? (
        <p className="notice notice--error" role="alert">
          {notice}
        </p>
      ) : null}
    </Dialog>
  );
}
