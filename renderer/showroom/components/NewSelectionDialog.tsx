import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNewSelectionStore } from '../state/newSelection.ts';
import { Dialog } from './Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import './NewSelectionDialog.css';

/** New selection: for which buyer (searched by name), with an optional name and notes. */
export function NewSelectionDialog() {
  const { t } = useTranslation();
  const store = useNewSelectionStore();
  const fields = store.problem?.fields ?? {};
  const buyersId = useId();
  const alert =
    store.problem && Object.keys(fields).length === 0
      ? store.problem.message || t('unexpected')
      : null;

  return (
    <Dialog
      open={store.isOpen}
      title={t('newSelection.title')}
      onClose={store.close}
      onSubmit={() => void store.submit()}
      busy={store.saving}
      actions={
        <>
          <button type="button" className="button button--quiet" onClick={store.close}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--primary" aria-disabled={store.saving}>
            {store.saving ? <span className="spinner" aria-hidden="true" /> : null}
            {t('newSelection.create')}
          </button>
        </>
      }
    >
      {alert ? (
        <p className="notice notice--error" role="alert">
          {alert}
        </p>
      ) : null}
      {store.buyer ? (
        <div className="new-selection__buyer">
          <p>
            <span className="new-selection__label">{t('newSelection.buyer')}</span>
            <strong>{store.buyer.name}</strong>
          </p>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => store.pickBuyer(null)}
          >
            {t('newSelection.changeBuyer')}
          </button>
        </div>
      ) : (
        <Field label={t('newSelection.buyer')} error={fields.buyerId}>
          {(control) => (
            <>
              <input
                {...control}
                className="field__control"
                type="search"
                placeholder={t('newSelection.buyerHint')}
                value={store.buyerQuery}
                onChange={(event) => void store.searchBuyers(event.target.value)}
                aria-controls={buyersId}
                autoComplete="off"
                data-autofocus
              />
              <ul
                id={buyersId}
                className="new-selection__buyers"
                aria-label={t('newSelection.buyers')}
              >
                {store.buyers.map((buyer) => (
                  <li key={buyer.id}>
                    <button
                      type="button"
                      className="new-selection__pick"
                      onClick={() => store.pickBuyer({ id: buyer.id, name: buyer.name })}
                    >
                      <span>{buyer.name}</span>
                      <span className="new-selection__terms">
                        {buyer.countryCode} · {buyer.currency ?? ''} ·{' '}
                        {t('buyers.discount', { value: buyer.discountPercent })}
                      </span>
                    </button>
                  </li>
                ))}
                {store.buyers.length === 0 ? (
                  <li className="new-selection__none">{t('newSelection.noBuyers')}</li>
                ) : null}
              </ul>
            </>
          )}
        </Field>
      )}
      <Field label={t('newSelection.name')} hint={t('newSelection.nameHint')} error={fields.name}>
        {(control) => (
          <input
            {...control}
            className="field__control"
            value={store.name}
            maxLength={120}
            onChange={(event) => store.setName(event.target.value)}
            {...(store.buyer ? { 'data-autofocus': true } : {})}
          />
        )}
      </Field>
      <Field label={t('selection.notes')} error={fields.notes}>
        {(control) => (
          <textarea
            {...control}
            className="field__control field__control--area"
            value={store.notes}
            rows={3}
            maxLength={4000}
            onChange={(event) => store.setNotes(event.target.value)}
          />
        )}
      </Field>
    </Dialog>
  );
}
