import { useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  SelectionDetail,
  SelectionStyleLine,
  SyncRefusal,
} from '../../../preload/contract/index.ts';
import { deadlineWords } from '../../ui/dates.ts';
import { Money } from '../../ui/Money.tsx';
import { mediaUrl } from '../api.ts';
import { formatDate } from '../format.ts';
import type { Shortcut } from '../keyboard/shortcuts.ts';
import { useShortcuts } from '../keyboard/useShortcuts.ts';
import { useNewSelectionStore } from '../state/newSelection.ts';
import { useSelectionStore } from '../state/selection.ts';
import { useSyncStore } from '../state/sync.ts';
import { DialogBoundary } from './Boundaries.tsx';
import { ConfirmDialog, Dialog } from './Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { Menu } from './Menu.tsx';
import { DiscardEntryDialog, QuickEntry, SizeRunEntry } from './SelectionEntry.tsx';
import { ShareLinkDialog } from './ShareLinkDialog.tsx';
import { PlaceOrderDialog } from './PlaceOrderDialog.tsx';
import { useCan } from '../hooks/useCan.ts';
import { useSessionStore } from '../state/session.ts';
import { StatePanel } from './StatePanel.tsx';
import { WarningIcon } from './SyncIndicator.tsx';
import './SelectionEditor.css';

export const SHORTCUTS = {
  newSelection: { key: 'n', mod: true, alt: true },
  quickEntry: { key: 'k', mod: true },
  exportPdf: { key: 'e', mod: true },
  exportCsv: { key: 'e', mod: true, shift: true },
  duplicate: { key: 'd', mod: true },
  remove: { key: 'Backspace', mod: true, alternatives: ['Delete'] },
} satisfies Record<string, Shortcut>;

/** The open selection: who it is for, quick entry, its order sheet, totals and notes. */
export function SelectionEditor() {
  const { t } = useTranslation();
  const detail = useSelectionStore((state) => state.detail);
  const loadError = useSelectionStore((state) => state.loadError);
  const refresh = useSelectionStore((state) => state.refresh);

  if (loadError !== null) {
    return (
      <StatePanel
        tone="error"
        icon="error"
        title={t('selection.failed')}
        lead={loadError || t('unexpected')}
        action={
          <button type="button" className="button button--primary" onClick={() => void refresh()}>
            {t('tryAgain')}
          </button>
        }
      />
    );
  }
  if (!detail) return <p className="selections__loading">{t('loading')}</p>;
  return <Editor detail={detail} />;
}

