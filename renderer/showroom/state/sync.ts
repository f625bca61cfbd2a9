import { create } from 'zustand';
import type { SyncProgress, SyncRefusal, SyncStatus } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';

/** How often the header asks the main side how syncing goes. */
export const POLL_MS = 1000;

type RefusalList =
  | { status: 'idle' }
  | { status: 'loading'; items: readonly SyncRefusal[] }
  | { status: 'ready'; items: readonly SyncRefusal[] }
  | { status: 'failed'; items: readonly SyncRefusal[]; message: string };

interface SyncStore {
  /** Null until the first answer after signing in, and after signing out. */
  status: SyncStatus | null;
  /** Set when asking for the status itself failed: the main side could not answer. */
  failure: string | null;
  /** A "Sync now" under way. */
  syncingNow: boolean;
  /** Why the last "Sync now" or dismissal could not run. */
  actionError: string | null;
  /** The refused changes, loaded while someone looks at them (the sync popover). */
  refusals: RefusalList;

  /** Start asking for the status every POLL_MS; never two questions at once. */
  start: () => void;
  /** Stop asking and forget the status (signing out). */
  stop: () => void;
  syncNow: () => Promise<void>;
  /** Load the refused changes now and again whenever their count changes, until unwatched. */
  watchRefusals: () => void;
  unwatchRefusals: () => void;
  /** Dismiss a refused change; true when the main side took it. */
  dismissRefusal: (seq: number) => Promise<boolean>;
  /** Take a status an operation answered with (sync.now, sync.dismissRefusal). */
  applyStatus: (status: SyncStatus) => void;
}

let running = false;
/** Bumped by start and stop, so an answer to a poll from an earlier sign-in is dropped. */
let generation = 0;
let timer: number | undefined;
let watchers = 0;
let latestRefusals = 0;

export const useSyncStore = create<SyncStore>()((set, get) => {
  async function poll(pollGeneration: number): Promise<void> {
    try {
      const status = await trunkshow().invoke('sync.status', {});
      if (pollGeneration !== generation) return;
      get().applyStatus(status);
      if (get().failure !== null) set({ failure: null });
    } catch (error) {
      if (pollGeneration !== generation) return;
      set({ failure: errorMessage(error, '') });
    } finally {
      // The next question is asked only once this one has answered.
      if (running && pollGeneration === generation) {
        timer = window.setTimeout(() => void poll(pollGeneration), POLL_MS);
      }
    }
  }

  async function loadRefusals(): Promise<void> {
    const load = ++latestRefusals;
    const current = get().refusals;
    const items = current.status === 'idle' ? [] : current.items;
    set({ refusals: { status: 'loading', items } });
    try {
      const answer = await trunkshow().invoke('sync.refusals', {});
      if (load === latestRefusals) set({ refusals: { status: 'ready', items: answer } });
    } catch (error) {
      if (load === latestRefusals) {
        set({ refusals: { status: 'failed', items, message: errorMessage(error, '') } });
      }
    }
  }

  return {
    status: null,
    failure: null,
    syncingNow: false,
    actionError: null,
    refusals: { status: 'idle' },

    start() {
      if (running) return;
      running = true;
      void poll(++generation);
    },

    stop() {
      running = false;
      generation++;
      window.clearTimeout(timer);
      latestRefusals++;
      set({
        status: null,
        failure: null,
        syncingNow: false,
        actionError: null,
        refusals: { status: 'idle' },
      });
    },

    async syncNow() {
      if (get().syncingNow) return;
      const started = generation;
      set({ syncingNow: true, actionError: null });
      try {
        const status = await trunkshow().invoke('sync.now', {});
        if (started === generation) get().applyStatus(status);
      } catch (error) {
        if (started === generation) set({ actionError: errorMessage(error, '') });
      } finally {
        if (started === generation) set({ syncingNow: false });
      }
    },

    watchRefusals() {
      watchers++;
      if (watchers === 1) void loadRefusals();
    },

    unwatchRefusals() {
      watchers = Math.max(0, watchers - 1);
    },

    async dismissRefusal(seq) {
      const started = generation;
      set({ actionError: null });
      try {
        const status = await trunkshow().invoke('sync.dismissRefusal', { seq });
        if (started !== generation) return false;
        const refusals = get().refusals;
        if (refusals.status !== 'idle') {
          set({
            refusals: { ...refusals, items: refusals.items.filter((item) => item.seq !== seq) },
          });
        }
        get().applyStatus(status);
        return true;
      } catch (error) {
        if (started === generation) set({ actionError: errorMessage(error, '') });
        return false;
      }
    },

    applyStatus(status) {
      const before = get().status;
      set({ status });
      if (watchers > 0 && before?.refused !== status.refused) void loadRefusals();
    },
  };
});

/** While a first sync brings the brand in, how far it has come; null once it is all here. */
export function useArrival(): SyncProgress | null {
  return useSyncStore((state) => state.status?.progress ?? null);
}

/**
 * True while a first sync brings the brand in: what the replica lacks (a style's prices,
 * the styles themselves) may be on its way rather than missing.
 */
export function useBrandArriving(): boolean {
  return useSyncStore((state) => Boolean(state.status?.progress));
}
