import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DtcLinkSummary, DtcSelectionDetail } from '../../../preload/contract/index.ts';
import { ChoiceGroup } from '../../ui/Field.tsx';
import { errorMessage, trunkshow } from '../api.ts';
import { formatDate } from '../format.ts';
import { useBrandStore } from '../state/brand.ts';
import { useDtcStore } from '../state/dtc.ts';
import { useDtcSelectionStore } from '../state/dtcSelection.ts';
import { ConfirmDialog, Dialog, FormDialogActions } from './Dialog.tsx';
import { DtcRefusal } from './DtcCustomer.tsx';
import { DtcLines, SelectionHead } from './DtcSelectionParts.tsx';
import { copyAddress, NewLinkPanel } from './LinkAddress.tsx';

/**
 * The spec's Checkout: the saved selection as the customer will be offered it, the
 * "Link" button that opens the pop-up, and the links made from it with their state.
 */
export function DtcCheckout({ detail }: { detail: DtcSelectionDetail }) {
  const { t } = useTranslation();
  const show = useDtcStore((state) => state.show);
  const lines = useDtcSelectionStore((state) => state.lines);
  const [linking, setLinking] = useState(false);
  const mayLink = detail.deletedAt === null && detail.lines.length > 0;
  return (
    <article className="dtc-selection" aria-labelledby="dtc-checkout-title">
      <header className="dtc-selection__head">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => show({ kind: 'selection', id: detail.id, checkout: false })}
        >
          ← {t('dtc.checkout.back')}
        </button>
        <h3 id="dtc-checkout-title">
          {t('dtc.checkout.title')}: {detail.name}
        </h3>
        <div className="dtc-selection__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={!mayLink}
            onClick={() => setLinking(true)}
          >
            {t('dtc.checkout.link')}
          </button>
        </div>
      </header>
      <p className="dtc-selection__lead">{t('dtc.checkout.lead')}</p>
      <SelectionHead detail={detail} />
      {detail.refusals.map((refusal) => (
        <DtcRefusal key={refusal.seq} refusal={refusal} />
      ))}
      <DtcLines lines={lines} currency={detail.market.currency} readOnly />
      <DtcLinkList detail={detail} />
      {linking ? <LinkDialog detail={detail} onClose={() => setLinking(false)} /> : null}
    </article>
  );
}

/** The spec's pop-up: lock the saved quantities or let the customer buy more; shipping and tax. */
function LinkDialog({ detail, onClose }: { detail: DtcSelectionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const createLink = useDtcSelectionStore((state) => state.createLink);
  const made = useDtcSelectionStore((state) => state.made);
  const forgetMade = useDtcSelectionStore((state) => state.forgetMade);
  const brand = useBrandStore((state) =>
    state.summary.status === 'ready' ? state.summary.summary.name : '',
  );
  const [quantities, setQuantities] = useState<'lock' | 'more'>('lock');
  const [ignoreShipping, setIgnoreShipping] = useState(false);
  const [ignoreTax, setIgnoreTax] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    forgetMade();
    onClose();
  };
  if (made) {
    return (
      <Dialog
        open
        title={t('dtc.linkDialog.made')}
        onClose={close}
        actions={
          <button type="button" className="button button--primary" onClick={close}>
            {t('dtc.linkDialog.close')}
          </button>
        }
      >
        <NewLinkPanel
          label={t('dtc.linkDialog.made')}
          heading={t('dtc.linkDialog.madeHeading')}
          url={made.url}
          subject={t('dtc.linkDialog.subject', { brand })}
          copyLabel={t('dtc.linkDialog.copy')}
          note={
            // The link as the selection now lists it: it goes live while the pop-up is open.
            (detail.links.find((link) => link.id === made.link.id) ?? made.link).state ===
            'waitingToSync'
              ? t('dtc.linkDialog.madeOffline')
              : t('dtc.linkDialog.madeOnline')
          }
        />
      </Dialog>
    );
  }
  const submit = async () => {
    setBusy(true);
    const refused = await createLink({
      lockQuantities: quantities === 'lock',
      ignoreShipping,
      ignoreTax,
    });
    setBusy(false);
    setProblem(refused);
  };
  return (
    <Dialog
      open
      title={t('dtc.linkDialog.title')}
      lead={t('dtc.linkDialog.lead', { name: detail.customer.name })}
      onClose={close}
      onSubmit={() => void submit()}
      busy={busy}
      actions={
        <FormDialogActions submitLabel={t('dtc.linkDialog.create')} busy={busy} onCancel={close} />
      }
    >
      <ChoiceGroup
        legend={t('dtc.linkDialog.quantities')}
        name="dtc-link-quantities"
        value={quantities}
        options={[
          { value: 'lock', label: t('dtc.linkDialog.lock') },
          { value: 'more', label: t('dtc.linkDialog.more') },
        ]}
        onChange={setQuantities}
      />
      <div className="dtc-link__options">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={ignoreShipping}
            onChange={(event) => setIgnoreShipping(event.target.checked)}
          />
          <span>{t('dtc.linkDialog.ignoreShipping')}</span>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={ignoreTax}
            onChange={(event) => setIgnoreTax(event.target.checked)}
          />
          <span>{t('dtc.linkDialog.ignoreTax')}</span>
        </label>
      </div>
      {problem !== null ? (
        <p className="notice notice--error" role="alert">
          {t('dtc.linkDialog.notCreated')} {problem}
        </p>
      ) : null}
    </Dialog>
  );
}

