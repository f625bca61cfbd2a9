import { create } from 'zustand';
import type {
  SelectionDetail,
  SelectionScanResult,
  SelectionStyleLine,
  StyleDetail,
} from '../../../preload/contract/index.ts';
import { parseQuantity } from '../../../main/domain/selections.ts';
import { errorMessage, problemOf, trunkshow } from '../api.ts';
import { saveFile } from '../save-file.ts';
import { useSelectionsStore } from './selections.ts';

/** A style opened for quick entry: its size run with what the rep is typing per SKU. */
export type Entry =
  | { status: 'closed' }
  | { status: 'loading'; styleId: string }
  | {
      status: 'ready';
      style: StyleDetail;
      /** What each size cell holds, as typed. */
      drafts: Readonly<Record<string, string>>;
      /** What the cells held when the run opened: the selection's quantities. */
      opened: Readonly<Record<string, string>>;
      errors: Readonly<Record<string, string>>;
      saving: boolean;
      error: string | null;
    };

interface SelectionStore {
  openId: string | null;
  detail: SelectionDetail | null;
  loadError: string | null;
  /** A size cell of the sheet the main side or the rules refused, by SKU. */
  cellErrors: Readonly<Record<string, string>>;
  /** What the last action (export, duplicate, notes…) could not do. */
  actionError: string | null;
  lastScan: SelectionScanResult['added'] | null;
  scanError: string | null;
  entry: Entry;
  /**
   * What the rep asked for that would throw away quantities typed into the size run, held
   * until the rep says to discard them (it then goes ahead) or to keep typing.
   */
  leaving: (() => void) | null;
  exporting: 'pdf' | 'csv' | null;

  open: (selectionId: string) => Promise<void>;
  refresh: () => Promise<void>;
  close: () => void;
  setQuantity: (skuId: string, text: string) => Promise<boolean>;
  removeLine: (line: SelectionStyleLine) => Promise<void>;
  removeMissing: () => Promise<void>;
  scan: (code: string) => Promise<boolean>;
  startEntry: (styleId: string) => Promise<void>;
  setDraft: (skuId: string, text: string) => void;
  submitEntry: () => Promise<boolean>;
  /** Closes the size run (true), or asks first when quantities were typed into it (false). */
  cancelEntry: () => boolean;
  discardEntry: () => void;
  keepEntry: () => void;
  update: (changes: { name?: string; notes?: string }) => Promise<string | null>;
  duplicate: () => Promise<void>;
  remove: () => Promise<void>;
  exportAs: (format: 'pdf' | 'csv') => Promise<void>;
  dismissError: () => void;
  reset: () => void;
}

let latest = 0;

const NOTHING_OPEN = {
  openId: null,
  detail: null,
  loadError: null,
  cellErrors: {},
  actionError: null,
  lastScan: null,
  scanError: null,
  entry: { status: 'closed' },
  leaving: null,
  exporting: null,
} as const satisfies Partial<SelectionStore>;

/** Whether the rep typed into the size run anything the selection does not hold yet. */
function typedInto(entry: Entry): boolean {
  if (entry.status !== 'ready') return false;
  return Object.entries(entry.drafts).some(
    ([skuId, text]) => text.trim() !== (entry.opened[skuId] ?? ''),
  );
}