function Editor({ detail }: { detail: SelectionDetail }) {
  const { t } = useTranslation();
  const entry = useSelectionStore((state) => state.entry);
  const actionError = useSelectionStore((state) => state.actionError);
  const dismissError = useSelectionStore((state) => state.dismissError);
  const quickEntry = useRef<HTMLInputElement>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [ordering, setOrdering] = useState(false);
  const mayOrder = useMayPlaceOrder(detail);
  const actions = useSelectionActions(quickEntry, () => setConfirmDelete(true));

  return (
    <article className="selection" aria-labelledby="selection-name">
      <header className="selection__head">
        <div className="selection__title">
          <h2 id="selection-name">{detail.name}</h2>
          <p className="selection__terms">
            <BuyerTerms detail={detail} />
          </p>
        </div>
        <div className="selection__actions">
          {detail.waitingToSync ? (
            <span className="badge badge--waiting">{t('selections.waiting')}</span>
          ) : null}
          {mayOrder ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setOrdering(true)}
            >
              {t('placeOrder.button')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setSharing(true)}>
            {t('share.button')}
          </button>
          <button type="button" className="button" onClick={() => setRenaming(true)}>
            {t('selection.rename')}
          </button>
          <Menu label={t('selection.actions')} items={actions} />
        </div>
      </header>

      {detail.refusals.map((refusal) => (
        <SelectionRefusal key={refusal.seq} refusal={refusal} />
      ))}
      {actionError !== null ? (
        <div className="banner banner--error" role="alert">
          <span>{actionError || t('unexpected')}</span>
          <button type="button" className="button button--quiet" onClick={dismissError}>
            {t('close')}
          </button>
        </div>
      ) : null}
      {detail.pastDeadline.length > 0 ? <PastDeadline catalogs={detail.pastDeadline} /> : null}
      {detail.missingSkuIds.length > 0 ? (
        <MissingSizes count={detail.missingSkuIds.length} />
      ) : null}

      <QuickEntry
        ref={quickEntry}
        store={useSelectionStore}
        pricelistId={detail.buyer.pricelistId}
      />
      {entry.status !== 'closed' ? (
        <SizeRunEntry
          returnFocus={quickEntry}
          store={useSelectionStore}
          price="wholesale"
          priceLabel={t('entry.wholesale')}
        />
      ) : null}
      <DiscardEntryDialog returnFocus={quickEntry} store={useSelectionStore} />

      {detail.lines.length === 0 ? (
        <p className="selection__empty">{t('selection.empty')}</p>
      ) : (
        <OrderSheet detail={detail} />
      )}

      <Notes key={detail.id} detail={detail} />
      <Totals detail={detail} />

      <DeleteDialog
        open={confirmDelete}
        name={detail.name}
        onClose={() => setConfirmDelete(false)}
      />
      {sharing ? (
        <DialogBoundary dialog="shareLink" close={() => setSharing(false)}>
          <ShareLinkDialog
            selectionId={detail.id}
            selectionName={detail.name}
            onClose={() => setSharing(false)}
          />
        </DialogBoundary>
      ) : null}
      {ordering ? (
        <DialogBoundary dialog="placeOrder" close={() => setOrdering(false)}>
          <PlaceOrderDialog selectionId={detail.id} onClose={() => setOrdering(false)} />
        </DialogBoundary>
      ) : null}
      {renaming ? <RenameDialog detail={detail} onClose={() => setRenaming(false)} /> : null}
    </article>
  );
}

/**
 * Place order is offered to who may change the selection (its rep, or whoever may change
 * any selection), once it has a buyer with a currency and sizes priced for them.
 */
function useMayPlaceOrder(detail: SelectionDetail): boolean {
  const userId = useSessionStore((store) =>
    store.state.status === 'ready' && store.state.session.state === 'signed_in'
      ? store.state.session.user.id
      : null,
  );
  const mayChangeAny = useCan('changeAnySelection');
  const priced = detail.lines.some((line) =>
    line.cells.some((cell) => cell.quantity > 0 && cell.unitPrice !== null),
  );
  return (
    priced &&
    detail.buyer.currency !== null &&
    (mayChangeAny || (userId !== null && userId === detail.owner.id))
  );
}

/** The menu's actions, each with its shortcut, also bound to the keys while the editor is open. */
function useSelectionActions(
  quickEntry: RefObject<HTMLInputElement | null>,
  askDelete: () => void,
) {
  const { t } = useTranslation();
  const exportAs = useSelectionStore((state) => state.exportAs);
  const exporting = useSelectionStore((state) => state.exporting);
  const duplicate = useSelectionStore((state) => state.duplicate);
  const buyer = useSelectionStore((state) => state.detail?.buyer);
  const openNew = useNewSelectionStore((state) => state.open);
  const items = [
    {
      label: t('selection.quickEntry'),
      shortcut: SHORTCUTS.quickEntry,
      run: () => quickEntry.current?.focus(),
    },
    {
      label: exporting === 'pdf' ? t('selection.exporting') : t('selection.exportPdf'),
      shortcut: SHORTCUTS.exportPdf,
      disabled: exporting !== null,
      run: () => void exportAs('pdf'),
    },
    {
      label: exporting === 'csv' ? t('selection.exporting') : t('selection.exportCsv'),
      shortcut: SHORTCUTS.exportCsv,
      disabled: exporting !== null,
      run: () => void exportAs('csv'),
    },
    {
      label: t('selection.duplicate'),
      shortcut: SHORTCUTS.duplicate,
      run: () => void duplicate(),
    },
    {
      label: t('selection.newForBuyer'),
      shortcut: SHORTCUTS.newSelection,
      run: () => openNew(buyer ? { id: buyer.id, name: buyer.name } : null),
    },
    {
      label: t('selection.delete'),
      shortcut: SHORTCUTS.remove,
      tone: 'danger' as const,
      run: askDelete,
    },
  ];
  useShortcuts(
    items.map((item) => ({
      shortcut: item.shortcut,
      run: item.run,
      enabled: !item.disabled,
    })),
  );
  return items;
}

