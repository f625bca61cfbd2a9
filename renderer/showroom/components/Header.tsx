import { useTranslation } from 'react-i18next';
import { useBrandStore } from '../state/brand.ts';
import { useSearchPending, useShownResult } from '../state/catalog.ts';
import { ImportButton, ImportProgress } from './ImportButton.tsx';
import { PricelistPicker } from './PricelistPicker.tsx';
import { SearchBar } from './SearchBar.tsx';
import './Header.css';

/** Brand, catalog size, search, pricelist and import: everything a rep reaches for first. */
export function Header() {
  const { t } = useTranslation();
  const summary = useBrandStore((state) => state.summary);
  const shown = useShownResult();
  const pending = useSearchPending();
  const brand = summary.status === 'ready' ? summary.summary : null;
  const noMatches = shown !== undefined && shown.total === 0 && shown.query !== '';

  return (
    <header className="topbar">
      <div className="topbar__inner">
        <div className="topbar__brand">
          <h1 className="brand-name">{brand?.name ?? t('appName')}</h1>
          <StyleCount />
        </div>
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
      <div className={`topbar__progress${pending ? ' topbar__progress--on' : ''}`} />
    </header>
  );
}

function StyleCount() {
  const { t } = useTranslation();
  const summary = useBrandStore((state) => state.summary);
  const shown = useShownResult();
  if (summary.status !== 'ready') return <p className="brand-count">&nbsp;</p>;
  const count = summary.summary.styleCount;
  const searching = shown !== undefined && shown.query !== '' && shown.total !== null;
  return (
    <p className="brand-count" aria-live="polite">
      {searching
        ? t('count.matches', { count, matches: shown.total })
        : t('count.styles', { count })}
    </p>
  );
}
