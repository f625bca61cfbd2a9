import { create } from 'zustand';
import type { BuyerListItem, SyncRefusal, TermsProposal } from '../../../preload/contract/index.ts';
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
  /** What a rep writes to the admins beside proposed terms. */
  note: string;
}

/**
 * - create: a new buyer; only someone who may change trading terms gives it a discount.
 * - terms: an admin changes a buyer's trading terms.
 * - propose: a rep proposes new trading terms, for an admin to approve or decline.
 */
export type BuyerFormMode = 'create' | 'terms' | 'propose';

export interface BuyerForm {
  mode: BuyerFormMode;
  /** Whether the person may change trading terms (and so give a new buyer a discount). */
  mayChangeTerms: boolean;
  /** The buyer whose terms change or are proposed. */
  buyerId: string | null;
  buyerName: string | null;
  /** The buyer as the list showed it, for its current terms; null when not at hand. */
  current: BuyerListItem | null;
  draft: BuyerDraft;
  /** The refused change this form corrects; dismissed once the correction is saved. */
  refusal: Pick<SyncRefusal, 'seq' | 'mutation' | 'code' | 'reason'> | null;
  saving: boolean;
  problem: Problem | null;
}

interface BuyerFormStore {
  form: BuyerForm | null;
  openCreate: (mayChangeTerms: boolean) => void;
  /** One buyer's trading terms: to change (admins) or to propose new ones (reps). */
  openTerms: (buyer: BuyerListItem, mayChangeTerms: boolean) => void;
  /** Open the form the refused change came from, filled with what was sent. */
  editRefusal: (refusal: SyncRefusal, mayChangeTerms: boolean) => void;
  change: (patch: Partial<BuyerDraft>) => void;
  /** Proposed terms were approved here: they are the buyer's now, and the form's. */
  termsApproved: (proposal: TermsProposal) => void;
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
    note: '',
  };
}

const termsMode = (mayChangeTerms: boolean): BuyerFormMode =>
  mayChangeTerms ? 'terms' : 'propose';

/** The refused changes a form can correct and send again; a decision is only dismissed. */
const CORRECTABLE = new Set(['buyer.create.v1', 'buyer.updateTerms.v1', 'buyer.proposeTerms.v1']);

export function correctable(refusal: SyncRefusal): boolean {
  return CORRECTABLE.has(refusal.mutation);
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** What a refused create, updateTerms or proposeTerms was sent with, read leniently: it is plain data. */
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
      note: text(record.note) ?? fallback.note,
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

  openCreate(mayChangeTerms) {
    set({
      form: {
        mode: 'create',
        mayChangeTerms,
        buyerId: null,
        buyerName: null,
        current: null,
        draft: emptyDraft(),
        refusal: null,
        saving: false,
        problem: null,
      },
    });
  },

  openTerms(buyer, mayChangeTerms) {
    set({
      form: {
        mode: termsMode(mayChangeTerms),
        mayChangeTerms,
        buyerId: buyer.id,
        buyerName: buyer.name,
        current: buyer,
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

  editRefusal(refusal, mayChangeTerms) {
    const { draft, buyerId, isCreate } = draftFromArgs(refusal.args);
    const known = buyerId
      ? useBuyersStore.getState().shown?.pages[0]?.find((buyer) => buyer.id === buyerId)
      : undefined;
    set({
      form: {
        mode: isCreate || buyerId === null ? 'create' : termsMode(mayChangeTerms),
        mayChangeTerms,
        buyerId,
        buyerName: known?.name ?? refusal.summary,
        current: known ?? null,
        draft,
        refusal: {
          seq: refusal.seq,
          mutation: refusal.mutation,
          code: refusal.code,
          reason: refusal.reason,
        },
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

  termsApproved(proposal) {
    const form = get().form;
    if (!form || form.buyerId !== proposal.buyerId) return;
    const { pricelistId, discountPercent, language } = proposal.terms;
    set({
      form: {
        ...form,
        draft: { ...form.draft, pricelistId, discount: String(discountPercent), language },
      },
    });
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
      // A rep's new buyer starts without a discount; the rep proposes one later.
      discountPercent:
        form.mode === 'create' && !form.mayChangeTerms ? 0 : discountOf(draft.discount),
      language: draft.language,
    };
    const buyerId = form.buyerId ?? '';
    try {
      if (form.mode === 'create') {
        await trunkshow().invoke('buyers.create', {
          name: draft.name,
          kind: draft.kind,
          countryCode: draft.countryCode,
          terms,
        });
      } else if (form.mode === 'terms') {
        await trunkshow().invoke('buyers.updateTerms', { buyerId, terms });
      } else {
        await trunkshow().invoke('buyers.proposeTerms', { buyerId, terms, note: draft.note });
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
