import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hasActiveFilters } from '../../../main/domain/catalog-filters.ts';
import { useBrandStore } from '../state/brand.ts';
import { useCatalogStore, useSearchPending, useShownResult } from '../state/catalog.ts';
import { useArrivalWords } from '../hooks/useArrivalWords.ts';
import { useCan } from '../hooks/useCan.ts';
import { CatalogGrid, SkeletonGrid } from './CatalogGrid.tsx';
import { ImportButton } from './ImportButton.tsx';
import { StatePanel } from './StatePanel.tsx';

/** Whatever fills the page under the header: the grid, or why there is none. */
export function CatalogView() {
  const { t } = useTranslation();
  const summary = useBrandStore((state) => state.summary);
  const loadSummary = useBrandStore((state) => state.loadSummary);
  const pricelistId = useBrandStore((state) => state.pricelistId);
  const query = useCatalogStore((state) => state.query);
  const filters = useCatalogStore((state) => state.filters);
  const epoch = useCatalogStore((state) => state.epoch);
  const activate = useCatalogStore((state) => state.activate);
  const retry = useCatalogStore((state) => state.retry);
  const clear = useCatalogStore((state) => state.clear);
  const clearFilters = useCatalogStore((state) => state.clearFilters);
  const shown = useShownResult();
  const pending = useSearchPending();
  const arrival = useArrivalWords();
  const mayImport = useCan('importCatalog');
  const ready = summary.status === 'ready';

  // Searches wait for the summary: it says which pricelist the rep last used.
  useEffect(() => {
    if (ready) activate(pricelistId);
  }, [ready, query, filters, pricelistId, epoch, activate]);

  if (summary.status === 'failed') {
    return (
      <StatePanel
        tone="error"
        icon="error"
        title={t('catalog.summaryFailed')}
        lead={summary.message || t('unexpected')}
        action={
          <button
            type="button"
            className="button button--primary"
            onClick={() => void loadSummary()}
          >
            {t('tryAgain')}
          </button>
        }
      />
    );
  }
  if (!shown) return <SkeletonGrid />;
  if (shown.total === null) {
    return (
      <StatePanel
        tone="error"
        icon="error"
        title={t('catalog.failed')}
        lead={shown.error || t('unexpected')}
        action={
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              // The pricelist may be what went away: the summary says which ones exist now.
              void loadSummary();
              retry(shown.key);
            }}
          >
            {t('tryAgain')}
          </button>
        }
      />
    );
  }
  const filtered = hasActiveFilters(shown.filters);
  const focusSearch = () =>
    document.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  if (shown.total === 0 && shown.query === '' && !filtered && arrival) {
    // A first sync is filling the replica: the catalog is on its way, not missing.
    return <StatePanel icon="box" title={arrival.rows} lead={t('sync.arrivingLead')} />;
  }
  if (shown.total === 0 && shown.query === '' && !filtered) {
    return mayImport ? (
      <StatePanel
        icon="box"
        title={t('catalog.empty')}
        lead={t('catalog.emptyLead')}
        action={<ImportButton variant="primary" />}
      />
    ) : (
      <StatePanel icon="box" title={t('catalog.emptyForRep')} lead={t('catalog.emptyForRepLead')} />
    );
  }
  if (shown.total === 0) {
    // With filters on, they are the likelier culprit: clearing them is offered first and
    // keeps what was typed.
    return (
      <StatePanel
        icon="search"
        title={
          !filtered
            ? t('catalog.noMatches', { query: shown.query })
            : shown.query === ''
              ? t('catalog.noFilterMatches')
              : t('catalog.noFilterMatchesQuery', { query: shown.query })
        }
        lead={filtered ? t('catalog.noFilterMatchesLead') : t('catalog.noMatchesLead')}
        action={
          <>
            {filtered ? (
              <button
                type="button"
                className="button button--primary"
                onClick={() => {
                  clearFilters();
                  focusSearch();
                }}
              >
                {t('filters.clear')}
              </button>
            ) : null}
            {shown.query !== '' ? (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  clear();
                  focusSearch();
                }}
              >
                {t('search.clear')}
              </button>
            ) : null}
          </>
        }
      />
    );
  }
  return (
    <>
      {shown.error !== null ? (
        <div className="banner banner--error" role="alert">
          <span>
            {t('catalog.failed')} {shown.error}
          </span>
          <button type="button" className="button button--quiet" onClick={() => retry(shown.key)}>
            {t('tryAgain')}
          </button>
        </div>
      ) : null}
      <CatalogGrid key={shown.key} result={shown} busy={pending} />
    </>
  );
}
