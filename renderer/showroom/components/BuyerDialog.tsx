import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_PROPOSAL_NOTE } from '../../../main/domain/buyers.ts';
import { useCan } from '../hooks/useCan.ts';
import { useBrandStore } from '../state/brand.ts';
import {
  useBuyerFormStore,
  type BuyerFormMode,
  type BuyerKind,
  type BuyerLanguage,
} from '../state/buyerForm.ts';
import { refusalReason } from '../state/buyerRefusals.ts';
import { useTermsProposalsStore } from '../state/buyerTermsProposals.ts';
import { useNavigationStore } from '../state/navigation.ts';
import { useNewSelectionStore } from '../state/newSelection.ts';
import { useSelectionsStore } from '../state/selections.ts';
import { useSyncStore } from '../state/sync.ts';
import { BuyerAddresses } from './BuyerAddresses.tsx';
import { BuyerPeople } from './BuyerPeople.tsx';
import { BuyerSignIn } from './BuyerSignIn.tsx';
import { CurrentTerms, PendingProposals, YourProposal } from './BuyerDialogProposals.tsx';
import { Dialog } from './Dialog.tsx';
import { OpenAsBuyerButton } from './OpenAsBuyer.tsx';
import { ChoiceGroup, Field } from '../../ui/Field.tsx';
import './BuyerDialog.css';

const TERMS_PATHS = ['terms.pricelistId', 'terms.discountPercent', 'terms.language'] as const;

/** Input paths the form shows at a field; any other issue goes to the alert. */
const FIELD_PATHS: Readonly<Record<BuyerFormMode, readonly string[]>> = {
  create: ['name', 'kind', 'countryCode', ...TERMS_PATHS],
  terms: TERMS_PATHS,
  propose: [...TERMS_PATHS, 'note'],
};

const SUBMIT_LABEL: Readonly<Record<BuyerFormMode, string>> = {
  create: 'buyers.form.create',
  terms: 'buyers.form.save',
  propose: 'buyers.proposals.propose',
};

/**
 * "New buyer", or one buyer's "Trading terms": an admin changes them and decides what
 * reps proposed; a rep proposes new ones. Also where a refused change is corrected.
 */
