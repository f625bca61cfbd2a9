import { create } from 'zustand';
import type { CatalogImportReport } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { useBrandStore } from './brand.ts';
import { useCatalogStore } from './catalog.ts';

type ImportState =
  | { status: 'idle' }
  | { status: 'choosing' }
  | { status: 'importing'; fileCount: number }
  | { status: 'done'; report: CatalogImportReport }
  | { status: 'failed'; message: string };

interface ImportStore {
  state: ImportState;
  /** The button that started the import, to give focus back to when the results close. */
  opener: HTMLElement | null;
  start: (opener: HTMLElement | null) => Promise<void>;
  dismiss: () => void;
}

/**
 * Each press of an Import button starts a new choice. A browser that never reports a
 * cancelled file picker would otherwise leave the button waiting forever; a newer
 * choice simply makes the older one's answer irrelevant.
 */
let latestChoice = 0;

export const useImportStore = create<ImportStore>()((set, get) => ({
  state: { status: 'idle' },
  opener: null,

  async start(opener) {
    if (get().state.status === 'importing') return;
    const choice = ++latestChoice;
    set({ state: { status: 'choosing' }, opener });
    let files;
    try {
      files = await trunkshow().chooseCsvFiles();
    } catch (error) {
      if (choice === latestChoice) {
        set({ state: { status: 'failed', message: errorMessage(error, '') } });
      }
      return;
    }
    if (choice !== latestChoice) return;
    if (files.length === 0) {
      set({ state: { status: 'idle' } });
      return;
    }
    set({ state: { status: 'importing', fileCount: files.length } });
    try {
      const report = await trunkshow().invoke('catalog.importCsv', { files });
      set({ state: { status: 'done', report } });
      if (report.files.some((file) => file.imported)) {
        useCatalogStore.getState().invalidate();
        void useBrandStore.getState().loadSummary();
      }
    } catch (error) {
      set({ state: { status: 'failed', message: errorMessage(error, '') } });
    }
  },

  dismiss() {
    const { opener } = get();
    set({ state: { status: 'idle' }, opener: null });
    // The empty state's button is gone once the catalog has styles; the header's stays.
    const target =
      opener?.isConnected === true
        ? opener
        : document.querySelector<HTMLElement>('[data-import-button]');
    target?.focus();
  },
}));
