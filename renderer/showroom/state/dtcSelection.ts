import i18next from 'i18next';
import { create } from 'zustand';
import {
  parseDtcQuantity,
  parseSpecialPrice,
  type DtcSelectionProblemCode,
} from '../../../main/domain/dtc-selections.ts';
import { MAX_DTC_LINE_QUANTITY } from '../../../main/domain/dtc.ts';
import { formatDecimal } from '../../../main/domain/money.ts';
import type {
  DtcLinkSummary,
  DtcSelectionDetail,
  DtcSelectionLineDetail,
} from '../../../preload/contract/index.ts';
import { errorMessage, problemOf, trunkshow } from '../api.ts';
import { NO_ENTRY, sizeRunActions, type SizeRunEntryState } from './sizeRunEntry.ts';
import { readsInOrder } from './reads-in-order.ts';

/** A line as the editor holds it until "Save": the special price as typed. */
export interface DraftLine extends Omit<DtcSelectionLineDetail, 'specialPriceMinor'> {
  specialPrice: string;
}

interface DtcSelectionStore extends SizeRunEntryState {
  /** The selection the editor has open; its detail may still be on its way. */
  openId: string | null;
  detail: DtcSelectionDetail | null;
  loadError: string | null;
  name: string;
  lines: DraftLine[];
  /** What "Save" was refused for, by field (`name`, `lines.<n>.quantity`, …), in the rep's words. */
  problems: Readonly<Record<string, string>>;
  saving: boolean;
  saveError: string | null;
  /** The link just made in the pop-up, with its address. */
  made: { link: DtcLinkSummary; url: string } | null;

  open: (id: string) => Promise<void>;
  close: () => void;
  setName: (name: string) => void;
  setQuantity: (skuId: string, text: string) => void;
  setSpecialPrice: (skuId: string, text: string) => void;
  removeLine: (skuId: string) => void;
  save: () => Promise<boolean>;
  createLink: (options: {
    lockQuantities: boolean;
    ignoreShipping: boolean;
    ignoreTax: boolean;
  }) => Promise<string | null>;
  forgetMade: () => void;
  killLink: (id: string) => Promise<void>;
}

/** The problem's code in the rep's words (keys under dtc.problems). */
export function dtcProblemText(code: string, params: Record<string, string | number> = {}) {
  return i18next.t(`dtc.problems.${code}`, {
    ...params,
    defaultValue: i18next.t('dtc.problems.unexpected'),
  });
}

function draftOf(detail: DtcSelectionDetail): DraftLine[] {
  return detail.lines.map(({ specialPriceMinor, ...line }) => ({
    ...line,
    specialPrice:
      specialPriceMinor === null
        ? ''
        : formatDecimal({ amountMinor: specialPriceMinor, currency: detail.market.currency }),
  }));
}

/** Whether the editor holds anything "Save" has not sent. */
export function unsaved(store: Pick<DtcSelectionStore, 'detail' | 'name' | 'lines'>): boolean {
  const { detail } = store;
  if (!detail) return false;
  if (store.name !== detail.name) return true;
  const saved = draftOf(detail);
  return (
    saved.length !== store.lines.length ||
    store.lines.some((line, index) => {
      const before = saved[index];
      return (
        !before ||
        before.skuId !== line.skuId ||
        before.quantity !== line.quantity ||
        before.specialPrice.trim() !== line.specialPrice.trim()
      );
    })
  );
}

const reads = readsInOrder();

/** The editor with `openId` open and nothing of it read yet (null: nothing open). */
function opening(openId: string | null) {
  return { ...NO_ENTRY, openId, detail: null, loadError: null, made: null, lines: [], name: '' };
}

/**
 * The DTC selection open in the editor: a draft of its name and lines (from the same
 * quick entry, size run and scanner as wholesale selections) that "Save" sends whole.
 */
