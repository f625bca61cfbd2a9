import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_DTC_SELECTION_NAME } from '../../../main/domain/dtc.ts';
import type { DtcSelectionDetail } from '../../../preload/contract/index.ts';
import { useDtcStore } from '../state/dtc.ts';
import { unsaved, useDtcSelectionStore } from '../state/dtcSelection.ts';
import { useSyncStore } from '../state/sync.ts';
import { DtcCheckout } from './DtcCheckout.tsx';
import { ConfirmDialog } from './Dialog.tsx';
import { DtcRefusal } from './DtcCustomer.tsx';
import { DtcLines, SelectionHead } from './DtcSelectionParts.tsx';
import { DiscardEntryDialog, QuickEntry, SizeRunEntry } from './SelectionEntry.tsx';
import { StatePanel } from './StatePanel.tsx';

/**
 * A DTC selection: the editor, or its checkout. What the hub brings (a link gone live,
 * claimed, bought) shows as it arrives; what the rep typed and has not saved stays.
 */
export function DtcSelectionScreen({ id, checkout }: { id: string; checkout: boolean }) {
  const { t } = useTranslation();
  const open = useDtcSelectionStore((state) => state.open);
  const close = useDtcSelectionStore((state) => state.close);
  const detail = useDtcSelectionStore((state) => state.detail);
  const loadError = useDtcSelectionStore((state) => state.loadError);
  const dataVersion = useSyncStore((state) => state.status?.dataVersion);

  useEffect(() => {
    if (!unsaved(useDtcSelectionStore.getState())) void open(id);
  }, [id, open, dataVersion]);
  useEffect(() => close, [close]);

  if (loadError !== null) {
    return (
      <StatePanel
        tone="error"
        icon="error"
        title={t('dtc.failed')}
        lead={loadError || t('unexpected')}
        action={
          <button type="button" className="button button--primary" onClick={() => void open(id)}>
            {t('tryAgain')}
          </button>
        }
      />
    );
  }
  if (!detail || detail.id !== id) return <p className="dtc__loading">{t('loading')}</p>;
  return checkout ? <DtcCheckout detail={detail} /> : <Editor detail={detail} />;
}

function Editor({ detail }: { detail: DtcSelectionDetail }) {
  const { t } = useTranslation();
  const show = useDtcStore((state) => state.show);
  const name = useDtcSelectionStore((state) => state.name);
  const setName = useDtcSelectionStore((state) => state.setName);
  const lines = useDtcSelectionStore((state) => state.lines);
  const entry = useDtcSelectionStore((state) => state.entry);
  const problems = useDtcSelectionStore((state) => state.problems);
  const saving = useDtcSelectionStore((state) => state.saving);
  const saveError = useDtcSelectionStore((state) => state.saveError);
  const save = useDtcSelectionStore((state) => state.save);
  const dirty = useDtcSelectionStore(unsaved);
  const quickEntry = useRef<HTMLInputElement>(null);
  const [leaving, setLeaving] = useState(false);
  const readOnly = detail.deletedAt !== null;
  const mayCheckout = !dirty && detail.lines.length > 0 && !readOnly;

  return (
    <article className="dtc-selection" aria-labelledby="dtc-selection-name">
      <header className="dtc-selection__head">
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            if (dirty) setLeaving(true);
            else show({ kind: 'customer', id: detail.customer.id });
          }}
        >
          ← {detail.customer.name}
        </button>
        <h3 id="dtc-selection-name">{detail.name}</h3>
        {detail.waitingToSync ? (
          <span className="badge badge--waiting">{t('dtc.waiting')}</span>
        ) : null}
        {!readOnly ? (
          <div className="dtc-selection__actions">
            <span className="dtc-selection__saved" role="status">
              {dirty ? t('dtc.editor.unsaved') : t('dtc.editor.saved')}
            </span>
            <button
              type="button"
              className="button button--primary"
              disabled={saving || !dirty}
              onClick={() => void save()}
            >
              {t('dtc.editor.save')}
            </button>
            <button
              type="button"
              className="button"
              disabled={!mayCheckout}
              title={
                mayCheckout
                  ? undefined
                  : dirty
                    ? t('dtc.editor.checkoutNeedsSave')
                    : t('dtc.editor.checkoutNeedsLines')
              }
              onClick={() => show({ kind: 'selection', id: detail.id, checkout: true })}
            >
              {t('dtc.editor.checkout')}
            </button>
          </div>
        ) : null}
      </header>
      <SelectionHead detail={detail} />
      {detail.refusals.map((refusal) => (
        <DtcRefusal key={refusal.seq} refusal={refusal} />
      ))}
      {readOnly ? (
        <div className="banner banner--warning" role="status">
          <span>
            {detail.deletedByOrder?.number
              ? t('dtc.editor.deleted', { order: detail.deletedByOrder.number })
              : t('dtc.editor.deletedNoNumber')}
          </span>
        </div>
      ) : (
        <>
          <label className="field dtc-selection__name">
            <span className="field__label">{t('dtc.editor.name')}</span>
            <input
              className="field__control"
              value={name}
              maxLength={MAX_DTC_SELECTION_NAME}
              aria-invalid={Boolean(problems.name)}
              onChange={(event) => setName(event.target.value)}
            />
            {problems.name ? <span className="field__error">{problems.name}</span> : null}
          </label>
          <QuickEntry
            ref={quickEntry}
            store={useDtcSelectionStore}
            pricelistId={detail.market.pricelistId}
          />
          {entry.status !== 'closed' ? (
            <SizeRunEntry
              returnFocus={quickEntry}
              store={useDtcSelectionStore}
              price="retail"
              priceLabel={t('dtc.editor.retail')}
            />
          ) : null}
          <DiscardEntryDialog returnFocus={quickEntry} store={useDtcSelectionStore} />
        </>
      )}
      {saveError !== null ? (
        <p className="notice notice--error" role="alert">
          {saveError || t('unexpected')}
        </p>
      ) : null}
      {lines.length === 0 ? (
        <p className="selection__empty">{t('dtc.editor.empty')}</p>
      ) : (
        <DtcLines lines={lines} currency={detail.market.currency} readOnly={readOnly} />
      )}
      <ConfirmDialog
        open={leaving}
        title={t('dtc.editor.leaveTitle')}
        lead={t('dtc.editor.leaveLead')}
        keepLabel={t('dtc.editor.keepEditing')}
        confirmLabel={t('dtc.editor.discard')}
        onKeep={() => setLeaving(false)}
        onConfirm={() => {
          setLeaving(false);
          show({ kind: 'customer', id: detail.customer.id });
        }}
      />
    </article>
  );
}
