import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectionSummary } from '../../../preload/contract/index.ts';
import { Money } from '../../ui/Money.tsx';
import { formatDate } from '../format.ts';
import { useNewSelectionStore } from '../state/newSelection.ts';
import { useSelectionStore } from '../state/selection.ts';
import { useSelectionsStore, type OwnerFilter } from '../state/selections.ts';
import { useCan } from '../hooks/useCan.ts';
import { SelectionEditor } from './SelectionEditor.tsx';
import { StatePanel } from './StatePanel.tsx';
import '../../ui/Field.css';
import './SelectionsView.css';

const TYPING_PAUSE_MS = 150;

/** The rep's selections on the left, the open one on the right. */
export function SelectionsView() {
  const { t } = useTranslation();
  const load = useSelectionsStore((state) => state.load);
  const openId = useSelectionStore((state) => state.openId);
  const openNew = useNewSelectionStore((state) => state.open);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="selections" aria-labelledby="selections-title">
      <aside className="selections__list">
        <div className="selections__head">
          <h2 id="selections-title">{t('selections.title')}</h2>
          <button type="button" className="button button--primary" onClick={() => openNew()}>
            <svg className="button__icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
              <path d="M10 4.5v11M4.5 10h11" />
            </svg>
            {t('selections.new')}
          </button>
        </div>
        <SelectionFilters />
        <SelectionList />
      </aside>
      <div className="selections__editor">
        {openId ? (
          <SelectionEditor key={openId} />
        ) : (
          <StatePanel
            icon="box"
            title={t('selections.pick')}
            lead={t('selections.pickLead')}
            action={
              <button type="button" className="button button--primary" onClick={() => openNew()}>
                {t('selections.new')}
              </button>
            }
          />
        )}
      </div>
    </section>
  );
}

function SelectionFilters() {
  const { t } = useTranslation();
  const seesEveryone = useCan('seeEverySelection');
  const owner = useSelectionsStore((state) => state.owner);
  // The fallback stays outside the selector: a new [] from inside it, while the list is
  // still loading, is a new answer on every render, and React renders again forever.
  const owners = useSelectionsStore((state) => state.shown?.owners) ?? [];
  const buyer = useSelectionsStore((state) => state.buyer);
  const setOwner = useSelectionsStore((state) => state.setOwner);
  const setBuyer = useSelectionsStore((state) => state.setBuyer);
  const setQuery = useSelectionsStore((state) => state.setQuery);
  const [draft, setDraft] = useState(useSelectionsStore.getState().query);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      if (draft.trim() !== useSelectionsStore.getState().query) setQuery(draft.trim());
    }, TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, setQuery]);

  const ownerValue = typeof owner === 'string' ? owner : owner.id;
  return (
    <div className="selections__filters">
      <input
        className="field__control"
        type="search"
        aria-label={t('selections.search')}
        placeholder={t('selections.searchHint')}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        maxLength={200}
        autoComplete="off"
      />
      {seesEveryone ? (
        <select
          className="field__control"
          aria-label={t('selections.owner')}
          value={ownerValue}
          onChange={(event) => {
            const value = event.target.value;
            const picked: OwnerFilter =
              value === 'mine' || value === 'all'
                ? value
                : { id: value, name: owners.find((o) => o.id === value)?.name ?? '' };
            setOwner(picked);
          }}
        >
          <option value="mine">{t('selections.mine')}</option>
          <option value="all">{t('selections.everyone')}</option>
          {owners.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      ) : null}
      {buyer ? (
        <p className="chip">
          <span>{t('selections.forBuyer', { name: buyer.name })}</span>
          <button
            type="button"
            className="chip__remove"
            aria-label={t('selections.allBuyers')}
            onClick={() => setBuyer(null)}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="m4.5 4.5 7 7m0-7-7 7" />
            </svg>
          </button>
        </p>
      ) : null}
    </div>
  );
}

function SelectionList() {
  const { t } = useTranslation();
  const shown = useSelectionsStore((state) => state.shown);
  const error = useSelectionsStore((state) => state.error);
  const query = useSelectionsStore((state) => state.query);
  const buyer = useSelectionsStore((state) => state.buyer);
  const load = useSelectionsStore((state) => state.load);

  if (error !== null && !shown) {
    return (
      <div className="banner banner--error" role="alert">
        <span>
          {t('selections.failed')} {error}
        </span>
        <button type="button" className="button button--quiet" onClick={() => void load()}>
          {t('tryAgain')}
        </button>
      </div>
    );
  }
  if (!shown) return <p className="selections__loading">{t('loading')}</p>;
  if (shown.items.length === 0) {
    return (
      <p className="selections__empty">
        {query
          ? t('selections.noMatches', { query })
          : buyer
            ? t('selections.emptyForBuyer', { name: buyer.name })
            : t('selections.empty')}
      </p>
    );
  }
  return (
    <ul className="selection-list" aria-label={t('selections.list')}>
      {shown.items.map((item) => (
        <li key={item.id}>
          <SelectionRow item={item} />
        </li>
      ))}
    </ul>
  );
}

function SelectionRow({ item }: { item: SelectionSummary }) {
  const { t, i18n } = useTranslation();
  const openId = useSelectionStore((state) => state.openId);
  const open = useSelectionStore((state) => state.open);
  return (
    <button
      type="button"
      className="selection-row"
      aria-current={openId === item.id ? 'true' : undefined}
      onClick={() => void open(item.id)}
    >
      <span className="selection-row__name">{item.name}</span>
      <span className="selection-row__buyer">{item.buyer.name}</span>
      <span className="selection-row__figures">
        {t('selections.units', { count: item.totals.units })}
        {item.totals.total ? (
          <>
            {' · '}
            <Money value={item.totals.total} language={i18n.language} />
          </>
        ) : null}
      </span>
      <span className="selection-row__meta">
        {item.owner.name} · {formatDate(item.updatedAt, i18n.language)}
        {item.waitingToSync ? (
          <span className="badge badge--waiting">{t('selections.waiting')}</span>
        ) : null}
      </span>
    </button>
  );
}