export const useDtcSelectionStore = create<DtcSelectionStore>()((set, get) => {
  function loaded(detail: DtcSelectionDetail) {
    set({ detail, name: detail.name, lines: draftOf(detail), problems: {}, saveError: null });
  }

  /** Puts units of sizes into the draft: 0 takes a size out, a new size goes last. */
  function putUnits(changes: { skuId: string; quantity: number }[], known: DraftLine[]) {
    const lines = [...get().lines];
    for (const change of changes) {
      const index = lines.findIndex((line) => line.skuId === change.skuId);
      if (change.quantity === 0) {
        if (index >= 0) lines.splice(index, 1);
      } else if (index >= 0) {
        lines[index] = { ...lines[index]!, quantity: change.quantity };
      } else {
        const line = known.find((candidate) => candidate.skuId === change.skuId);
        if (line) lines.push({ ...line, quantity: change.quantity });
      }
    }
    set({ lines, problems: {} });
  }

  const entry = sizeRunActions(get, set, {
    quantities: () =>
      get().detail ? new Map(get().lines.map((line) => [line.skuId, line.quantity])) : null,
    openStyle: (styleId) =>
      trunkshow().invoke('catalog.openStyle', {
        styleId,
        pricelistId: get().detail!.market.pricelistId,
      }),
    parse: (text) => {
      const parsed = parseDtcQuantity(text);
      return parsed.ok ? parsed : { ok: false, reason: dtcProblemText(parsed.code, parsed.params) };
    },
    async apply(changes) {
      const run = get().entry;
      if (run.status !== 'ready') return;
      const { style } = run;
      const known = style.colorways.flatMap((colorway) =>
        colorway.skus.map((sku): DraftLine => ({
          skuId: sku.id,
          styleId: style.id,
          styleNumber: style.styleNumber,
          name: style.name,
          colour: colorway.name,
          colorHex: colorway.colorHex,
          size: sku.size,
          quantity: 0,
          retailMinor: sku.retail?.amountMinor ?? null,
          specialPrice: '',
        })),
      );
      putUnits(changes, known);
      await Promise.resolve();
    },
  });

  return {
    ...opening(null),
    problems: {},
    saving: false,
    saveError: null,
    ...entry.actions,

    async scan(code) {
      const detail = get().detail;
      if (!detail) return false;
      try {
        const sku = await trunkshow().invoke('dtc.selections.scan', {
          selectionId: detail.id,
          code,
        });
        const quantity = (get().lines.find((line) => line.skuId === sku.skuId)?.quantity ?? 0) + 1;
        if (quantity > MAX_DTC_LINE_QUANTITY) {
          set({
            scanError: dtcProblemText('quantity_out_of_range', {
              min: 1,
              max: MAX_DTC_LINE_QUANTITY,
            }),
            lastScan: null,
          });
          return false;
        }
        putUnits([{ skuId: sku.skuId, quantity }], [{ ...sku, quantity, specialPrice: '' }]);
        set({
          scanError: null,
          lastScan: {
            styleNumber: sku.styleNumber,
            name: sku.name,
            colorway: sku.colour,
            size: sku.size,
            quantity,
          },
        });
        return true;
      } catch (error) {
        set({ scanError: errorMessage(error, ''), lastScan: null });
        return false;
      }
    },

    async open(id) {
      if (get().openId !== id) {
        reads.restart();
        set(opening(id));
      }
      const asked = reads.ask();
      try {
        const detail = await trunkshow().invoke('dtc.selections.open', { id });
        if (!reads.show(asked)) return;
        const current = get();
        // Lines the operator added while this read was on its way are theirs until "Save":
        // the fresh copy only updates what is shown around them (its links, for one).
        if (current.detail?.id === id && unsaved(current)) set({ detail, loadError: null });
        else {
          set({ loadError: null });
          loaded(detail);
        }
      } catch (error) {
        if (reads.isNewest(asked)) set({ detail: null, loadError: errorMessage(error, '') });
      }
    },

    close() {
      reads.restart();
      set(opening(null));
    },

    setName(name) {
      set({ name });
    },

    setQuantity(skuId, text) {
      const parsed = parseDtcQuantity(text);
      const field = `${skuId}.quantity`;
      if (!parsed.ok || parsed.quantity === 0) {
        set({
          problems: {
            ...get().problems,
            [field]: parsed.ok
              ? dtcProblemText('quantity_out_of_range', { min: 1, max: MAX_DTC_LINE_QUANTITY })
              : dtcProblemText(parsed.code, parsed.params),
          },
        });
        return;
      }
      const { [field]: _fixed, ...problems } = get().problems;
      set({
        problems,
        lines: get().lines.map((line) =>
          line.skuId === skuId ? { ...line, quantity: parsed.quantity } : line,
        ),
      });
    },

    setSpecialPrice(skuId, text) {
      const { [`${skuId}.specialPrice`]: _fixed, ...problems } = get().problems;
      set({
        problems,
        lines: get().lines.map((line) =>
          line.skuId === skuId ? { ...line, specialPrice: text } : line,
        ),
      });
    },

    removeLine(skuId) {
      set({ lines: get().lines.filter((line) => line.skuId !== skuId) });
    },

    async save() {
      const { detail, lines, name } = get();
      if (!detail || get().saving) return false;
      const problems: Record<string, string> = {};
      const sent = lines.map((line) => {
        const price = parseSpecialPrice(line.specialPrice, detail.market.currency);
        if (!price.ok) problems[`${line.skuId}.specialPrice`] = dtcProblemText(price.code);
        return {
          skuId: line.skuId,
          quantity: line.quantity,
          specialPriceMinor: price.ok ? price.specialPriceMinor : null,
        };
      });
      if (Object.keys(problems).length > 0) {
        set({ problems, saveError: i18next.t('dtc.editor.fix') });
        return false;
      }
      set({ saving: true, saveError: null });
      try {
        loaded(
          await trunkshow().invoke('dtc.selections.save', {
            selectionId: detail.id,
            name,
            lines: sent,
          }),
        );
        return true;
      } catch (error) {
        set({ problems: problemsAtLines(error, lines), saveError: problemOf(error, '').message });
        return false;
      } finally {
        set({ saving: false });
      }
    },

    async createLink(options) {
      const detail = get().detail;
      if (!detail) return null;
      try {
        const made = await trunkshow().invoke('dtc.links.create', {
          selectionId: detail.id,
          ...options,
        });
        set({ made });
        loaded(await trunkshow().invoke('dtc.selections.open', { id: detail.id }));
        return null;
      } catch (error) {
        const issue = problemIssue(error);
        return issue ? dtcProblemText(issue.code, issue.params) : problemOf(error, '').message;
      }
    },

    forgetMade() {
      set({ made: null });
    },

    async killLink(id) {
      try {
        loaded(await trunkshow().invoke('dtc.links.kill', { id }));
      } catch (error) {
        set({ saveError: errorMessage(error, '') });
      }
    },
  };
});

