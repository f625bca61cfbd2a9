import { create } from 'zustand';

export type DtcTab = 'orders' | 'customers';

/** What fills the Direct to consumer section: a tab's list, a customer's card, a selection. */
export type DtcScreen =
  | { kind: 'list' }
  | { kind: 'customer'; id: string }
  | { kind: 'selection'; id: string; checkout: boolean }
  | { kind: 'order'; id: string };

/** A customer a selection is being made for: its market is the selection's first choice. */
export interface ChosenCustomer {
  id: string;
  name: string;
  marketId: string;
}

interface DtcStore {
  tab: DtcTab;
  screen: DtcScreen;
  /** The customer form: a new customer (id null), or the one being edited. */
  customerForm: { id: string | null } | null;
  /** The Create selection dialog: for a customer card's customer, or for anyone (null). */
  newSelection: { customer: ChosenCustomer | null } | null;

  setTab: (tab: DtcTab) => void;
  show: (screen: DtcScreen) => void;
  openCustomerForm: (id: string | null) => void;
  closeCustomerForm: () => void;
  openNewSelection: (customer: ChosenCustomer | null) => void;
  closeNewSelection: () => void;
}

/**
 * Where the Direct to consumer section stands: its tab, what it shows and its dialogs.
 * What it shows is read through operations that follow sync.
 */
export const useDtcStore = create<DtcStore>()((set) => ({
  tab: 'orders',
  screen: { kind: 'list' },
  customerForm: null,
  newSelection: null,

  setTab(tab) {
    set({ tab, screen: { kind: 'list' } });
  },
  show(screen) {
    set({ screen });
  },
  openCustomerForm(id) {
    set({ customerForm: { id } });
  },
  closeCustomerForm() {
    set({ customerForm: null });
  },
  openNewSelection(customer) {
    set({ newSelection: { customer } });
  },
  closeNewSelection() {
    set({ newSelection: null });
  },
}));
