import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addressLines, EMPTY_ADDRESS, type AddressField } from '../../../main/domain/addresses.ts';
import { dtcCustomerName } from '../../../main/domain/dtc-customers.ts';
import type { DtcCustomerInput, DtcMarket, SyncRefusal } from '../../../preload/contract/index.ts';
import { AddressFields } from '../../ui/AddressFields.tsx';
import { countryOptions } from '../../ui/countries.ts';
import { Field } from '../../ui/Field.tsx';
import { Money } from '../../ui/Money.tsx';
import { problemOf, trunkshow } from '../api.ts';
import { formatDate } from '../format.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { useDtcStore } from '../state/dtc.ts';
import { issueTexts } from '../state/dtcSelection.ts';
import { useSyncStore } from '../state/sync.ts';
import { fieldsText } from './BuyerAddresses.tsx';
import { Dialog, FormDialogActions } from './Dialog.tsx';
import { OrderStatusBadge } from './OrderStatusBadge.tsx';
import { StatePanel } from './StatePanel.tsx';
import { WarningIcon } from './SyncIndicator.tsx';

export const EMPTY_CARD: DtcCustomerInput = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  countryCode: '',
  marketId: '',
  addresses: [],
};

/** A customer card's fields, each with its problem (already in the rep's words) at it. */
export function DtcCustomerFields({
  card,
  problems,
  markets,
  onChange,
}: {
  card: DtcCustomerInput;
  problems: Readonly<Record<string, string>>;
  markets: readonly DtcMarket[];
  onChange: (card: DtcCustomerInput) => void;
}) {
  const { t, i18n } = useTranslation();
  const countries = countryOptions(i18n.language);
  const text = (
    field: 'firstName' | 'lastName' | 'email' | 'phone',
    extra: { type?: string; autoComplete: string; optional?: boolean; autoFocus?: boolean },
  ) => (
    <Field
      label={
        extra.optional
          ? `${t(`dtc.form.${field}`)} ${t('dtc.form.optional')}`
          : t(`dtc.form.${field}`)
      }
      error={problems[field]}
    >
      {(control) => (
        <input
          {...control}
          className="field__control"
          type={extra.type ?? 'text'}
          value={card[field]}
          autoComplete={extra.autoComplete}
          data-autofocus={extra.autoFocus || undefined}
          onChange={(event) => onChange({ ...card, [field]: event.target.value })}
        />
      )}
    </Field>
  );
  const setAddress = (index: number, patch: Partial<DtcCustomerInput['addresses'][number]>) =>
    onChange({
      ...card,
      addresses: card.addresses.map((address, at) =>
        at === index ? { ...address, ...patch } : address,
      ),
    });
  return (
    <div className="dtc-form">
      <div className="dtc-form__row">
        {text('firstName', { autoComplete: 'given-name', autoFocus: true })}
        {text('lastName', { autoComplete: 'family-name' })}
      </div>
      <div className="dtc-form__row">
        {text('email', { type: 'email', autoComplete: 'email' })}
        {text('phone', { type: 'tel', autoComplete: 'tel', optional: true })}
      </div>
      <div className="dtc-form__row">
        <Field
          label={t('dtc.form.market')}
          hint={t('dtc.form.marketHint')}
          error={problems.marketId}
        >
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={card.marketId}
              onChange={(event) => onChange({ ...card, marketId: event.target.value })}
            >
              <option value="">{t('dtc.form.chooseMarket')}</option>
              {markets.map((market) => (
                <option key={market.id} value={market.id}>
                  {market.name} ({market.currency})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={`${t('dtc.form.country')} ${t('dtc.form.optional')}`}
          error={problems.countryCode}
        >
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={card.countryCode}
              autoComplete="country"
              onChange={(event) => onChange({ ...card, countryCode: event.target.value })}
            >
              <option value="">{t('dtc.form.noCountry')}</option>
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="dtc-form__addresses">
        <legend className="field__label">{t('dtc.form.addresses')}</legend>
        {problems.addresses ? <p className="field__error">{problems.addresses}</p> : null}
        {card.addresses.map((address, index) => {
          const fieldProblems = Object.fromEntries(
            Object.entries(problems)
              .filter(([path]) => path.startsWith(`addresses.${index}.`))
              .map(([path, problem]) => [path.split('.')[2] as AddressField, problem]),
          );
          return (
            <section
              key={index}
              className="dtc-form__address"
              aria-label={t('dtc.form.address', { number: index + 1 })}
            >
              <div className="dtc-form__address-head">
                <h4>{t('dtc.form.address', { number: index + 1 })}</h4>
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() =>
                    onChange({ ...card, addresses: card.addresses.filter((_, at) => at !== index) })
                  }
                >
                  {t('dtc.form.removeAddress')}
                </button>
              </div>
              <AddressFields
                value={address}
                problems={fieldProblems}
                countries={countries}
                text={fieldsText(t)}
                onChange={(patch) => setAddress(index, patch)}
              />
            </section>
          );
        })}
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange({
              ...card,
              addresses: [
                ...card.addresses,
                {
                  ...EMPTY_ADDRESS,
                  name: `${card.firstName} ${card.lastName}`.trim(),
                  country: card.countryCode,
                  phone: card.phone,
                },
              ],
            })
          }
        >
          {t('dtc.form.addAddress')}
        </button>
      </fieldset>
    </div>
  );
}

/** Create a customer (id null) or edit one: the card, saved through the desktop's rules. */
export function DtcCustomerDialog({ id, onClose }: { id: string | null; onClose: () => void }) {
  const markets = useOperation('dtc.markets', {});
  if (id === null) {
    return (
      <CustomerForm id={null} initial={EMPTY_CARD} markets={markets.data ?? []} onClose={onClose} />
    );
  }
  return <EditCustomer id={id} markets={markets.data ?? []} onClose={onClose} />;
}

function EditCustomer({
  id,
  markets,
  onClose,
}: {
  id: string;
  markets: readonly DtcMarket[];
  onClose: () => void;
}) {
  const existing = useOperation('dtc.customers.get', { id });
  if (!existing.data) return null;
  return <CustomerForm id={id} initial={existing.data.card} markets={markets} onClose={onClose} />;
}

function CustomerForm({
  id,
  initial,
  markets,
  onClose,
}: {
  id: string | null;
  initial: DtcCustomerInput;
  markets: readonly DtcMarket[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const show = useDtcStore((state) => state.show);
  const [card, setCard] = useState(initial);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    setSaving(true);
    try {
      const saved =
        id === null
          ? await trunkshow().invoke('dtc.customers.create', { card })
          : await trunkshow().invoke('dtc.customers.save', { id, card });
      onClose();
      show({ kind: 'customer', id: saved.id });
    } catch (error) {
      const texts = issueTexts(error);
      setProblems(texts);
      setFailure(
        Object.keys(texts).length > 0 ? t('dtc.form.notSaved') : problemOf(error, '').message,
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog
      open
      size="large"
      title={
        id === null
          ? t('dtc.form.createTitle')
          : t('dtc.form.editTitle', { name: dtcCustomerName(initial) })
      }
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={saving}
      actions={
        <FormDialogActions
          submitLabel={id === null ? t('dtc.form.create') : t('dtc.form.save')}
          busy={saving}
          onCancel={onClose}
        />
      }
    >
      <DtcCustomerFields card={card} problems={problems} markets={markets} onChange={setCard} />
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
    </Dialog>
  );
}

/** A refusal of a change to the customer, in the rep's words where the showroom words it. */
export function DtcRefusal({ refusal }: { refusal: SyncRefusal }) {
  const { t } = useTranslation();
  const dismiss = useSyncStore((state) => state.dismissRefusal);
  const reason = t(`dtc.refused.${refusal.code}`, { defaultValue: refusal.reason });
  return (
    <div className="selection-refusal" role="alert">
      <WarningIcon />
      <p>{t('dtc.editor.refused', { summary: refusal.summary, reason })}</p>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void dismiss(refusal.seq)}
      >
        {t('dtc.editor.dismiss')}
      </button>
    </div>
  );
}

/** A customer's card: who they are, where they live, their selections and their orders. */
export function DtcCustomerCard({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const customer = useOperation('dtc.customers.get', { id }, { followSync: true });
  const show = useDtcStore((state) => state.show);
  const openCustomerForm = useDtcStore((state) => state.openCustomerForm);
  const openNewSelection = useDtcStore((state) => state.openNewSelection);
  const data = customer.data;
  if (!data) {
    return customer.problem ? (
      <StatePanel tone="error" icon="error" title={t('dtc.failed')} lead={customer.problem} />
    ) : (
      <p className="dtc__loading">{t('loading')}</p>
    );
  }
  const countries = countryOptions(i18n.language);
  const countryName = (code: string) => countries.find((c) => c.code === code)?.name ?? code;
  const name = dtcCustomerName(data.card);
  return (
    <article className="dtc-card" aria-labelledby="dtc-card-name">
      <header className="dtc-card__head">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => show({ kind: 'list' })}
        >
          ← {t('dtc.back')}
        </button>
        <h3 id="dtc-card-name">{name}</h3>
        {data.waitingToSync ? (
          <span className="badge badge--waiting">{t('dtc.waiting')}</span>
        ) : null}
        <div className="dtc-card__actions">
          <button type="button" className="button" onClick={() => openCustomerForm(id)}>
            {t('dtc.card.edit')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => openNewSelection({ id, name, marketId: data.card.marketId })}
          >
            {t('dtc.createSelection')}
          </button>
        </div>
      </header>
      {data.refusals.map((refusal) => (
        <DtcRefusal key={refusal.seq} refusal={refusal} />
      ))}
      <dl className="dtc-card__facts">
        <div>
          <dt>{t('dtc.card.contact')}</dt>
          <dd>
            {data.card.email}
            <br />
            {data.card.phone || t('dtc.card.noPhone')}
          </dd>
        </div>
        <div>
          <dt>{t('dtc.card.country')}</dt>
          <dd>
            {data.card.countryCode ? countryName(data.card.countryCode) : t('dtc.card.noCountry')}
          </dd>
        </div>
        <div>
          <dt>{t('dtc.card.market')}</dt>
          <dd>{data.marketName}</dd>
        </div>
        <div>
          <dt>{t('dtc.card.addresses')}</dt>
          <dd>
            {data.card.addresses.length === 0
              ? t('dtc.card.noAddresses')
              : data.card.addresses.map((address, index) => (
                  <address key={index} className="dtc-card__address">
                    {addressLines(address, countryName(address.country)).map((line, at) => (
                      <span key={at}>{line}</span>
                    ))}
                  </address>
                ))}
          </dd>
        </div>
      </dl>

      <h4 className="dtc-card__section">{t('dtc.card.selections')}</h4>
      {data.selections.length === 0 ? (
        <p className="dtc-card__none">{t('dtc.card.noSelections')}</p>
      ) : (
        <ul className="dtc-card__list" aria-label={t('dtc.card.selections')}>
          {data.selections.map((selection) => (
            <li key={selection.id}>
              <button
                type="button"
                className="dtc-card__item"
                onClick={() => show({ kind: 'selection', id: selection.id, checkout: false })}
              >
                <span className="dtc-card__item-name">{selection.name}</span>
                <span>
                  {selection.marketName} · {t('dtc.card.lines', { count: selection.lines })}
                </span>
                <Money value={selection.total} language={i18n.language} />
                <span>
                  {selection.deletedAt
                    ? t('dtc.card.boughtIn', {
                        order: selection.deletedByOrder?.number ?? '—',
                      })
                    : `${formatDate(selection.updatedAt, i18n.language)} · ${t('dtc.card.by', { name: selection.owner })}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <h4 className="dtc-card__section">{t('dtc.card.orders')}</h4>
      {data.orders.length === 0 ? (
        <p className="dtc-card__none">{t('dtc.card.noOrders')}</p>
      ) : (
        <ul className="dtc-card__list" aria-label={t('dtc.card.orders')}>
          {data.orders.map((order) => (
            <li key={order.id} className="dtc-card__item">
              <span className="dtc-card__item-name">
                {order.number ?? t('dtc.orders.notNumbered')}
              </span>
              <span>{order.selectionName}</span>
              <Money value={order.total} language={i18n.language} />
              <OrderStatusBadge status={order.status} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