type Issue = {
  path: string;
  code: DtcSelectionProblemCode;
  params: Record<string, string | number>;
};

function issuesOf(error: unknown): Issue[] {
  const issues = (error as { issues?: { path: string; code?: string; params?: object }[] }).issues;
  return (issues ?? [])
    .filter((issue) => issue.code)
    .map((issue) => ({
      path: issue.path,
      code: issue.code as DtcSelectionProblemCode,
      params: (issue.params ?? {}) as Record<string, string | number>,
    }));
}

function problemIssue(error: unknown): Issue | undefined {
  return issuesOf(error)[0];
}

/** A refused operation's issues in the rep's words, by path (`email`, `addresses.0.city`). */
export function issueTexts(error: unknown): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const issue of issuesOf(error)) {
    texts[issue.path] ??= dtcProblemText(issue.code, issue.params);
  }
  return texts;
}

/** The service's issues (`lines.<n>.quantity`) at the draft's lines, keyed by SKU. */
function problemsAtLines(error: unknown, lines: readonly DraftLine[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of issuesOf(error)) {
    const [, index, field] = /^lines\.(\d+)\.?(\w*)$/.exec(issue.path) ?? [];
    const line = index === undefined ? undefined : lines[Number(index)];
    const key = line
      ? `${line.skuId}.${field === 'specialPriceMinor' ? 'specialPrice' : field || 'quantity'}`
      : issue.path;
    problems[key] ??= dtcProblemText(issue.code, issue.params);
  }
  return problems;
}
