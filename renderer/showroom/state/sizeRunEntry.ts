import type { SelectionScanResult, StyleDetail } from '../../../preload/contract/index.ts';
import { errorMessage, problemOf } from '../api.ts';

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

/**
 * What the quick entry, the size run and the discard question read and do, whichever
 * selection they fill: a wholesale one (state/selection.ts) or a DTC one (state/dtc.ts).
 */
export interface SizeRunEntryState {
  lastScan: SelectionScanResult['added'] | null;
  scanError: string | null;
  entry: Entry;
  /**
   * What the rep asked for that would throw away quantities typed into the size run, held
   * until the rep says to discard them (it then goes ahead) or to keep typing.
   */
  leaving: (() => void) | null;
  scan: (code: string) => Promise<boolean>;
  startEntry: (styleId: string) => Promise<void>;
  setDraft: (skuId: string, text: string) => void;
  submitEntry: () => Promise<boolean>;
  /** Closes the size run (true), or asks first when quantities were typed into it (false). */
  cancelEntry: () => boolean;
  discardEntry: () => void;
  keepEntry: () => void;
}

/** A store's hook as the entry components read it. */
export type UseSizeRunEntry = <Picked>(pick: (state: SizeRunEntryState) => Picked) => Picked;

export const NO_ENTRY = {
  lastScan: null,
  scanError: null,
  entry: { status: 'closed' },
  leaving: null,
} as const satisfies Partial<SizeRunEntryState>;

/** Whether the rep typed into the size run anything the selection does not hold yet. */
export function typedInto(entry: Entry): boolean {
  if (entry.status !== 'ready') return false;
  return Object.entries(entry.drafts).some(
    ([skuId, text]) => text.trim() !== (entry.opened[skuId] ?? ''),
  );
}

export function withoutKey(record: Readonly<Record<string, string>>, key: string) {
  const { [key]: _removed, ...rest } = record;
  return rest;
}

type Parsed = { ok: true; quantity: number } | { ok: false; reason: string };

/** What a selection gives the size run: its quantities, a style to open, and where typed units go. */
export interface SizeRunSource {
  /** The selection's quantity per SKU now; null when none is open. */
  quantities: () => ReadonlyMap<string, number> | null;
  openStyle: (styleId: string) => Promise<StyleDetail>;
  /** A quantity as typed, or why not, in the rep's words. */
  parse: (text: string) => Parsed;
  /** Puts the changed sizes into the selection. */
  apply: (lines: { skuId: string; quantity: number }[]) => Promise<void>;
}

/**
 * The size run's actions for a zustand store holding SizeRunEntryState: `mustAsk` holds
 * back anything that would throw typed quantities away until the rep says.
 */
export function sizeRunActions(
  get: () => SizeRunEntryState,
  set: (partial: Partial<SizeRunEntryState>) => void,
  source: SizeRunSource,
) {
  /**
   * True when going ahead would throw away typed quantities: the rep is asked first, and
   * `then` runs if the rep discards them.
   */
  function mustAsk(then: () => void): boolean {
    if (!typedInto(get().entry)) return false;
    set({ leaving: then });
    return true;
  }

  const actions: Pick<
    SizeRunEntryState,
    'startEntry' | 'setDraft' | 'submitEntry' | 'cancelEntry' | 'discardEntry' | 'keepEntry'
  > = {
    async startEntry(styleId: string) {
      const quantities = source.quantities();
      const { entry } = get();
      if (!quantities) return;
      if (entry.status === 'ready' && typedInto(entry)) {
        // The same style is already open with what was typed: nothing to reload.
        if (entry.style.id === styleId) return;
        if (mustAsk(() => void actions.startEntry(styleId))) return;
      }
      set({ entry: { status: 'loading', styleId }, scanError: null });
      try {
        const style = await source.openStyle(styleId);
        const selected = source.quantities() ?? quantities;
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

    setDraft(skuId: string, text: string) {
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
      const selected = source.quantities();
      if (entry.status !== 'ready' || !selected || entry.saving) return false;
      const errors: Record<string, string> = {};
      const lines: { skuId: string; quantity: number }[] = [];
      for (const [skuId, text] of Object.entries(entry.drafts)) {
        const parsed = source.parse(text);
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
        await source.apply(lines);
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
  };
  return { actions, mustAsk };
}
