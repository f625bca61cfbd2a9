import { create } from 'zustand';
import type { BuyerListItem } from '../../../preload/contract/index.ts';
import { problemOf, trunkshow, type Problem } from '../api.ts';
import { useNavigationStore } from './navigation.ts';
import { useSelectionStore } from './selection.ts';
import { useSelectionsStore } from './selections.ts';

interface NewSelectionStore {
  isOpen: boolean;
  buyer: { id: string; name: string } | null;
  buyerQuery: string;
  buyers: readonly BuyerListItem[];
  name: string;
  notes: string;
  saving: boolean;
  problem: Problem | null;
  open: (buyer?: { id: string; name: string } | null) => void;
  close: () => void;
  searchBuyers: (query: string) => Promise<void>;
  pickBuyer: (buyer: { id: string; name: string } | null) => void;
  setName: (name: string) => void;
  setNotes: (notes: string) => void;
  submit: () => Promise<void>;
}

let asked = 0;

/** The New selection dialog: a buyer (searched by name), a name and notes. */
export const useNewSelectionStore = create<NewSelectionStore>()((set, get) => ({
  isOpen: false,
  buyer: null,
  buyerQuery: '',
  buyers: [],
  name: '',
  notes: '',
  saving: false,
  problem: null,

  open(buyer = null) {
    set({ isOpen: true, buyer, buyerQuery: '', name: '', notes: '', saving: false, problem: null });
    if (!buyer) void get().searchBuyers('');
  },

  close() {
    set({ isOpen: false });
  },

  async searchBuyers(query) {
    const mine = ++asked;
    set({ buyerQuery: query });
    try {
      const page = await trunkshow().invoke('buyers.list', { query: query.trim(), limit: 8 });
      if (mine === asked) set({ buyers: page.items });
    } catch (error) {
      if (mine === asked) set({ problem: problemOf(error, '') });
    }
  },

  pickBuyer(buyer) {
    set({ buyer, problem: null });
    if (!buyer) void get().searchBuyers(get().buyerQuery);
  },

  setName(name) {
    set({ name });
  },

  setNotes(notes) {
    set({ notes });
  },

  async submit() {
    const { buyer, name, notes, saving } = get();
    if (saving) return;
    if (!buyer) {
      set({
        problem: {
          code: 'invalid_input',
          message: '',
          fields: { buyerId: 'Choose the buyer first' },
        },
      });
      return;
    }
    set({ saving: true, problem: null });
    try {
      const created = await trunkshow().invoke('selections.create', {
        buyerId: buyer.id,
        ...(name.trim() ? { name: name.trim() } : {}),
        notes,
      });
      set({ isOpen: false, saving: false });
      useNavigationStore.getState().go('selections');
      await useSelectionsStore.getState().load();
      await useSelectionStore.getState().open(created.id);
    } catch (error) {
      set({ saving: false, problem: problemOf(error, '') });
    }
  },
}));
