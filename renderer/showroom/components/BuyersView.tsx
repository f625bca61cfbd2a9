import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BuyerListItem, SyncRefusal } from '../../../preload/contract/index.ts';
import { useCan } from '../hooks/useCan.ts';
import { correctable, useBuyerFormStore } from '../state/buyerForm.ts';
import { refusalReason, refusalSummary } from '../state/buyerRefusals.ts';
import { buyerAt, sameSearch, useBuyersStore, type BuyerResults } from '../state/buyers.ts';
import { useSyncStore } from '../state/sync.ts';
import { StatePanel } from './StatePanel.tsx';
import { WarningIcon } from './SyncIndicator.tsx';
import './BuyersView.css';

/** Search as you type, but not on every keystroke. */
const TYPING_PAUSE_MS = 150;
const ROW_HEIGHT = 60;

/** The brand's buyers with their trading terms, what waits to sync and what the hub refused. */
export function BuyersView() {
  const { t } = useTranslation();
  const query = useBuyersStore((state) => state.query);
  const proposals = useBuyersStore((state) => state.proposals);
  const setProposals = useBuyersStore((state) => state.setProposals);
  const shown = useBuyersStore((state) => state.shown);
  const loading = useBuyersStore((state) => state.loading);
  const error = useBuyersStore((state) => state.error);
  const load = useBuyersStore((state) => state.load);
  const openCreateForm = useBuyerFormStore((state) => state.openCreate);
  const mayChangeTerms = useCan('changeTradingTerms');
  const openCreate = () => openCreateForm(mayChangeTerms);

  useEffect(() => {
    load();
  }, [query, proposals, load]);

  return (
    <section className="buyers" aria-labelledby="buyers-title">
      <div className="view-head">
        <div className="view-head__title">
          <h2 id="buyers-title">{t('buyers.title')}</h2>
          <p className="view-head__count" aria-live="polite">
            {shown
              ? shown.proposals
                ? t('buyers.proposals.count', { count: shown.total })
                : shown.query === ''
                  ? t('buyers.count', { count: shown.total })
                  : t('buyers.matches', { count: shown.total })
              : '\u00a0'}
          </p>
        </div>
        <BuyerSearch />
        {shown && (shown.pendingProposals > 0 || proposals) ? (
          <button
            type="button"
            className="button proposals-filter"
            aria-pressed={proposals}
            onClick={() => setProposals(!proposals)}
          >
            {t('buyers.proposals.filter')}
            <span className="proposals-filter__count">
              {t('buyers.proposals.filterCount', { count: shown.pendingProposals })}
            </span>
          </button>
        ) : null}
        <button type="button" className="button button--primary" onClick={openCreate}>
          <svg className="button__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <path d="M10 4.5v11M4.5 10h11" />
          </svg>
          {t('buyers.new')}
        </button>
      </div>

      {shown && shown.refusals.length > 0 ? (
        <div className="buyer-refusals">
          {shown.refusals.map((refusal) => (
            <BuyerRefusal key={refusal.seq} refusal={refusal} />
          ))}
        </div>
      ) : null}

      {shown && error !== null ? (
        <div className="banner banner--error buyers__banner" role="alert">
          <span>
            {t('buyers.failed')} {error}
          </span>
          <button type="button" className="button button--quiet" onClick={load}>
            {t('tryAgain')}
          </button>
        </div>
      ) : null}

      {!shown ? (
        error !== null ? (
          <StatePanel
            tone="error"
            icon="error"
            title={t('buyers.failed')}
            lead={error || t('unexpected')}
            action={
              <button type="button" className="button button--primary" onClick={load}>
                {t('tryAgain')}
              </button>
            }
          />
        ) : (
          <SkeletonRows />
        )
      ) : shown.total === 0 && shown.proposals ? (
        <StatePanel
          icon="box"
          title={t('buyers.proposals.none')}
          action={
            <button type="button" className="button" onClick={() => setProposals(false)}>
              {t('buyers.proposals.showAll')}
            </button>
          }
        />
      ) : shown.total === 0 && shown.query === '' ? (
        <StatePanel
          icon="box"
          title={t('buyers.empty')}
          action={
            <button type="button" className="button button--primary" onClick={openCreate}>
              {t('buyers.new')}
            </button>
          }
        />
      ) : shown.total === 0 ? (
        <StatePanel
          icon="search"
          title={t('buyers.noMatches', { query: shown.query })}
          lead={t('buyers.noMatchesLead')}
        />
      ) : (
        <BuyerList
          key={`${shown.proposals}|${shown.query}`}
          shown={shown}
          busy={loading && !sameSearch(shown, query, proposals)}
        />
      )}
    </section>
  );
}

function BuyerSearch() {
  const { t } = useTranslation();
  const draft = useBuyersStore((state) => state.draft);
  const setDraft = useBuyersStore((state) => state.setDraft);
  const submit = useBuyersStore((state) => state.submit);
  const clear = useBuyersStore((state) => state.clear);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = window.setTimeout(submit, TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, submit]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && draft !== '') {
      event.preventDefault();
      clear();
    }
  };

  return (
    <div className="search buyers__search" role="search">
      <svg className="search__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="5.75" />
        <path d="m13 13 4.25 4.25" />
      </svg>
      <input
        ref={input}
        className="search__input"
        type="search"
        aria-label={t('buyers.search')}
        placeholder={t('buyers.searchHint')}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        maxLength={200}
      />
      {draft !== '' ? (
        <button
          type="button"
          className="search__clear"
          onClick={() => {
            clear();
            input.current?.focus();
          }}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="m4.5 4.5 7 7m0-7-7 7" />
          </svg>
          <span className="visually-hidden">{t('search.clear')}</span>
        </button>
      ) : null}
    </div>
  );
}

