import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  activeFilters,
  colourKey,
  FILTER_NAMES,
  type CatalogFilters,
  type FilterName,
} from '../../../main/domain/catalog-filters.ts';
import type { CatalogFilterChoices } from '../../../preload/contract/index.ts';
import { useBrandStore } from '../state/brand.ts';
import { useCatalogStore } from '../state/catalog.ts';
import { useFilterChoicesStore } from '../state/filterChoices.ts';
import { FilterMenu, type MenuOption } from './FilterMenu.tsx';
import './FilterBar.css';

type MenuFilter = Exclude<FilterName, 'inStock'>;
const MENU_FILTERS: readonly MenuFilter[] = ['catalogId', 'season', 'category', 'colour'];

function menuOptions(
  name: MenuFilter,
  choices: CatalogFilterChoices,
  t: TFunction,
): readonly MenuOption[] {
  switch (name) {
    case 'catalogId':
      return choices.catalogs.map((catalog) => ({
        value: catalog.id,
        label: catalog.name,
        detail: t(`filters.status.${catalog.status}`),
      }));
    case 'season':
      return choices.seasons.map((season) => ({ value: season, label: season }));
    case 'category':
      return choices.categories.map((category) => ({ value: category, label: category }));
    case 'colour':
      return choices.colours.map((colour) => ({
        value: colour.name,
        label: colour.name,
        swatch: colour.colorHex,
      }));
  }
}

/** What a chip says a filter is set to; a catalog is named, other values are their own name. */
function chosenLabel(
  name: FilterName,
  filters: CatalogFilters,
  choices: CatalogFilterChoices | null,
  t: TFunction,
): string | null {
  if (name === 'inStock') return null;
  const value = filters[name] ?? '';
  if (name !== 'catalogId') return value;
  if (!choices) return t('loading');
  return choices.catalogs.find((c) => c.id === value)?.name ?? t('filters.unknownCatalog');
}

/**
 * Under the search: a menu per filter and an "In stock" switch, then the filters in
 * force as chips a tap removes, and a way to clear them all. Choosing searches at once.
 */
export function FilterBar() {
  const { t } = useTranslation();
  const idBase = useId();
  const filters = useCatalogStore((state) => state.filters);
  const setFilter = useCatalogStore((state) => state.setFilter);
  const clearFilters = useCatalogStore((state) => state.clearFilters);
  const epoch = useCatalogStore((state) => state.epoch);
  const ready = useBrandStore((state) => state.summary.status === 'ready');
  const choices = useFilterChoicesStore((state) => state.choices);
  const problem = useFilterChoicesStore((state) => state.problem);
  const load = useFilterChoicesStore((state) => state.load);
  const active = FILTER_NAMES.filter((name) => name in activeFilters(filters));
  const buttonId = (name: FilterName) => `${idBase}-${name}`;

  // Asked again whenever the catalog changes under the grid (a sync, an import).
  useEffect(() => {
    if (ready) void load();
  }, [ready, epoch, load]);

  const remove = (name: FilterName) => {
    setFilter(name, undefined);
    // The chip is gone: focus lands on the control that sets the same filter.
    document.getElementById(buttonId(name))?.focus();
  };

  return (
    <div className="filters" role="group" aria-label={t('filters.label')}>
      <div className="filters__controls">
        {MENU_FILTERS.map((name) => (
          <FilterMenu
            key={name}
            buttonId={buttonId(name)}
            label={t(`filters.${name}`)}
            allLabel={t(`filters.all.${name}`)}
            emptyText={t(`filters.none.${name}`)}
            options={choices ? menuOptions(name, choices, t) : null}
            problem={problem}
            onRetry={() => void load()}
            selected={filters[name]}
            onChoose={(value) => setFilter(name, value)}
          />
        ))}
        <button
          id={buttonId('inStock')}
          type="button"
          className="filter-toggle"
          aria-pressed={filters.inStock === true}
          onClick={() => setFilter('inStock', filters.inStock ? undefined : true)}
        >
          <svg
            className="filter-toggle__box"
            viewBox="0 0 16 16"
            aria-hidden="true"
            focusable="false"
          >
            <path d="m3.5 8.5 3 3 6-7" />
          </svg>
          {t('filters.inStock')}
        </button>
      </div>
      {active.length > 0 ? (
        <div className="filters__active">
          <ul className="filters__chips" aria-label={t('filters.active')}>
            {active.map((name) => {
              const filter = t(`filters.${name}`);
              const value = chosenLabel(name, filters, choices, t);
              const swatch =
                name === 'colour'
                  ? choices?.colours.find((c) => colourKey(c.name) === colourKey(value ?? ''))
                      ?.colorHex
                  : undefined;
              return (
                <li key={name}>
                  <button
                    type="button"
                    className="filter-chip"
                    aria-label={
                      value === null
                        ? t('filters.removeOne', { filter })
                        : t('filters.remove', { filter, value })
                    }
                    // The chip shows the value alone to stay short; hovering names the filter.
                    title={value === null ? filter : t('filters.chip', { filter, value })}
                    onClick={() => remove(name)}
                  >
                    {swatch ? (
                      <span className="filter-chip__swatch" style={{ backgroundColor: swatch }} />
                    ) : null}
                    <span className="filter-chip__text">{value ?? filter}</span>
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                      <path d="m4.5 4.5 7 7m0-7-7 7" />
                    </svg>
                  </button>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            className="filters__clear"
            onClick={() => {
              clearFilters();
              document.getElementById(buttonId(MENU_FILTERS[0]!))?.focus();
            }}
          >
            {t('filters.clear')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
