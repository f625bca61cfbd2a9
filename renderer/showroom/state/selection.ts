import { create } from 'zustand';
import type { SelectionDetail, SelectionStyleLine } from '../../../preload/contract/index.ts';
import { parseQuantity } from '../../../main/domain/selections.ts';
import { errorMessage, problemOf, trunkshow } from '../api.ts';
import { saveFile } from '../save-file.ts';
import { useSelectionsStore } from './selections.ts';
import { NO_ENTRY, sizeRunActions, withoutKey, type SizeRunEntryState } from './sizeRunEntry.ts';
import { readsInOrder } from './reads-in-order.ts';

interface SelectionStore extends SizeRunEntryState {
  openId: string | null;
  detail: SelectionDetail | null;
  loadError: string | null;
  /** A size cell of the sheet the main side or the rules refused, by SKU. */
  cellErrors: Readonly<Record<string, string>>;
  /** What the last action (export, duplicate, notes…) could not do. */
  actionError: string | null;
  exporting: 'pdf' | 'csv' | null;

  open: (selectionId: string) => Promise<void>;
  refresh: () => Promise<void>;
  close: () => void;
  setQuantity: (skuId: string, text: string) => Promise<boolean>;
  removeLine: (line: SelectionStyleLine) => Promise<void>;
  removeMissing: () => Promise<void>;
  update: (changes: { name?: string; notes?: string }) => Promise<string | null>;
  duplicate: () => Promise<void>;
  remove: () => Promise<void>;
  exportAs: (format: 'pdf' | 'csv') => Promise<void>;
  dismissError: () => void;
  reset: () => void;
}

const reads = readsInOrder();

const NOTHING_OPEN = {
  openId: null,
  detail: null,
  loadError: null,
  cellErrors: {},
  actionError: null,
  ...NO_ENTRY,
  exporting: null,
} as const satisfies Partial<SelectionStore>;

/** The selection open in the editor, and the quick entry of one style into it. */
export const useSelectionStore = create<SelectionStore>()((set, get) => {
  /** A change went through: show the selection as the main side now has it. */
  function changed(detail: SelectionDetail) {
    if (detail.id === get().openId) set({ detail, actionError: null });
    void useSelectionsStore.getState().load();
  }

  async function setQuantities(lines: { skuId: string; quantity: number }[]) {
    const selectionId = get().openId;
    if (!selectionId) return;
    changed(await trunkshow().invoke('selections.setQuantities', { selectionId, lines }));
  }

  const entry = sizeRunActions(get, set, {
    quantities: () => {
      const detail = get().detail;
      if (!detail) return null;
      return new Map(
        detail.lines.flatMap((line) => line.cells).map((cell) => [cell.skuId, cell.quantity]),
      );
    },
    openStyle: (styleId) => {
      const buyer = get().detail!.buyer;
      return trunkshow().invoke('catalog.openStyle', {
        styleId,
        pricelistId: buyer.pricelistId,
        buyerId: buyer.id,
      });
    },
    parse: parseQuantity,
    apply: setQuantities,
  });
  const { mustAsk } = entry;

  return {
    ...NOTHING_OPEN,
    ...entry.actions,

    async open(selectionId) {
      if (get().openId !== selectionId && mustAsk(() => void get().open(selectionId))) return;
      if (get().openId !== selectionId) {
        reads.restart();
        set({ ...NOTHING_OPEN, openId: selectionId, exporting: get().exporting });
      }
      const asked = reads.ask();
      try {
        const detail = await trunkshow().invoke('selections.open', { selectionId });
        if (reads.show(asked)) set({ detail, loadError: null });
      } catch (error) {
        if (reads.isNewest(asked)) set({ detail: null, loadError: errorMessage(error, '') });
      }
    },

    async refresh() {
      const { openId } = get();
      if (openId) await get().open(openId);
    },

    close() {
      reads.restart();
      set({
        openId: null,
        detail: null,
        loadError: null,
        entry: { status: 'closed' },
        leaving: null,
      });
    },

    async setQuantity(skuId, text) {
      const parsed = parseQuantity(text);
      if (!parsed.ok) {
        set({ cellErrors: { ...get().cellErrors, [skuId]: parsed.reason } });
        return false;
      }
      try {
        await setQuantities([{ skuId, quantity: parsed.quantity }]);
        set({ cellErrors: withoutKey(get().cellErrors, skuId) });
        return true;
      } catch (error) {
        set({ cellErrors: { ...get().cellErrors, [skuId]: errorMessage(error, '') } });
        return false;
      }
    },

    async removeLine(line) {
      try {
        await setQuantities(
          line.cells
            .filter((cell) => cell.quantity > 0)
            .map((cell) => ({ skuId: cell.skuId, quantity: 0 })),
        );
      } catch (error) {
        set({ actionError: errorMessage(error, '') });
      }
    },

    async removeMissing() {
      const missing = get().detail?.missingSkuIds ?? [];
      if (missing.length === 0) return;
      try {
        await setQuantities(missing.map((skuId) => ({ skuId, quantity: 0 })));
      } catch (error) {
        set({ actionError: errorMessage(error, '') });
      }
    },

    async scan(code) {
      const selectionId = get().openId;
      if (!selectionId) return false;
      try {
        const result = await trunkshow().invoke('selections.scan', { selectionId, code });
        set({ lastScan: result.added, scanError: null });
        changed(result.selection);
        return true;
      } catch (error) {
        set({ scanError: errorMessage(error, ''), lastScan: null });
        return false;
      }
    },

    async update(changes) {
      const detail = get().detail;
      if (!detail) return null;
      try {
        changed(
          await trunkshow().invoke('selections.update', {
            selectionId: detail.id,
            name: changes.name ?? detail.name,
            notes: changes.notes ?? detail.notes,
          }),
        );
        return null;
      } catch (error) {
        return problemOf(error, '').message;
      }
    },

    async duplicate() {
      const detail = get().detail;
      if (!detail || mustAsk(() => void get().duplicate())) return;
      try {
        const copy = await trunkshow().invoke('selections.duplicate', { selectionId: detail.id });
        // The copy is open now: a read of the original still on its way is not shown.
        reads.restart();
        set({ openId: copy.id, detail: copy, cellErrors: {}, entry: { status: 'closed' } });
        void useSelectionsStore.getState().load();
      } catch (error) {
        set({ actionError: errorMessage(error, '') });
      }
    },

    async remove() {
      const detail = get().detail;
      if (!detail) return;
      try {
        await trunkshow().invoke('selections.delete', { selectionId: detail.id });
        get().close();
        void useSelectionsStore.getState().load();
      } catch (error) {
        set({ actionError: errorMessage(error, '') });
      }
    },

    async exportAs(format) {
      const detail = get().detail;
      if (!detail || get().exporting) return;
      set({ exporting: format });
      try {
        const file = await trunkshow().invoke('selections.export', {
          selectionId: detail.id,
          format,
        });
        saveFile(file);
        set({ actionError: null });
      } catch (error) {
        set({ actionError: errorMessage(error, '') });
      } finally {
        set({ exporting: null });
      }
    },

    dismissError() {
      set({ actionError: null });
    },

    reset() {
      reads.restart();
      set(NOTHING_OPEN);
    },
  };
});
