import { create } from 'zustand';
import type { StyleCard } from '../../../preload/contract/index.ts';
import {
  activeFilters,
  type CatalogFilters,
  type FilterName,
} from '../../../main/domain/catalog-filters.ts';
import { parseCatalogQuery } from '../../../main/domain/catalog-search.ts';
import { errorMessage, trunkshow } from '../api.ts';

/** Styles per catalog.search call: about a screenful and a half on a laptop. */
export const PAGE_SIZE = 60;
/** Searches kept in memory, so going back to a recent one shows it at once. */
const KEPT_SEARCHES = 24;

/** One search (query + pricelist + filters), filled page by page as the rep scrolls. */
export interface ResultSet {
  key: string;
  query: string;
  pricelistId: string | null;
  /** Only the filters that narrow anything. */
  filters: CatalogFilters;
  /** Null until the first answer arrives. */
  total: number | null;
  pages: Readonly<Record<number, readonly StyleCard[]>>;
  error: string | null;
}

interface CatalogStore {
  /** The text in the search box. */
  draft: string;
  /** The text being searched: the draft after a pause in typing, or at once on Enter. */
  query: string;
  /** The filters chosen under the search; they apply at once, there is nothing to type. */
  filters: CatalogFilters;
  /** The search the rep asked for last (query + pricelist + filters). */
  activeKey: string | null;
  /**
   * The search on screen. It moves to the active one when that one's first page
   * arrives, so typing never flashes an empty grid and a late answer to an older
   * query never replaces a newer one.
   */
  shownKey: string | null;
  results: Readonly<Record<string, ResultSet>>;
  /** Least recently used first. */
  order: readonly string[];
  /** Bumped when the catalog changes under us: answers to older requests are dropped. */
  epoch: number;

  setDraft: (text: string) => void;
  submit: () => void;
  clear: () => void;
  setFilter: <Name extends FilterName>(name: Name, value: CatalogFilters[Name]) => void;
  clearFilters: () => void;
  replaceFilters: (filters: CatalogFilters) => void;
  activate: (pricelistId: string | null) => void;
  ensureRange: (key: string, firstIndex: number, lastIndex: number) => void;
  retry: (key: string) => void;
  invalidate: () => void;
  refresh: () => void;
}

export function searchKey(
  query: string,
  pricelistId: string | null,
  filters: CatalogFilters,
): string {
  return JSON.stringify([parseCatalogQuery(query).text, pricelistId, activeFilters(filters)]);
}

/** Page requests under way, by epoch and key, so scrolling never asks twice. */
const inFlight = new Set<string>();
const flightTag = (epoch: number, key: string, page: number) => `${epoch}|${page}|${key}`;

/** The styles the grid last asked for, so a refresh asks again for what is on screen. */
let onScreen: { key: string; firstIndex: number; lastIndex: number } | null = null;

