import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DTC_SELECTION_NAME } from '../../../main/domain/dtc.ts';
import { dtcCustomerName } from '../../../main/domain/dtc-customers.ts';
import type { DtcCustomerRow } from '../../../preload/contract/index.ts';
import { ChoiceGroup, Field } from '../../ui/Field.tsx';
import { problemOf, trunkshow } from '../api.ts';
import { useOperation } from '../hooks/useOperation.ts';
import { useDtcStore, type ChosenCustomer } from '../state/dtc.ts';
import { issueTexts } from '../state/dtcSelection.ts';
import { DtcCustomerFields, EMPTY_CARD } from './DtcCustomer.tsx';
import { Dialog, FormDialogActions } from './Dialog.tsx';

type Who = 'existing' | 'new';

/**
 * "Create selection": for a customer found by name or email, or a new customer typed
 * here and created first in the same flow; then the market, whose pricelist and currency
 * the selection keeps.
 */
export function DtcNewSelectionDialog({
  customer: fixed,
  onClose,
}: {
  /** The customer card's customer; null: chosen or created here. */
  customer: ChosenCustomer | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const show = useDtcStore((state) => state.show);
  const markets = useOperation('dtc.markets', {}).data ?? [];
  const [who, setWho] = useState<Who>('existing');
  const [query, setQuery] = useState('');
  const found = useOperation('dtc.customers.list', { query: query.trim() });
  const [chosen, setChosen] = useState<ChosenCustomer | null>(null);
  const [card, setCard] = useState(EMPTY_CARD);
  const [marketId, setMarketId] = useState('');
  const [name, setName] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const customer = fixed ?? chosen;
  const creating = fixed === null && who === 'new';
  const customerName = creating ? dtcCustomerName(card) : (customer?.name ?? '');
  const market = marketId || (creating ? card.marketId : (customer?.marketId ?? ''));
  const shownName =
    name || (customerName ? t('dtc.newSelection.defaultName', { name: customerName }) : '');

  const choose = (row: DtcCustomerRow) =>
    setChosen({
      id: row.id,
      name: `${row.firstName} ${row.lastName}`,
      marketId: row.marketId,
    });

  const submit = async () => {
    setSaving(true);
    setFailure(null);
    try {
      let forId = customer?.id ?? null;
      if (creating) {
        try {
          forId = (await trunkshow().invoke('dtc.customers.create', { card })).id;
        } catch (error) {
          setProblems(issueTexts(error));
          setFailure(t('dtc.form.notSaved'));
          return;
        }
        // Made: were the selection refused now, the customer stays chosen for another try.
        setChosen({ id: forId, name: dtcCustomerName(card), marketId: card.marketId });
        setWho('existing');
      }
      if (!forId || !market) {
        setProblems({
          ...(forId ? {} : { customer: t('dtc.newSelection.chooseCustomer') }),
          ...(market ? {} : { marketId: t('dtc.form.chooseMarket') }),
        });
        return;
      }
      const selection = await trunkshow().invoke('dtc.selections.create', {
        customerId: forId,
        marketId: market,
        name: shownName,
      });
      onClose();
      show({ kind: 'selection', id: selection.id, checkout: false });
    } catch (error) {
      setProblems(issueTexts(error));
      setFailure(problemOf(error, t('dtc.newSelection.notCreated')).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      size="large"
      title={t('dtc.newSelection.title')}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={saving}
      actions={
        <FormDialogActions
          submitLabel={t('dtc.newSelection.create')}
          busy={saving}
          onCancel={onClose}
        />
      }
    >
      {fixed === null ? (
        <ChoiceGroup
          legend={t('dtc.newSelection.customer')}
          name="dtc-customer-kind"
          value={who}
          options={[
            { value: 'existing', label: t('dtc.newSelection.existing') },
            { value: 'new', label: t('dtc.newSelection.newCustomer') },
          ]}
          onChange={setWho}
        />
      ) : (
        <p className="dtc-new__for">{t('dtc.editor.for', { name: customerName })}</p>
      )}
      {fixed === null && who === 'existing' ? (
        <div className="dtc-new__find">
          <Field label={t('dtc.newSelection.findCustomer')} error={problems.customer}>
            {(control) => (
              <input
                {...control}
                className="field__control"
                type="search"
                value={query}
                placeholder={t('dtc.customers.searchHint')}
                autoComplete="off"
                data-autofocus
                onChange={(event) => setQuery(event.target.value)}
              />
            )}
          </Field>
          <fieldset className="dtc-new__matches">
            <legend className="visually-hidden">{t('dtc.newSelection.chooseCustomer')}</legend>
            {(found.data?.customers ?? []).slice(0, 8).map((row) => (
              <label key={row.id} className="choice">
                <input
                  type="radio"
                  name="dtc-customer"
                  checked={chosen?.id === row.id}
                  onChange={() => choose(row)}
                />
                <span>
                  {row.firstName} {row.lastName} <span className="dtc-new__email">{row.email}</span>
                </span>
              </label>
            ))}
          </fieldset>
        </div>
      ) : null}
      {creating ? (
        <DtcCustomerFields card={card} problems={problems} markets={markets} onChange={setCard} />
      ) : null}
      <div className="dtc-form__row">
        <Field
          label={t('dtc.newSelection.market')}
          hint={t('dtc.newSelection.marketHint')}
          error={problems.marketId}
        >
          {(control) => (
            <select
              {...control}
              className="field__control"
              value={market}
              onChange={(event) => setMarketId(event.target.value)}
            >
              <option value="">{t('dtc.form.chooseMarket')}</option>
              {markets.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name} · {option.pricelistName} ({option.currency})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('dtc.newSelection.name')} error={problems.name}>
          {(control) => (
            <input
              {...control}
              className="field__control"
              value={shownName}
              maxLength={MAX_DTC_SELECTION_NAME}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
      </div>
      {failure ? (
        <p className="notice notice--error" role="alert">
          {failure}
        </p>
      ) : null}
    </Dialog>
  );
}