function BuyerTerms({ detail }: { detail: SelectionDetail }) {
  const { t, i18n } = useTranslation();
  const { buyer } = detail;
  return (
    <>
      <span className="selection__buyer">{t('selection.for', { name: buyer.name })}</span>
      <span>
        {buyer.pricelistName ?? t('buyers.noPricelist')}
        {buyer.currency ? ` (${buyer.currency})` : ''}
      </span>
      <span>{t('selection.discount', { value: buyer.discountPercent })}</span>
      <span>{t(`language.${buyer.language}`)}</span>
      <span>
        {t('selection.by', {
          name: detail.owner.name,
          date: formatDate(detail.updatedAt, i18n.language),
        })}
      </span>
    </>
  );
}

function SelectionRefusal({ refusal }: { refusal: SyncRefusal }) {
  const { t } = useTranslation();
  const dismiss = useSyncStore((state) => state.dismissRefusal);
  return (
    <div className="selection-refusal" role="alert">
      <WarningIcon />
      <p>
        <strong>{refusal.summary}</strong> {t('sync.reason', { reason: refusal.reason })}
      </p>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => void dismiss(refusal.seq)}
      >
        {t('sync.dismiss')}
      </button>
    </div>
  );
}

/**
 * The catalogs whose order deadline has passed for styles here: a warning, not a
 * refusal, since what the buyer agrees to at the booth is a fact.
 */
function PastDeadline({ catalogs }: { catalogs: SelectionDetail['pastDeadline'] }) {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    catalogs.map((params) => t('selection.catalogDeadline', deadlineWords(params, i18n.language))),
  );
  return (
    <div className="banner banner--warning" role="status">
      <span>{t('selection.pastDeadline', { catalogs: list })}</span>
    </div>
  );
}

function MissingSizes({ count }: { count: number }) {
  const { t } = useTranslation();
  const removeMissing = useSelectionStore((state) => state.removeMissing);
  return (
    <div className="banner banner--warning" role="status">
      <span>{t('selection.missing', { count })}</span>
      <button type="button" className="button button--quiet" onClick={() => void removeMissing()}>
        {t('selection.removeMissing')}
      </button>
    </div>
  );
}

/** The order sheet: a row per style-colourway with its size run, units and amount. */
function OrderSheet({ detail }: { detail: SelectionDetail }) {
  const { t } = useTranslation();
  return (
    <div className="sheet" role="table" aria-label={t('selection.sheet')}>
      <div className="sheet__row sheet__row--head" role="row">
        <span role="columnheader">
          <span className="visually-hidden">{t('selection.picture')}</span>
        </span>
        <span role="columnheader">{t('selection.style')}</span>
        <span role="columnheader" className="sheet__sizes-head">
          {t('selection.sizes')}
        </span>
        <span role="columnheader" className="sheet__number">
          {t('selection.unitsHead')}
        </span>
        <span role="columnheader" className="sheet__number">
          {t('selection.amount')}
        </span>
        <span role="columnheader">
          <span className="visually-hidden">{t('selection.remove')}</span>
        </span>
      </div>
      {detail.lines.map((line) => (
        <SheetRow key={`${line.styleId}:${line.colorway.code}`} line={line} />
      ))}
    </div>
  );
}

