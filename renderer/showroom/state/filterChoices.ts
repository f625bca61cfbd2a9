import { create } from 'zustand';
import { filtersStillOffered } from '../../../main/domain/catalog-filters.ts';
import type { CatalogFilterChoices } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { useCatalogStore } from './catalog.ts';

/**
 * What the filter menus offer. A reload (after a sync or an import) keeps the last
 * choices on screen until the new ones arrive, so menus never empty under the rep.
 */
interface FilterChoicesStore {
  choices: CatalogFilterChoices | null;
  /** Set when the last load failed; the menus then say so and offer to try again. */
  problem: string | null;
  load: () => Promise<void>;
}

let latestLoad = 0;

export const useFilterChoicesStore = create<FilterChoicesStore>()((set) => ({
  choices: null,
  problem: null,

  async load() {
    const load = ++latestLoad;
    try {
      const choices = await trunkshow().invoke('catalog.filters', {});
      if (load !== latestLoad) return;
      set({ choices, problem: null });
      letGoOfFiltersNoLongerOffered(choices);
    } catch (error) {
      if (load === latestLoad) set({ problem: errorMessage(error, '') });
    }
  },
}));

/** After a sync removed a catalog, or a sign-in changed brands: see filtersStillOffered. */
function letGoOfFiltersNoLongerOffered(choices: CatalogFilterChoices): void {
  const catalog = useCatalogStore.getState();
  const kept = filtersStillOffered(catalog.filters, {
    catalogIds: choices.catalogs.map((c) => c.id),
    seasons: choices.seasons,
    categories: choices.categories,
    colours: choices.colours.map((c) => c.name),
  });
  if (Object.keys(kept).length < Object.keys(catalog.filters).length) catalog.replaceFilters(kept);
}
