import { create } from 'zustand';
import type { BrandSummary } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';

const PRICELIST_KEY = 'trunkshow.showroom.pricelist';

type SummaryState =
  | { status: 'loading' }
  | { status: 'ready'; summary: BrandSummary }
  | { status: 'failed'; message: string };

interface BrandStore {
  summary: SummaryState;
  /** The pricelist the grid prices in; null until the summary is known or when there is none. */
  pricelistId: string | null;
  loadSummary: () => Promise<void>;
  choosePricelist: (id: string) => void;
  /** Forget the brand, e.g. after signing out: the next sign-in may be to another hub. */
  reset: () => void;
}

function rememberedPricelist(): string | null {
  try {
    return window.localStorage.getItem(PRICELIST_KEY);
  } catch {
    return null;
  }
}

function rememberPricelist(id: string): void {
  try {
    window.localStorage.setItem(PRICELIST_KEY, id);
  } catch {
    // Private windows may refuse storage; the choice then lasts until reload.
  }
}

/** The rep's last choice when it still exists, else the brand's default. */
function pricelistFor(summary: BrandSummary, current: string | null): string | null {
  const exists = (id: string | null) =>
    id !== null && summary.pricelists.some((pricelist) => pricelist.id === id);
  if (exists(current)) return current;
  const remembered = rememberedPricelist();
  if (exists(remembered)) return remembered;
  if (exists(summary.defaultPricelistId)) return summary.defaultPricelistId;
  return summary.pricelists[0]?.id ?? null;
}

let latestLoad = 0;

export const useBrandStore = create<BrandStore>()((set, get) => ({
  summary: { status: 'loading' },
  pricelistId: null,

  async loadSummary() {
    const load = ++latestLoad;
    // A refresh after an import keeps the header in place instead of flashing "Loading".
    if (get().summary.status !== 'ready') set({ summary: { status: 'loading' } });
    try {
      const summary = await trunkshow().invoke('brand.summary', {});
      if (load !== latestLoad) return;
      set({
        summary: { status: 'ready', summary },
        pricelistId: pricelistFor(summary, get().pricelistId),
      });
    } catch (error) {
      if (load !== latestLoad) return;
      set({ summary: { status: 'failed', message: errorMessage(error, '') } });
    }
  },

  choosePricelist(id) {
    rememberPricelist(id);
    set({ pricelistId: id });
  },

  reset() {
    latestLoad++;
    set({ summary: { status: 'loading' }, pricelistId: null });
  },
}));