function SheetRow({ line }: { line: SelectionStyleLine }) {
  const { t, i18n } = useTranslation();
  const removeLine = useSelectionStore((state) => state.removeLine);
  const startEntry = useSelectionStore((state) => state.startEntry);
  const cellErrors = useSelectionStore((state) => state.cellErrors);
  const errorId = useId();
  const label = `${line.styleNumber} ${line.colorway.name}`;
  const errors = line.cells
    .filter((cell) => cellErrors[cell.skuId])
    .map((cell) => `${cell.size}: ${cellErrors[cell.skuId]}`);
  return (
    <div className="sheet__row" role="row" aria-label={label}>
      <span role="cell" className="sheet__picture">
        {line.pictureId ? (
          <img src={mediaUrl(line.pictureId)} alt="" width={48} height={64} loading="lazy" />
        ) : (
          <span className="sheet__swatch" style={{ backgroundColor: line.colorway.colorHex }} />
        )}
      </span>
      <span role="cell" className="sheet__style">
        <button
          type="button"
          className="sheet__style-button"
          onClick={() => void startEntry(line.styleId)}
        >
          <span className="sheet__number-text">{line.styleNumber}</span>
          <span className="sheet__name">{line.name}</span>
        </button>
        <span className="sheet__colour">
          <span
            className="swatch"
            style={{ backgroundColor: line.colorway.colorHex }}
            aria-hidden="true"
          />
          {line.colorway.name}
        </span>
      </span>
      <span role="cell" className="sheet__sizes">
        <span className="sheet__size-cells">
          {line.cells.map((cell) => (
            <SizeCell
              key={cell.skuId}
              skuId={cell.skuId}
              size={cell.size}
              quantity={cell.quantity}
              sold={cell.quantity === 0 || cell.unitPrice !== null}
              label={`${label} ${cell.size}`}
              invalid={Boolean(cellErrors[cell.skuId])}
              describedBy={errors.length > 0 ? errorId : undefined}
            />
          ))}
        </span>
        {errors.length > 0 ? (
          <span id={errorId} className="sheet__error" role="alert">
            {errors.join(' · ')}
          </span>
        ) : null}
        {line.orderRefusal?.code === 'deadline_passed' ? (
          <span className="sheet__deadline">
            {t(
              'selection.linePastDeadline',
              deadlineWords(line.orderRefusal.params, i18n.language),
            )}
          </span>
        ) : null}
        {line.unsold.length > 0 ? (
          <span className="sheet__unsold">
            {t('selection.unsold', { sizes: line.unsold.join(', ') })}
          </span>
        ) : null}
      </span>
      <span role="cell" className="sheet__number">
        {line.units}
      </span>
      <span role="cell" className="sheet__number">
        <Money value={line.amount} language={i18n.language} />
      </span>
      <span role="cell">
        <button
          type="button"
          className="icon-button"
          aria-label={t('selection.removeLine', { label })}
          title={t('selection.removeLine', { label })}
          onClick={() => void removeLine(line)}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M5 6h10M8 6V4.5h4V6m-6 0 .7 9.5h6.6L14 6" />
          </svg>
        </button>
      </span>
    </div>
  );
}

