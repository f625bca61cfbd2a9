import { create } from 'zustand';
import type { SelectionList } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';

/** Whose selections the list shows: the signed-in person's, everyone's, or one rep's. */
export type OwnerFilter = 'mine' | 'all' | { id: string; name: string };

interface SelectionsStore {
  owner: OwnerFilter;
  /** Only this buyer's, when the rep came from the buyer. */
  buyer: { id: string; name: string } | null;
  query: string;
  shown: SelectionList | null;
  error: string | null;
  setOwner: (owner: OwnerFilter) => void;
  setBuyer: (buyer: { id: string; name: string } | null) => void;
  setQuery: (query: string) => void;
  load: () => Promise<void>;
  reset: () => void;
}

let generation = 0;

/** The list of selections beside the open one, with its filters. */
export const useSelectionsStore = create<SelectionsStore>()((set, get) => ({
  owner: 'mine',
  buyer: null,
  query: '',
  shown: null,
  error: null,

  setOwner(owner) {
    set({ owner });
    void get().load();
  },

  setBuyer(buyer) {
    set({ buyer });
    void get().load();
  },

  setQuery(query) {
    set({ query });
    void get().load();
  },

  async load() {
    const asked = ++generation;
    const { owner, buyer, query } = get();
    try {
      const shown = await trunkshow().invoke('selections.list', {
        query,
        ...(buyer ? { buyerId: buyer.id } : {}),
        ...(owner === 'all' ? {} : { owner: owner === 'mine' ? 'mine' : owner.id }),
      });
      if (asked === generation) set({ shown, error: null });
    } catch (error) {
      if (asked === generation) set({ error: errorMessage(error, '') });
    }
  },

  reset() {
    generation++;
    set({ owner: 'mine', buyer: null, query: '', shown: null, error: null });
  },
}));
