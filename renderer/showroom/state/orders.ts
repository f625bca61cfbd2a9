import { create } from 'zustand';
import type {
  OrderCursor,
  OrderFilters,
  OrderStatus,
  OrderSummary,
} from '../../../preload/contract/index.ts';
import i18next from 'i18next';
import { errorMessage, trunkshow } from '../api.ts';

/** Orders per page: a screen and a half at a booth laptop's height. */
export const ORDERS_PAGE = 50;

/** The filters as the view's controls hold them: days as the person's calendar days. */
export interface OrderFilterDraft {
  status?: OrderStatus | undefined;
  source?: OrderFilters['source'];
  repId?: string | undefined;
  buyerId?: string | undefined;
  /** YYYY-MM-DD, the first day shown, in the person's time zone. */
  fromDay?: string | undefined;
  /** YYYY-MM-DD, the last day shown. */
  toDay?: string | undefined;
  search?: string | undefined;
}

/** A calendar day's start in the person's time zone, as the instant the filter compares. */
function startOfDay(day: string, plusDays = 0): string | undefined {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return undefined;
  return new Date(year, month - 1, date + plusDays).toISOString();
}

/** What the main side filters by: the days as instants, empty parts left out. */
export function contractFilters(draft: OrderFilterDraft): OrderFilters {
  const filters: OrderFilters = {};
  if (draft.status) filters.status = draft.status;
  if (draft.source) filters.source = draft.source;
  if (draft.repId) filters.repId = draft.repId;
  if (draft.buyerId) filters.buyerId = draft.buyerId;
  const from = draft.fromDay ? startOfDay(draft.fromDay) : undefined;
  if (from) filters.placedFrom = from;
  const before = draft.toDay ? startOfDay(draft.toDay, 1) : undefined;
  if (before) filters.placedBefore = before;
  const search = draft.search?.trim();
  if (search) filters.search = search;
  return filters;
}

interface OrdersStore {
  filters: OrderFilterDraft;
  /** The orders shown: the first page and every page asked for since. */
  orders: readonly OrderSummary[] | null;
  next: OrderCursor | null;
  loading: boolean;
  error: string | null;
  /** The order whose detail is open. */
  openId: string | null;
  /** The requested order whose "Complete checkout" dialog is open. */
  completingId: string | null;

  setFilters: (change: Partial<OrderFilterDraft>) => void;
  clearFilters: () => void;
  /** The first page for the filters (on opening the view, or new filters). */
  load: () => void;
  more: () => void;
  /** The data changed (a sync, a change made here): the pages on screen again, kept there meanwhile. */
  refresh: () => void;
  open: (orderId: string | null) => void;
  /** Opens (an id) or closes (null) the "Complete checkout" dialog, which asks what the order lacks. */
  completeCheckout: (orderId: string | null) => void;
}

/** Bumped by each load: answers to older requests are dropped. */
let generation = 0;

export const useOrdersStore = create<OrdersStore>()((set, get) => {
  async function ask(after: OrderCursor | null, limit: number, fresh: boolean): Promise<void> {
    const asked = ++generation;
    set({ loading: true });
    try {
      const page = await trunkshow().invoke('orders.list', {
        filters: contractFilters(get().filters),
        ...(after ? { after } : {}),
        limit,
      });
      if (asked !== generation) return;
      set((state) => ({
        orders: fresh ? page.orders : [...(state.orders ?? []), ...page.orders],
        next: page.next,
        loading: false,
        error: null,
      }));
    } catch (error) {
      if (asked !== generation) return;
      set({ loading: false, error: errorMessage(error, i18next.t('unexpected')) });
    }
  }

  return {
    filters: {},
    orders: null,
    next: null,
    loading: false,
    error: null,
    openId: null,
    completingId: null,

    setFilters(change) {
      set((state) => ({ filters: { ...state.filters, ...change } }));
      get().load();
    },
    clearFilters() {
      set({ filters: {} });
      get().load();
    },
    load() {
      void ask(null, ORDERS_PAGE, true);
    },
    more() {
      const { next, loading } = get();
      if (next && !loading) void ask(next, ORDERS_PAGE, false);
    },
    refresh() {
      // The same number of orders again (up to the largest page), so nothing on screen jumps.
      const shown = get().orders?.length ?? 0;
      void ask(null, Math.min(200, Math.max(ORDERS_PAGE, shown)), true);
    },
    open(orderId) {
      set({ openId: orderId });
    },
    completeCheckout(orderId) {
      set({ completingId: orderId });
    },
  };
});