export const useCatalogStore = create<CatalogStore>()((set, get) => {
  async function fetchPage(result: ResultSet, page: number): Promise<void> {
    const { epoch } = get();
    const tag = flightTag(epoch, result.key, page);
    if (inFlight.has(tag)) return;
    inFlight.add(tag);
    try {
      const answer = await trunkshow().invoke('catalog.search', {
        query: result.query,
        ...(result.pricelistId ? { pricelistId: result.pricelistId } : {}),
        filters: result.filters,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
      });
      settle(epoch, result.key, (current) => ({
        ...current,
        total: answer.total,
        pages: { ...current.pages, [page]: answer.items },
        error: null,
      }));
    } catch (error) {
      settle(epoch, result.key, (current) => ({
        ...current,
        error: errorMessage(error, ''),
      }));
    } finally {
      inFlight.delete(tag);
    }
  }

  function settle(epoch: number, key: string, update: (current: ResultSet) => ResultSet): void {
    set((state) => {
      const current = state.results[key];
      if (state.epoch !== epoch || !current) return {};
      return {
        results: { ...state.results, [key]: update(current) },
        shownKey: key === state.activeKey ? key : state.shownKey,
      };
    });
  }

  return {
    draft: '',
    query: '',
    filters: {},
    activeKey: null,
    shownKey: null,
    results: {},
    order: [],
    epoch: 0,

    setDraft(text) {
      set({ draft: text });
    },

    submit() {
      set((state) => ({ query: state.draft }));
    },

    clear() {
      set({ draft: '', query: '' });
    },

    setFilter(name, value) {
      set((state) => ({ filters: activeFilters({ ...state.filters, [name]: value }) }));
    },

    clearFilters() {
      set({ filters: {} });
    },

    replaceFilters(filters) {
      set({ filters: activeFilters(filters) });
    },

    activate(pricelistId) {
      const { query, filters, results, order, shownKey } = get();
      const key = searchKey(query, pricelistId, filters);
      const known = results[key];
      const result: ResultSet = known ?? {
        key,
        query: parseCatalogQuery(query).text,
        pricelistId,
        filters: activeFilters(filters),
        total: null,
        pages: {},
        error: null,
      };
      const recent = [...order.filter((kept) => kept !== key), key];
      const evicted = recent.slice(0, Math.max(0, recent.length - KEPT_SEARCHES));
      const kept = { ...results, [key]: result };
      for (const old of evicted) if (old !== shownKey) delete kept[old];
      set({
        activeKey: key,
        shownKey: result.total !== null || result.error !== null ? key : shownKey,
        results: kept,
        order: recent.filter((old) => old in kept),
      });
      if (result.total === null && result.error === null) void fetchPage(result, 0);
    },

    ensureRange(key, firstIndex, lastIndex) {
      onScreen = { key, firstIndex, lastIndex };
      const result = get().results[key];
      if (!result || result.error !== null) return;
      const last = result.total === null ? firstIndex : Math.min(lastIndex, result.total - 1);
      for (let page = Math.floor(firstIndex / PAGE_SIZE); page * PAGE_SIZE <= last; page++) {
        if (!result.pages[page]) void fetchPage(result, page);
      }
    },

    retry(key) {
      const result = get().results[key];
      if (!result) return;
      const cleared = { ...result, error: null };
      set((state) => ({ results: { ...state.results, [key]: cleared } }));
      // The grid asks again for the pages on screen; the first page is asked here in case
      // there is no grid yet.
      if (cleared.total === null) void fetchPage(cleared, 0);
    },

    invalidate() {
      set((state) => ({ epoch: state.epoch + 1, results: {}, order: [], shownKey: null }));
    },

    refresh() {
      // The data changed under the grid (a sync pulled rows, an edit landed). Unlike
      // invalidate, the search on screen stays there while its visible pages are asked
      // again, and each is replaced as its answer arrives: no skeletons, no flicker.
      const { shownKey, results, epoch } = get();
      const shown = shownKey ? results[shownKey] : undefined;
      if (!shown) {
        set({ epoch: epoch + 1, results: {}, order: [] });
        return;
      }
      const visible = new Set<number>([0]);
      if (onScreen?.key === shown.key && shown.total !== null) {
        const last = Math.min(onScreen.lastIndex, shown.total - 1);
        for (
          let page = Math.floor(onScreen.firstIndex / PAGE_SIZE);
          page * PAGE_SIZE <= last;
          page++
        ) {
          visible.add(page);
        }
      }
      const pages: Record<number, readonly StyleCard[]> = {};
      for (const page of visible) {
        const kept = shown.pages[page];
        if (kept) pages[page] = kept;
      }
      const kept: ResultSet = { ...shown, pages, error: null };
      set({ epoch: epoch + 1, results: { [shown.key]: kept }, order: [shown.key] });
      for (const page of visible) void fetchPage(kept, page);
    },
  };
});

/** The search on screen, if any has answered yet. */
export function useShownResult(): ResultSet | undefined {
  return useCatalogStore((state) => (state.shownKey ? state.results[state.shownKey] : undefined));
}

/** True while the rep's latest search has not answered and an older one is on screen. */
export function useSearchPending(): boolean {
  return useCatalogStore((state) => state.activeKey !== null && state.activeKey !== state.shownKey);
}
