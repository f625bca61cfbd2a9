import { create } from 'zustand';
import type { BuyerListItem, SyncRefusal } from '../../../preload/contract/index.ts';
import { BUYER_KINDS } from '../../../preload/contract/index.ts';
import { problemOf, trunkshow, type Problem } from '../api.ts';
import { useBrandStore } from './brand.ts';
import { useBuyersStore } from './buyers.ts';
import { useSyncStore } from './sync.ts';

export type BuyerKind = (typeof BUYER_KINDS)[number];
export type BuyerLanguage = 'en' | 'ja';

/** The form's fields as typed: the discount stays text until it is sent. */
export interface BuyerDraft {
  name: string;
  kind: BuyerKind;
  countryCode: string;
  pricelistId: string;
  discount: string;
  language: BuyerLanguage;
}

export interface BuyerForm {
  mode: 'create' | 'terms';
  /** The buyer whose terms change (terms mode). */
  buyerId: string | null;
  buyerName: string | null;
  draft: BuyerDraft;
  /** The refused change this form corrects; dismissed once the correction is saved. */
  refusal: { seq: number; reason: string } | null;
  saving: boolean;
  problem: Problem | null;
}

interface BuyerFormStore {
  form: BuyerForm | null;
  openCreate: () => void;
  openTerms: (buyer: BuyerListItem) => void;
  /** Open the form the refused change came from, filled with what was sent. */
  editRefusal: (refusal: SyncRefusal) => void;
  change: (patch: Partial<BuyerDraft>) => void;
  close: () => void;
  save: () => Promise<void>;
}

function defaultPricelist(): string {
  const summary = useBrandStore.getState().summary;
  if (summary.status !== 'ready') return '';
  return summary.summary.defaultPricelistId ?? summary.summary.pricelists[0]?.id ?? '';
}

function emptyDraft(): BuyerDraft {
  return {
    name: '',
    kind: 'customer_owned',
    countryCode: '',
    pricelistId: defaultPricelist(),
    discount: '0',
    language: 'en',
  };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** What a refused create or updateTerms was sent with, read leniently: it is plain data. */
function draftFromArgs(args: unknown): {
  draft: BuyerDraft;
  buyerId: string | null;
  isCreate: boolean;
} {
  const record = (typeof args === 'object' && args !== null ? args : {}) as Record<string, unknown>;
  const terms = (
    typeof record.terms === 'object' && record.terms !== null ? record.terms : {}
  ) as Record<string, unknown>;
  const fallback = emptyDraft();
  const kind = text(record.kind);
  const language = text(terms.language);
  const discount = terms.discountPercent;
  return {
    buyerId: text(record.buyerId),
    isCreate: record.buyerId === undefined,
    draft: {
      name: text(record.name) ?? fallback.name,
      kind: BUYER_KINDS.find((known) => known === kind) ?? fallback.kind,
      countryCode: text(record.countryCode) ?? fallback.countryCode,
      pricelistId: text(terms.pricelistId) ?? fallback.pricelistId,
      discount: typeof discount === 'number' ? String(discount) : fallback.discount,
      language: language === 'ja' || language === 'en' ? language : fallback.language,
    },
  };
}

/** An empty or unreadable discount is sent as NaN, which the contract refuses in words. */
function discountOf(typed: string): number {
  const trimmed = typed.trim().replace(',', '.');
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

export const useBuyerFormStore = create<BuyerFormStore>()((set, get) => ({
  form: null,

  openCreate() {
    set({
      form: {
        mode: 'create',
        buyerId: null,
        buyerName: null,
        draft: emptyDraft(),
        refusal: null,
        saving: false,
        problem: null,
      },
    });
  },

  openTerms(buyer) {
    set({
      form: {
        mode: 'terms',
        buyerId: buyer.id,
        buyerName: buyer.name,
        draft: {
          ...emptyDraft(),
          name: buyer.name,
          kind: buyer.kind,
          countryCode: buyer.countryCode,
          pricelistId: buyer.pricelistId,
          discount: String(buyer.discountPercent),
          language: buyer.language,
        },
        refusal: null,
        saving: false,
        problem: null,
      },
    });
  },

  editRefusal(refusal) {
    const { draft, buyerId, isCreate } = draftFromArgs(refusal.args);
    const known = buyerId
      ? useBuyersStore.getState().shown?.pages[0]?.find((buyer) => buyer.id === buyerId)
      : undefined;
    set({
      form: {
        mode: isCreate || buyerId === null ? 'create' : 'terms',
        buyerId,
        buyerName: known?.name ?? refusal.summary,
        draft,
        refusal: { seq: refusal.seq, reason: refusal.reason },
        saving: false,
        problem: null,
      },
    });
  },

  change(patch) {
    const form = get().form;
    if (!form) return;
    set({ form: { ...form, draft: { ...form.draft, ...patch } } });
  },

  close() {
    set({ form: null });
  },

  async save() {
    const form = get().form;
    if (!form || form.saving) return;
    set({ form: { ...form, saving: true, problem: null } });
    const { draft } = form;
    const terms = {
      pricelistId: draft.pricelistId,
      discountPercent: discountOf(draft.discount),
      language: draft.language,
    };
    try {
      if (form.mode === 'create') {
        await trunkshow().invoke('buyers.create', {
          name: draft.name,
          kind: draft.kind,
          countryCode: draft.countryCode,
          terms,
        });
      } else {
        await trunkshow().invoke('buyers.updateTerms', { buyerId: form.buyerId ?? '', terms });
      }
    } catch (error) {
      if (get().form === null) return;
      set({ form: { ...form, saving: false, problem: problemOf(error, '') } });
      return;
    }
    // The correction now waits in the outbox; the refusal it answers has been seen to.
    if (form.refusal) await useSyncStore.getState().dismissRefusal(form.refusal.seq);
    set({ form: null });
    useBuyersStore.getState().refresh();
  },
}));
