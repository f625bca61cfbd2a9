import { create } from 'zustand';
import type { StyleDetail } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { useBrandStore } from './brand.ts';

type Opened =
  | { status: 'closed' }
  | { status: 'loading'; styleId: string }
  | { status: 'ready'; styleId: string; detail: StyleDetail }
  | { status: 'failed'; styleId: string; message: string };

interface StyleStore {
  opened: Opened;
  open: (styleId: string) => Promise<void>;
  /** Reads the open style again (new data from a sync, another pricelist). */
  refresh: () => Promise<void>;
  close: () => void;
}

let latest = 0;

/** The style the rep opened from the catalog, on the pricelist the grid prices in. */
export const useStyleStore = create<StyleStore>()((set, get) => ({
  opened: { status: 'closed' },

  async open(styleId) {
    const asked = ++latest;
    const current = get().opened;
    // Refreshing the same style keeps it on screen instead of flashing "Loading".
    if (current.status === 'closed' || current.styleId !== styleId) {
      set({ opened: { status: 'loading', styleId } });
    }
    const pricelistId = useBrandStore.getState().pricelistId;
    try {
      const detail = await trunkshow().invoke('catalog.openStyle', {
        styleId,
        ...(pricelistId ? { pricelistId } : {}),
      });
      if (asked === latest && get().opened.status !== 'closed') {
        set({ opened: { status: 'ready', styleId, detail } });
      }
    } catch (error) {
      if (asked === latest && get().opened.status !== 'closed') {
        set({ opened: { status: 'failed', styleId, message: errorMessage(error, '') } });
      }
    }
  },

  async refresh() {
    const opened = get().opened;
    if (opened.status !== 'closed') await get().open(opened.styleId);
  },

  close() {
    latest++;
    set({ opened: { status: 'closed' } });
  },
}));

// The open style follows the pricelist the rep picks.
useBrandStore.subscribe((brand, before) => {
  if (brand.pricelistId !== before.pricelistId) void useStyleStore.getState().refresh();
});
