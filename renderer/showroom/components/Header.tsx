import { useTranslation } from 'react-i18next';
import { hasActiveFilters } from '../../../main/domain/catalog-filters.ts';
import type { SignedInUser } from '../../../preload/contract/index.ts';
import { useArrivalWords } from '../hooks/useArrivalWords.ts';
import { useBrandStore } from '../state/brand.ts';
import { useSearchPending, useShownResult } from '../state/catalog.ts';
import { useNavigationStore, viewsFor, type View } from '../state/navigation.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { FilterBar } from './FilterBar.tsx';
import { ImportButton, ImportProgress } from './ImportButton.tsx';
import { PricelistPicker } from './PricelistPicker.tsx';
import { SearchBar } from './SearchBar.tsx';
import { SyncIndicator } from './SyncIndicator.tsx';
import './Header.css';

/**
 * Brand, sections, sync and account on top; under them, on the catalog, search,
 * pricelist and import: everything a rep reaches for first.
 */
export function Header({ user }: { user: SignedInUser }) {
  const { t } = useTranslation();
  const summary = useBrandStore((state) => state.summary);
  const view = useNavigationStore((state) => state.view);
  const shown = useShownResult();
  const pending = useSearchPending();
  const brand = summary.status === 'ready' ? summary.summary : null;
  const noMatches = shown !== undefined && shown.total === 0 && shown.query !== '';
  const views = viewsFor(user.role);
  // More sections than the four every rep has need the header's full width.
  const wide = views.length > 4;

  return (
    <header className="topbar">
      <div className={`topbar__inner${wide ? ' topbar__inner--admin' : ''}`}>
        <div className="topbar__brand">
          <h1 className="brand-name">{brand?.name ?? t('appName')}</h1>
          <StyleCount />
        </div>
        <Sections views={views} />
        <div className="topbar__session">
          <SyncIndicator />
          <AccountMenu user={user} />
        </div>
      </div>
      {view === 'catalog' ? (
        <div className="topbar__inner topbar__tools">
          <div className="topbar__search">
            {/* The no-matches panel offers its own, larger Clear search. */}
            <SearchBar offerClear={!noMatches} />
            {brand ? <PricelistPicker pricelists={brand.pricelists} /> : null}
          </div>
          <div className="topbar__actions">
            <ImportProgress />
            <ImportButton variant="header" />
          </div>
        </div>
      ) : null}
      {view === 'catalog' ? (
        <div className="topbar__inner topbar__filters">
          <FilterBar />
        </div>
      ) : null}
      <div
        className={`topbar__progress${pending && view === 'catalog' ? ' topbar__progress--on' : ''}`}
      />
    </header>
  );
}

/** Catalog, Selections, Orders, Buyers and, for admins, Devices, Settings and API Logs. */
function Sections({ views }: { views: View[] }) {
  const { t } = useTranslation();
  const view = useNavigationStore((state) => state.view);
  const go = useNavigationStore((state) => state.go);
  return (
    <nav className="sections" aria-label={t('nav.label')}>
      <ul className="sections__list">
        {views.map((item) => (
          <li key={item}>
            <button
              type="button"
              className="sections__item"
              aria-current={view === item ? 'page' : undefined}
              onClick={() => go(item)}
            >
              {t(`nav.${item}`)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function StyleCount() {
  const { t } = useTranslation();
  const summary = useBrandStore((state) => state.summary);
  const shown = useShownResult();
  const view = useNavigationStore((state) => state.view);
  const arrival = useArrivalWords();
  if (arrival) {
    // Not "0 styles" while a first sync brings them; not announced, it moves every second.
    const count = summary.status === 'ready' ? summary.summary.styleCount : 0;
    return <p className="brand-count">{arrival.styles(count)}</p>;
  }
  if (summary.status !== 'ready') return <p className="brand-count">&nbsp;</p>;
  const count = summary.summary.styleCount;
  const searching =
    view === 'catalog' &&
    shown !== undefined &&
    (shown.query !== '' || hasActiveFilters(shown.filters)) &&
    shown.total !== null;
  return (
    <p className="brand-count" aria-live="polite">
      {searching
        ? t('count.matches', { count, matches: shown.total })
        : t('count.styles', { count })}
    </p>
  );
}