/** A size's quantity on the sheet: typed in place, saved on Enter or on leaving the cell. */
function SizeCell({
  skuId,
  size,
  quantity,
  sold,
  label,
  invalid,
  describedBy,
}: {
  skuId: string;
  size: string;
  quantity: number;
  sold: boolean;
  label: string;
  invalid: boolean;
  describedBy: string | undefined;
}) {
  const setQuantity = useSelectionStore((state) => state.setQuantity);
  const shown = quantity > 0 ? String(quantity) : '';
  const [text, setText] = useState(shown);
  const [was, setWas] = useState(shown);
  if (was !== shown) {
    // The selection changed under the cell (a save, a sync): show what it holds now.
    setWas(shown);
    setText(shown);
  }
  const commit = () => {
    if (text.trim() === shown) return;
    void setQuantity(skuId, text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape') {
      setText(shown);
    }
  };
  return (
    <label className={`size-cell${sold ? '' : ' size-cell--unsold'}`}>
      <span className="size-cell__size">{size}</span>
      <input
        className="size-cell__input"
        inputMode="numeric"
        aria-label={label}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        onFocus={(event) => event.target.select()}
        autoComplete="off"
        maxLength={6}
      />
    </label>
  );
}

function Notes({ detail }: { detail: SelectionDetail }) {
  const { t } = useTranslation();
  const update = useSelectionStore((state) => state.update);
  const [text, setText] = useState(detail.notes);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);
  return (
    <Field
      label={t('selection.notes')}
      hint={saved ? t('selection.notesSaved') : t('selection.notesHint')}
      error={error}
      className="selection__notes"
    >
      {(control) => (
        <textarea
          {...control}
          className="field__control field__control--area"
          value={text}
          rows={3}
          maxLength={4000}
          onChange={(event) => {
            setText(event.target.value);
            setSaved(false);
          }}
          onBlur={() => {
            if (text === detail.notes) return;
            void update({ notes: text }).then((problem) => {
              setError(problem ?? undefined);
              setSaved(problem === null);
            });
          }}
        />
      )}
    </Field>
  );
}

function Totals({ detail }: { detail: SelectionDetail }) {
  const { t, i18n } = useTranslation();
  const { totals } = detail;
  return (
    <dl className="selection-totals" aria-label={t('selection.totals')}>
      <div>
        <dt>{t('selection.unitsHead')}</dt>
        <dd>{totals.units.toLocaleString(i18n.language)}</dd>
      </div>
      <div>
        <dt>{t('selection.subtotal')}</dt>
        <dd>
          <Money value={totals.subtotal} language={i18n.language} />
        </dd>
      </div>
      <div>
        <dt>{t('selection.discountLine', { value: totals.discountPercent })}</dt>
        <dd>
          <Money value={totals.discount} language={i18n.language} deduction />
        </dd>
      </div>
      <div className="selection-totals__total">
        <dt>{t('selection.total')}</dt>
        <dd>
          <Money value={totals.total} language={i18n.language} />
        </dd>
      </div>
    </dl>
  );
}

function DeleteDialog({
  open,
  name,
  onClose,
}: {
  open: boolean;
  name: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const remove = useSelectionStore((state) => state.remove);
  return (
    <ConfirmDialog
      open={open}
      title={t('selection.deleteTitle', { name })}
      lead={t('selection.deleteLead')}
      keepLabel={t('cancel')}
      confirmLabel={t('selection.delete')}
      onKeep={onClose}
      onConfirm={() => {
        onClose();
        void remove();
      }}
    />
  );
}

function RenameDialog({ detail, onClose }: { detail: SelectionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useSelectionStore((state) => state.update);
  const [name, setName] = useState(detail.name);
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    setSaving(true);
    const problem = await update({ name });
    setSaving(false);
    if (problem === null) onClose();
    else setError(problem);
  };
  return (
    <Dialog
      open
      size="small"
      title={t('selection.renameTitle')}
      onClose={onClose}
      onSubmit={() => void submit()}
      busy={saving}
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={saving}>
            {t('selection.save')}
          </button>
        </>
      }
    >
      <Field label={t('selection.name')} error={error}>
        {(control) => (
          <input
            {...control}
            className="field__control"
            value={name}
            maxLength={120}
            onChange={(event) => setName(event.target.value)}
            data-autofocus
          />
        )}
      </Field>
    </Dialog>
  );
}