function withoutKey(record: Readonly<Record<string, string>>, key: string) {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

/** The selection open in the editor, and the quick entry of one style into it. */
export const useSelectionStore = create<SelectionStore>()((set, get) => {
  /** A change went through: show the selection as the main side now has it. */
  function changed(detail: SelectionDetail) {
    if (detail.id === get().openId) set({ detail, actionError: null });
    void useSelectionsStore.getState().load();
  }

  /**
   * True when going ahead would throw away typed quantities: the rep is asked first, and
   * `then` runs if the rep discards them.
   */
  function mustAsk(then: () => void): boolean {
    if (!typedInto(get().entry)) return false;
    set({ leaving: then });
    return true;
  }

  async function setQuantities(lines: { skuId: string; quantity: number }[]) {
    const selectionId = get().openId;
    if (!selectionId) return;
    changed(await trunkshow().invoke('selections.setQuantities', { selectionId, lines }));
  }

  return {
    ...NOTHING_OPEN,

    async open(selectionId) {
      if (get().openId !== selectionId && mustAsk(() => void get().open(selectionId))) return;
      const asked = ++latest;
      if (get().openId !== selectionId) {
        set({ ...NOTHING_OPEN, openId: selectionId, exporting: get().exporting });
      }
      try {
        const detail = await trunkshow().invoke('selections.open', { selectionId });
        if (asked === latest) set({ detail, loadError: null });
      } catch (error) {
        if (asked === latest) set({ detail: null, loadError: errorMessage(error, '') });
      }
    },

    async refresh() {
      const { openId } = get();
      if (openId) await get().open(openId);
    },

    close() {
      latest++;
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

    async startEntry(styleId) {
      const { detail, entry } = get();
      if (!detail) return;
      if (entry.status === 'ready' && typedInto(entry)) {
        // The same style is already open with what was typed: nothing to reload.
        if (entry.style.id === styleId) return;
        if (mustAsk(() => void get().startEntry(styleId))) return;
      }
      set({ entry: { status: 'loading', styleId }, scanError: null });
      try {
        const style = await trunkshow().invoke('catalog.openStyle', {
          styleId,
          pricelistId: detail.buyer.pricelistId,
          buyerId: detail.buyer.id,
        });
        const selected = new Map(
          detail.lines.flatMap((line) => line.cells).map((cell) => [cell.skuId, cell.quantity]),
        );
        const drafts: Record<string, string> = {};
        for (const colorway of style.colorways) {
          for (const sku of colorway.skus) {
            const quantity = selected.get(sku.id) ?? 0;
            drafts[sku.id] = quantity > 0 ? String(quantity) : '';
          }
        }
        if (get().entry.status === 'loading') {
          set({
            entry: {
              status: 'ready',
              style,
              drafts,
              opened: drafts,
              errors: {},
              saving: false,
              error: null,
            },
          });
        }
      } catch (error) {
        set({ entry: { status: 'closed' }, scanError: errorMessage(error, '') });
      }
    },

    setDraft(skuId, text) {
      const entry = get().entry;
      if (entry.status !== 'ready') return;
      set({
        entry: {
          ...entry,
          drafts: { ...entry.drafts, [skuId]: text },
          errors: withoutKey(entry.errors, skuId),
        },
      });
    },

    async submitEntry() {
      const entry = get().entry;
      const detail = get().detail;
      if (entry.status !== 'ready' || !detail || entry.saving) return false;
      const selected = new Map(
        detail.lines.flatMap((line) => line.cells).map((cell) => [cell.skuId, cell.quantity]),
      );
      const errors: Record<string, string> = {};
      const lines: { skuId: string; quantity: number }[] = [];
      for (const [skuId, text] of Object.entries(entry.drafts)) {
        const parsed = parseQuantity(text);
        if (!parsed.ok) errors[skuId] = parsed.reason;
        else if (parsed.quantity !== (selected.get(skuId) ?? 0)) {
          lines.push({ skuId, quantity: parsed.quantity });
        }
      }
      if (Object.keys(errors).length > 0) {
        set({ entry: { ...entry, errors } });
        return false;
      }
      if (lines.length === 0) {
        set({ entry: { status: 'closed' } });
        return true;
      }
      set({ entry: { ...entry, saving: true, error: null } });
      try {
        await setQuantities(lines);
        set({ entry: { status: 'closed' } });
        return true;
      } catch (error) {
        const problem = problemOf(error, '');
        set({ entry: { ...entry, saving: false, error: problem.message } });
        return false;
      }
    },

    cancelEntry() {
      if (mustAsk(() => undefined)) return false;
      set({ entry: { status: 'closed' } });
      return true;
    },

    discardEntry() {
      const then = get().leaving;
      set({ entry: { status: 'closed' }, leaving: null });
      then?.();
    },

    keepEntry() {
      set({ leaving: null });
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
      latest++;
      set(NOTHING_OPEN);
    },
  };
});
