import { create } from 'zustand';
import {
  EMPTY_ADDRESS,
  type AddressFields,
  type AddressKind,
} from '../../../main/domain/addresses.ts';
import type { BuyerAddress, BuyerAddressBook } from '../../../preload/contract/index.ts';
import { isOperationErrorData } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import { useBuyersStore } from './buyers.ts';

/** A problem the main side reported at a field, by code, for the page to word. */
export interface FieldProblem {
  code: string;
  params?: Record<string, number | string>;
}

/** The address being added or changed. */
export interface AddressEdit {
  /** null for a new address. */
  id: string | null;
  kind: AddressKind;
  draft: AddressFields;
  problems: Partial<Record<keyof AddressFields | 'kind', FieldProblem>>;
  /** A failure no field explains, in the main side's words. */
  failure: string | null;
  saving: boolean;
}

interface BuyerAddressesStore {
  buyerId: string | null;
  /** null until the first answer for this buyer. */
  book: BuyerAddressBook | null;
  loadProblem: string | null;
  edit: AddressEdit | null;
  email: { draft: string; problem: FieldProblem | null; saving: boolean; saved: boolean };
  /** The address being removed. */
  removing: string | null;
  load: (buyerId: string) => Promise<void>;
  startAdd: (kind: AddressKind) => void;
  startEdit: (address: BuyerAddress) => void;
  change: (patch: Partial<AddressFields>) => void;
  cancel: () => void;
  save: () => Promise<void>;
  remove: (address: BuyerAddress) => Promise<void>;
  changeEmail: (email: string) => void;
  saveEmail: () => Promise<void>;
  clear: () => void;
}

/** Each issue's code by field, from an answer like `{ path: 'address.city', code: 'required' }`. */
function problemsOf(error: unknown): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  if (!isOperationErrorData(error)) return problems;
  for (const issue of error.issues ?? []) {
    if (!issue.code) continue;
    const field = issue.path.replace(/^address\./, '');
    problems[field] ??= issue.params
      ? { code: issue.code, params: issue.params }
      : { code: issue.code };
  }
  return problems;
}

const NO_EMAIL_EDIT = { draft: '', problem: null, saving: false, saved: false } as const;

/** Bumped by each load and clear: an answer for an earlier question is dropped. */
let asked = 0;

/**
 * The open buyer's addresses and contact email, and the one address being edited.
 * Every rule is the main side's: this store sends what was typed and shows the
 * problems it gets back at their fields.
 */
export const useBuyerAddressesStore = create<BuyerAddressesStore>()((set, get) => {
  /** A change was saved: show the buyer's book as it is now, and the list's sync state. */
  const saved = (book: BuyerAddressBook) => {
    set({ book });
    useBuyersStore.getState().refresh();
  };
  return {
    buyerId: null,
    book: null,
    loadProblem: null,
    edit: null,
    email: NO_EMAIL_EDIT,
    removing: null,

    async load(buyerId) {
      const question = ++asked;
      if (get().buyerId !== buyerId) {
        set({ buyerId, book: null, loadProblem: null, edit: null, email: NO_EMAIL_EDIT });
      }
      try {
        const book = await trunkshow().invoke('buyers.addresses', { buyerId });
        if (question !== asked) return;
        const email = get().email;
        // The field follows the stored email until the rep starts typing another.
        set({
          book,
          loadProblem: null,
          email: email.draft === '' || email.saved ? { ...email, draft: book.contactEmail } : email,
        });
      } catch (error) {
        if (question === asked) set({ loadProblem: errorMessage(error, '') });
      }
    },

    startAdd(kind) {
      set({
        edit: {
          id: null,
          kind,
          draft: { ...EMPTY_ADDRESS },
          problems: {},
          failure: null,
          saving: false,
        },
      });
    },

    startEdit(address) {
      const { id, kind, ...draft } = address;
      set({ edit: { id, kind, draft, problems: {}, failure: null, saving: false } });
    },

    change(patch) {
      const edit = get().edit;
      if (!edit) return;
      const problems = { ...edit.problems };
      // A field's problem goes once the rep changes that field.
      for (const field of Object.keys(patch)) delete problems[field as keyof AddressFields];
      set({ edit: { ...edit, draft: { ...edit.draft, ...patch }, problems } });
    },

    cancel() {
      set({ edit: null });
    },

    async save() {
      const { edit, buyerId } = get();
      if (!edit || edit.saving || !buyerId) return;
      set({ edit: { ...edit, saving: true, failure: null } });
      try {
        const book = await trunkshow().invoke('buyers.saveAddress', {
          buyerId,
          ...(edit.id ? { id: edit.id } : {}),
          kind: edit.kind,
          address: edit.draft,
        });
        set({ edit: null });
        saved(book);
      } catch (error) {
        const problems = problemsOf(error);
        set({
          edit: {
            ...edit,
            saving: false,
            problems,
            failure: Object.keys(problems).length > 0 ? null : errorMessage(error, ''),
          },
        });
      }
    },

    async remove(address) {
      const buyerId = get().buyerId;
      if (!buyerId || get().removing) return;
      set({ removing: address.id });
      try {
        saved(await trunkshow().invoke('buyers.removeAddress', { buyerId, id: address.id }));
      } catch (error) {
        set({ loadProblem: errorMessage(error, '') });
      } finally {
        set({ removing: null });
      }
    },

    changeEmail(draft) {
      set({ email: { draft, problem: null, saving: false, saved: false } });
    },

    async saveEmail() {
      const { email, buyerId } = get();
      if (!buyerId || email.saving) return;
      set({ email: { ...email, saving: true } });
      try {
        const book = await trunkshow().invoke('buyers.setContactEmail', {
          buyerId,
          email: email.draft,
        });
        set({ email: { draft: book.contactEmail, problem: null, saving: false, saved: true } });
        saved(book);
      } catch (error) {
        const problem = problemsOf(error).email ?? { code: 'unexpected' };
        set({ email: { ...email, saving: false, problem } });
      }
    },

    clear() {
      asked++;
      set({ buyerId: null, book: null, loadProblem: null, edit: null, email: NO_EMAIL_EDIT });
    },
  };
});
