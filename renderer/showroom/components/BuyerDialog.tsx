import { useTranslation } from 'react-i18next';
import { useBrandStore } from '../state/brand.ts';
import { useBuyerFormStore, type BuyerKind, type BuyerLanguage } from '../state/buyerForm.ts';
import { useNavigationStore } from '../state/navigation.ts';
import { useNewSelectionStore } from '../state/newSelection.ts';
import { useSelectionsStore } from '../state/selections.ts';
import { Dialog } from './Dialog.tsx';
import { ChoiceGroup, Field } from './Field.tsx';
import './BuyerDialog.css';

/** Input paths the form shows at a field; any other issue goes to the alert. */
const FIELD_PATHS = {
  create: [
    'name',
    'kind',
    'countryCode',
    'terms.pricelistId',
    'terms.discountPercent',
    'terms.language',
  ],
  terms: ['terms.pricelistId', 'terms.discountPercent', 'terms.language'],
} as const;

/** "New buyer", or one buyer's "Trading terms"; also where a refused change is corrected. */
export function BuyerDialog() {
  const { t } = useTranslation();
  const form = useBuyerFormStore((state) => state.form);
  const change = useBuyerFormStore((state) => state.change);
  const close = useBuyerFormStore((state) => state.close);
  const save = useBuyerFormStore((state) => state.save);
  const summary = useBrandStore((state) => state.summary);
  const pricelists = summary.status === 'ready' ? summary.summary.pricelists : [];

  const creating = form?.mode === 'create';
  const fields = form?.problem?.fields ?? {};
  const shownAtField = form
    ? FIELD_PATHS[form.mode].filter((path) => fields[path] !== undefined)
    : [];
  const otherIssues = Object.entries(fields).filter(
    ([path]) => !(FIELD_PATHS[form?.mode ?? 'create'] as readonly string[]).includes(path),
  );
  const problem = form?.problem ?? null;
  const alert =
    problem && (problem.code !== 'invalid_input' || shownAtField.length === 0) ? problem : null;
  const draft = form?.draft;
  const knownPricelist = pricelists.some((pricelist) => pricelist.id === draft?.pricelistId);

  return (
    <Dialog
      open={form !== null}
      title={creating ? t('buyers.form.createTitle') : t('buyers.form.termsTitle')}
      busy={form?.saving ?? false}
      onClose={close}
      onSubmit={() => void save()}
      lead={
        form && (form.refusal || !creating) ? (
          <>
            {!creating && form.buyerName && form.buyerId ? (
              <div className="buyer-form__head">
                <p className="buyer-form__who">{form.buyerName}</p>
                <BuyerSelectionsLinks buyer={{ id: form.buyerId, name: form.buyerName }} />
              </div>
            ) : null}
            {form.refusal ? (
              <p className="notice notice--warning buyer-form__refusal">
                {t('buyers.refusal.reason', { reason: form.refusal.reason })}{' '}
                {t('buyers.form.correcting')}
              </p>
            ) : null}
          </>
        ) : undefined
      }
      actions={
        <>
          <button type="button" className="button button--quiet" onClick={close}>
            {t('cancel')}
          </button>
          <button
            type="submit"
            className="button button--primary"
            aria-disabled={form?.saving ?? false}
          >
            {form?.saving ? <span className="spinner" aria-hidden="true" /> : null}
            {creating ? t('buyers.form.create') : t('buyers.form.save')}
          </button>
        </>
      }
    >
      {form && draft ? (
        <>
          {creating ? (
            <>
              <Field label={t('buyers.form.name')} error={fields.name}>
                {(control) => (
                  <input
                    {...control}
                    className="field__control"
                    value={draft.name}
                    maxLength={200}
                    autoComplete="organization"
                    data-autofocus
                    onChange={(event) => change({ name: event.target.value })}
                  />
                )}
              </Field>
              <ChoiceGroup<BuyerKind>
                legend={t('buyers.form.kind')}
                name="buyer-kind"
                value={draft.kind}
                error={fields.kind}
                onChange={(kind) => change({ kind })}
                options={[
                  { value: 'customer_owned', label: t('buyers.kind.customer_owned') },
                  { value: 'offline', label: t('buyers.kind.offline') },
                ]}
              />
              <Field
                label={t('buyers.form.country')}
                hint={t('buyers.form.countryHint')}
                error={fields.countryCode}
                className="buyer-form__country"
              >
                {(control) => (
                  <input
                    {...control}
                    className="field__control"
                    value={draft.countryCode}
                    maxLength={2}
                    autoComplete="country"
                    autoCapitalize="characters"
                    spellCheck={false}
                    onChange={(event) => change({ countryCode: event.target.value.toUpperCase() })}
                  />
                )}
              </Field>
            </>
          ) : null}

          <div className="form-row">
            <Field label={t('buyers.form.pricelist')} error={fields['terms.pricelistId']}>
              {(control) => (
                <select
                  {...control}
                  className="field__control"
                  value={draft.pricelistId}
                  {...(creating ? {} : { 'data-autofocus': true })}
                  onChange={(event) => change({ pricelistId: event.target.value })}
                >
                  {pricelists.length === 0 ? (
                    <option value="">{t('buyers.form.noPricelists')}</option>
                  ) : null}
                  {!knownPricelist && draft.pricelistId !== '' ? (
                    <option value={draft.pricelistId}>{t('buyers.noPricelist')}</option>
                  ) : null}
                  {pricelists.map((pricelist) => (
                    <option key={pricelist.id} value={pricelist.id}>
                      {t('pricelist.option', {
                        name: pricelist.name,
                        currency: pricelist.currency,
                      })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('buyers.form.discount')} error={fields['terms.discountPercent']}>
              {(control) => (
                <input
                  {...control}
                  className="field__control buyer-form__number"
                  inputMode="decimal"
                  value={draft.discount}
                  onChange={(event) => change({ discount: event.target.value })}
                />
              )}
            </Field>
          </div>
          <Field
            label={t('buyers.form.language')}
            hint={t('buyers.form.languageHint')}
            error={fields['terms.language']}
          >
            {(control) => (
              <select
                {...control}
                className="field__control"
                value={draft.language}
                onChange={(event) => change({ language: event.target.value as BuyerLanguage })}
              >
                <option value="en">{t('language.en')}</option>
                <option value="ja">{t('language.ja')}</option>
              </select>
            )}
          </Field>

          {alert || otherIssues.length > 0 ? (
            <div className="notice notice--error" role="alert">
              <p className="buyer-form__failed">
                {t('buyers.form.failed')} {alert ? alert.message : null}
              </p>
              {otherIssues.length > 0 ? (
                <ul className="buyer-form__issues">
                  {otherIssues.map(([path, message]) => (
                    <li key={path}>{message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <p className="buyer-form__note">{t('buyers.form.offlineNote')}</p>
          )}
        </>
      ) : null}
    </Dialog>
  );
}

/** From a buyer's terms to the buyer's selections, or straight to a new one. */
function BuyerSelectionsLinks({ buyer }: { buyer: { id: string; name: string } }) {
  const { t } = useTranslation();
  const close = useBuyerFormStore((state) => state.close);
  const go = useNavigationStore((state) => state.go);
  const setBuyer = useSelectionsStore((state) => state.setBuyer);
  const setOwner = useSelectionsStore((state) => state.setOwner);
  const openNew = useNewSelectionStore((state) => state.open);
  return (
    <div className="buyer-form__links">
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          close();
          setOwner('all');
          setBuyer(buyer);
          go('selections');
        }}
      >
        {t('buyers.form.selections')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          close();
          openNew(buyer);
        }}
      >
        {t('selections.new')}
      </button>
    </div>
  );
}