/** A change the hub refused, shown where it happened until the rep corrects or dismisses it. */
function BuyerRefusal({ refusal }: { refusal: SyncRefusal }) {
  const { t } = useTranslation();
  const editRefusal = useBuyerFormStore((state) => state.editRefusal);
  const dismiss = useSyncStore((state) => state.dismissRefusal);
  const mayChangeTerms = useCan('changeTradingTerms');
  return (
    <div className="buyer-refusal" role="alert">
      <WarningIcon />
      <div className="buyer-refusal__text">
        <p className="buyer-refusal__summary">{refusalSummary(t, refusal)}</p>
        <p className="buyer-refusal__reason">
          {t('buyers.refusal.reason', { reason: refusalReason(t, refusal) })}
        </p>
      </div>
      <div className="buyer-refusal__actions">
        {correctable(refusal) ? (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => editRefusal(refusal, mayChangeTerms)}
          >
            {t('buyers.refusal.edit')}
          </button>
        ) : null}
        <button
          type="button"
          className="button button--quiet"
          onClick={() => void dismiss(refusal.seq)}
        >
          {t('buyers.refusal.dismiss')}
        </button>
      </div>
    </div>
  );
}

function ColumnHeads() {
  const { t } = useTranslation();
  return (
    <div className="buyer-columns" aria-hidden="true">
      <span>{t('buyers.column.name')}</span>
      <span>{t('buyers.column.country')}</span>
      <span>{t('buyers.column.pricelist')}</span>
      <span className="buyer-columns__number">{t('buyers.column.discount')}</span>
      <span>{t('buyers.column.language')}</span>
      <span>{t('buyers.column.kind')}</span>
      <span>{t('buyers.column.sync')}</span>
    </div>
  );
}

/**
 * Every buyer of the search, one row each. Only the rows on screen are in the DOM; their
 * pages are fetched as they come into view.
 */
function BuyerList({ shown, busy }: { shown: BuyerResults; busy: boolean }) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const ensureRange = useBuyersStore((state) => state.ensureRange);

  // The virtualizer is a mutable object read afresh on every render, as TanStack intends.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows[rows.length - 1]?.index ?? 0;

  useEffect(() => {
    // A screenful of look-ahead, so the next page is usually there before it is needed.
    ensureRange(first, last + 20);
  }, [ensureRange, first, last]);

  return (
    <div ref={scroller} className="buyer-scroller" aria-busy={busy}>
      <div className="buyer-track">
        <ColumnHeads />
        <div
          className="buyer-list"
          role="list"
          aria-label={t('buyers.list')}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {rows.map((row) => {
            const buyer = buyerAt(shown, row.index);
            return (
              <div
                key={buyer?.id ?? `skeleton-${row.index}`}
                role="listitem"
                aria-setsize={shown.total}
                aria-posinset={row.index + 1}
                className="buyer-list__item"
                style={{ transform: `translateY(${row.start}px)` }}
              >
                {buyer ? <BuyerRow buyer={buyer} /> : <SkeletonRow />}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function BuyerRow({ buyer }: { buyer: BuyerListItem }) {
  const { t } = useTranslation();
  const openTerms = useBuyerFormStore((state) => state.openTerms);
  const mayChangeTerms = useCan('changeTradingTerms');
  return (
    <button type="button" className="buyer-row" onClick={() => openTerms(buyer, mayChangeTerms)}>
      <span className="buyer-row__name">
        <span className="buyer-row__name-text">{buyer.name}</span>
        {buyer.pendingProposals > 0 ? (
          <span className="badge badge--pending buyer-row__proposed">
            {t('buyers.proposals.badge')}
          </span>
        ) : null}
      </span>
      <span className="buyer-row__country">{buyer.countryCode}</span>
      <span className="buyer-row__pricelist">
        {buyer.pricelistName ?? t('buyers.noPricelist')}
        {buyer.currency ? <span className="buyer-row__currency"> {buyer.currency}</span> : null}
      </span>
      <span className="buyer-row__discount">
        {t('buyers.discount', { value: buyer.discountPercent })}
      </span>
      <span className="buyer-row__language">{t(`language.${buyer.language}`)}</span>
      <span className="buyer-row__kind">{t(`buyers.kind.${buyer.kind}`)}</span>
      <span className="buyer-row__sync">
        {buyer.waitingToSync ? (
          <span className="badge badge--waiting">{t('buyers.waiting')}</span>
        ) : null}
      </span>
    </button>
  );
}

function SkeletonRow() {
  return (
    <div className="buyer-row buyer-row--skeleton" aria-hidden="true">
      <span className="skeleton-bar skeleton-bar--wide" />
      <span className="skeleton-bar" />
      <span className="skeleton-bar" />
    </div>
  );
}

function SkeletonRows() {
  return (
    <div className="buyer-scroller buyer-scroller--static" aria-hidden="true">
      <div className="buyer-track">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="buyer-list__static">
            <SkeletonRow />
          </div>
        ))}
      </div>
    </div>
  );
}
