import { create } from 'zustand';
import type { BuyerListItem, SyncRefusal } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';

/** Buyers per buyers.list call: generous, so a brand of 5,000 is ten calls at most. */
export const BUYERS_PAGE = 200;

/** One search's buyers, filled page by page as the rep scrolls. */
export interface BuyerResults {
  query: string;
  /** Only buyers with proposed trading terms waiting for a decision. */
  proposals: boolean;
  total: number;
  pages: Readonly<Record<number, readonly BuyerListItem[]>>;
  /** Buyer changes the hub refused, shown above the list. */
  refusals: readonly SyncRefusal[];
  /** Proposed trading terms waiting for a decision, over every buyer the person sees. */
  pendingProposals: number;
}

interface BuyersStore {
  /** The text in the search box. */
  draft: string;
  /** The text searched: the draft after a pause in typing. */
  query: string;
  /** Show only buyers with proposed trading terms waiting for a decision. */
  proposals: boolean;
  /** What is on screen; an older search stays there until the newer one answers. */
  shown: BuyerResults | null;
  /** True while the search asked for last has not answered. */
  loading: boolean;
  /** Why the last request failed, if it did. */
  error: string | null;

  setDraft: (text: string) => void;
  setProposals: (only: boolean) => void;
  submit: () => void;
  clear: () => void;
  /** Ask for the first page of the current query (on opening the view, or a new query). */
  load: () => void;
  ensureRange: (firstIndex: number, lastIndex: number) => void;
  /** The data changed (a sync, an edit): ask again for what is on screen, keeping it there. */
  refresh: () => void;
  reset: () => void;
}

/** Bumped by each load and refresh: answers to older requests are dropped. */
let generation = 0;
const inFlight = new Set<string>();
let onScreen: { firstIndex: number; lastIndex: number } = { firstIndex: 0, lastIndex: 0 };

export const useBuyersStore = create<BuyersStore>()((set, get) => {
  async function fetchPage(
    query: string,
    proposals: boolean,
    page: number,
    fresh: boolean,
  ): Promise<void> {
    const asked = generation;
    const tag = `${asked}|${page}|${proposals}|${query}`;
    if (inFlight.has(tag)) return;
    inFlight.add(tag);
    try {
      const answer = await trunkshow().invoke('buyers.list', {
        query,
        proposals,
        offset: page * BUYERS_PAGE,
        limit: BUYERS_PAGE,
      });
      if (asked !== generation) return;
      set((state) => {
        const base: BuyerResults =
          fresh || !state.shown || !sameSearch(state.shown, query, proposals)
            ? {
                query,
                proposals,
                total: answer.total,
                pages: {},
                refusals: [],
                pendingProposals: 0,
              }
            : state.shown;
        return {
          shown: {
            query,
            proposals,
            total: answer.total,
            pages: { ...base.pages, [page]: answer.items },
            refusals: answer.refusals,
            pendingProposals: answer.pendingProposals,
          },
          loading: query === state.query && proposals === state.proposals ? false : state.loading,
          error: null,
        };
      });
    } catch (error) {
      if (asked !== generation) return;
      set({ loading: false, error: errorMessage(error, '') });
    } finally {
      inFlight.delete(tag);
    }
  }

  return {
    draft: '',
    query: '',
    proposals: false,
    shown: null,
    loading: false,
    error: null,

    setDraft(text) {
      set({ draft: text });
    },

    setProposals(only) {
      set({ proposals: only });
    },

    submit() {
      const query = get().draft.trim();
      if (query !== get().query) set({ query });
    },

    clear() {
      set({ draft: '', query: '' });
    },

    load() {
      generation++;
      set({ loading: true, error: null });
      void fetchPage(get().query, get().proposals, 0, true);
    },

    ensureRange(firstIndex, lastIndex) {
      onScreen = { firstIndex, lastIndex };
      const { shown, query, proposals, error } = get();
      if (!shown || !sameSearch(shown, query, proposals) || error !== null) return;
      const last = Math.min(lastIndex, shown.total - 1);
      for (let page = Math.floor(firstIndex / BUYERS_PAGE); page * BUYERS_PAGE <= last; page++) {
        if (!shown.pages[page]) void fetchPage(query, proposals, page, false);
      }
    },

    refresh() {
      const { shown, query, proposals, loading } = get();
      if (!shown) {
        // Nothing on screen yet: a load under way asks again, an idle store waits for its view.
        if (loading) get().load();
        return;
      }
      if (!sameSearch(shown, query, proposals)) {
        get().load();
        return;
      }
      generation++;
      const visible = new Set<number>([0]);
      const last = Math.min(onScreen.lastIndex, shown.total - 1);
      for (
        let page = Math.floor(onScreen.firstIndex / BUYERS_PAGE);
        page * BUYERS_PAGE <= last;
        page++
      ) {
        visible.add(page);
      }
      const pages: Record<number, readonly BuyerListItem[]> = {};
      for (const page of visible) {
        const kept = shown.pages[page];
        if (kept) pages[page] = kept;
      }
      set({ shown: { ...shown, pages }, error: null });
      for (const page of visible) void fetchPage(query, proposals, page, false);
    },

    reset() {
      generation++;
      set({ draft: '', query: '', proposals: false, shown: null, loading: false, error: null });
    },
  };
});

/** Whether what is on screen answers this search. */
export function sameSearch(shown: BuyerResults, query: string, proposals: boolean): boolean {
  return shown.query === query && shown.proposals === proposals;
}

/** The buyer at an index of what is on screen, if its page has arrived. */
export function buyerAt(shown: BuyerResults, index: number): BuyerListItem | undefined {
  return shown.pages[Math.floor(index / BUYERS_PAGE)]?.[index % BUYERS_PAGE];
}