export function BuyerDialog() {
  const { t } = useTranslation();
  const form = useBuyerFormStore((state) => state.form);
  const change = useBuyerFormStore((state) => state.change);
  const close = useBuyerFormStore((state) => state.close);
  const save = useBuyerFormStore((state) => state.save);
  const summary = useBrandStore((state) => state.summary);
  const pricelists = summary.status === 'ready' ? summary.summary.pricelists : [];
  const mayDecide = useCan('decideTermsProposals');
  const proposals = useTermsProposalsStore((state) => state.items);
  const proposalsProblem = useTermsProposalsStore((state) => state.problem);
  const loadProposals = useTermsProposalsStore((state) => state.load);
  const clearProposals = useTermsProposalsStore((state) => state.clear);
  const dataVersion = useSyncStore((state) => state.status?.dataVersion);

  const mode = form?.mode ?? 'create';
  const buyerId = mode === 'create' ? null : (form?.buyerId ?? null);
  useEffect(() => {
    if (buyerId === null) clearProposals();
    else void loadProposals(buyerId);
  }, [buyerId, dataVersion, loadProposals, clearProposals]);

  const creating = mode === 'create';
  const proposing = mode === 'propose';
  const fields = form?.problem?.fields ?? {};
  const shownAtField = FIELD_PATHS[mode].filter((path) => fields[path] !== undefined);
  const otherIssues = Object.entries(fields).filter(([path]) => !FIELD_PATHS[mode].includes(path));
  const problem = form?.problem ?? null;
  const alert =
    problem && (problem.code !== 'invalid_input' || shownAtField.length === 0) ? problem : null;
  const draft = form?.draft;
  const knownPricelist = pricelists.some((pricelist) => pricelist.id === draft?.pricelistId);
  // A rep's own proposals, newest first: one waiting for a decision comes before a new one.
  const latest = proposing ? (proposals?.[0] ?? null) : null;
  const mayPropose = proposing && proposals !== null && latest?.status !== 'pending';
  const decides = mode === 'terms' && mayDecide;
  const showFields = !proposing || mayPropose;
  const giveDiscount = !creating || (form?.mayChangeTerms ?? false);

  return (
    <Dialog
      open={form !== null}
      title={creating ? t('buyers.form.createTitle') : t('buyers.form.termsTitle')}
      busy={form?.saving ?? false}
      onClose={close}
      onSubmit={() => {
        if (showFields) void save();
      }}
      lead={
        form && (form.refusal || !creating) ? (
          <>
            {!creating && form.buyerName && form.buyerId ? (
              <div className="buyer-form__head">
                <p className="buyer-form__who">{form.buyerName}</p>
                <BuyerSelectionsLinks buyer={{ id: form.buyerId, name: form.buyerName }} />
              </div>
            ) : null}
            {!creating && form.buyerName && form.buyerId ? (
              <OpenAsBuyerButton buyer={{ id: form.buyerId, name: form.buyerName }} />
            ) : null}
            {form.refusal ? (
              <p className="notice notice--warning buyer-form__refusal">
                {t('buyers.refusal.reason', { reason: refusalReason(t, form.refusal) })}{' '}
                {t('buyers.form.correcting')}
              </p>
            ) : null}
          </>
        ) : undefined
      }
      actions={
        showFields ? (
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
              {t(SUBMIT_LABEL[mode])}
            </button>
          </>
        ) : (
          <button type="button" className="button button--primary" onClick={close}>
            {t('close')}
          </button>
        )
      }
    >
      {form && draft ? (
        <>
          {proposing && form.current ? <CurrentTerms buyer={form.current} /> : null}
          {proposalsProblem !== null && !creating ? (
            <p className="notice notice--error" role="alert">
              {t('buyers.proposals.failed')} {proposalsProblem}
            </p>
          ) : null}
          {latest ? <YourProposal proposal={latest} /> : null}
          {proposing && latest?.status === 'pending' ? (
            <p className="buyer-form__note">{t('buyers.proposals.oneAtATime')}</p>
          ) : null}
          {decides ? (
            <PendingProposals
              proposals={(proposals ?? []).filter((proposal) => proposal.status === 'pending')}
            />
          ) : null}
          {mayPropose ? (
            <div className="buyer-form__section">
              <h3 className="buyer-form__section-title">{t('buyers.proposals.proposeTitle')}</h3>
              <p className="buyer-form__note">{t('buyers.proposals.proposeLead')}</p>
            </div>
          ) : null}
        </>
      ) : null}
      {form && draft && showFields ? (
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
            <Field
              label={t('buyers.form.pricelist')}
              hint={giveDiscount ? undefined : t('buyers.form.discountByAdmin')}
              error={fields['terms.pricelistId']}
            >
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
            {giveDiscount ? (
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
            ) : null}
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
          {proposing ? (
            <Field
              label={t('buyers.proposals.note')}
              hint={t('buyers.proposals.noteHint')}
              error={fields.note}
            >
              {(control) => (
                <textarea
                  {...control}
                  className="field__control buyer-form__note-input"
                  rows={3}
                  maxLength={MAX_PROPOSAL_NOTE}
                  value={draft.note}
                  onChange={(event) => change({ note: event.target.value })}
                />
              )}
            </Field>
          ) : null}

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
      {!creating && buyerId !== null ? <BuyerAddresses buyerId={buyerId} /> : null}
      {!creating && buyerId !== null ? <BuyerPeople buyerId={buyerId} /> : null}
      {!creating && buyerId !== null ? <BuyerSignIn buyerId={buyerId} /> : null}
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