/** The selection's links, newest first, in the states the spec's list shows. */
function DtcLinkList({ detail }: { detail: DtcSelectionDetail }) {
  const { t } = useTranslation();
  return (
    <section className="dtc-links" aria-labelledby="dtc-links-title">
      <h4 id="dtc-links-title">{t('dtc.checkout.links')}</h4>
      {detail.links.length === 0 ? (
        <p className="dtc-card__none">{t('dtc.checkout.noLinks')}</p>
      ) : (
        <ul className="dtc-links__list">
          {detail.links.map((link) => (
            <LinkRow key={link.id} link={link} />
          ))}
        </ul>
      )}
    </section>
  );
}

function stateWords(t: ReturnType<typeof useTranslation>['t'], link: DtcLinkSummary): string {
  return link.state === 'claimed'
    ? t('dtc.linkList.state.claimed', { count: link.claims })
    : t(`dtc.linkList.state.${link.state}`);
}

function LinkRow({ link }: { link: DtcLinkSummary }) {
  const { t, i18n } = useTranslation();
  const killLink = useDtcSelectionStore((state) => state.killLink);
  // 'idle', 'copied', or why copying failed.
  const [copy, setCopy] = useState<string>('idle');
  const [killing, setKilling] = useState(false);
  const usable = link.state !== 'purchased' && link.state !== 'dead';
  const state = stateWords(t, link);
  return (
    <li className="dtc-link" aria-label={state}>
      <span className={`badge dtc-link__state dtc-link__state--${link.state}`}>{state}</span>
      <span className="dtc-link__facts">
        <span>
          {t('dtc.linkList.created', {
            date: formatDate(link.createdAt, i18n.language),
            name: link.createdBy,
          })}
        </span>
        <span>
          {[
            link.lockQuantities ? t('dtc.linkList.locked') : t('dtc.linkList.open'),
            ...(link.ignoreShipping ? [t('dtc.linkList.shippingIgnored')] : []),
            ...(link.ignoreTax ? [t('dtc.linkList.taxIgnored')] : []),
          ].join(' · ')}
        </span>
        {link.purchaseOrderNumber ? (
          <span>{t('dtc.linkList.purchasedIn', { order: link.purchaseOrderNumber })}</span>
        ) : null}
      </span>
      {usable ? (
        <span className="dtc-link__actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={() =>
              void trunkshow()
                .invoke('dtc.links.address', { id: link.id })
                .then(({ url }) => copyAddress(url))
                .then(
                  (outcome) =>
                    setCopy(outcome === 'copied' ? 'copied' : t('dtc.linkList.copyFailed')),
                  (error: unknown) => setCopy(errorMessage(error, t('unexpected'))),
                )
            }
          >
            {copy === 'copied' ? t('dtc.linkList.copied') : t('dtc.linkList.copy')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setKilling(true)}>
            {t('dtc.linkList.kill')}
          </button>
          {copy !== 'idle' && copy !== 'copied' ? (
            <span className="field__error" role="status">
              {copy}
            </span>
          ) : null}
        </span>
      ) : null}
      <ConfirmDialog
        open={killing}
        title={t('dtc.linkList.killTitle')}
        lead={t('dtc.linkList.killLead')}
        keepLabel={t('dtc.linkList.keep')}
        confirmLabel={t('dtc.linkList.kill')}
        onKeep={() => setKilling(false)}
        onConfirm={() => {
          setKilling(false);
          void killLink(link.id);
        }}
      />
    </li>
  );
}
