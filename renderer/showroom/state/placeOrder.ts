import { create } from 'zustand';
import { EMPTY_ADDRESS, type AddressFields } from '../../../main/domain/addresses.ts';
import {
  boothOrderProblems,
  type BoothOrderField,
  type BoothOrderProblems,
} from '../../../main/domain/booth-order.ts';
import type { PaymentMethod } from '../../../main/domain/order-states.ts';
import type {
  PlacedBoothOrder,
  PlacementDraft,
  ShippingChoice,
} from '../../../preload/contract/index.ts';
import { isOperationErrorData } from '../../../preload/contract/index.ts';
import { errorMessage, trunkshow } from '../api.ts';
import type { FieldProblem } from './buyerAddresses.ts';

/** Which address an order takes: one of the buyer's (by id), the same as ship-to, or a new one. */
export type AddressChoice = { kind: 'saved'; id: string } | { kind: 'same' } | { kind: 'new' };

export interface PlaceOrderForm {
  shipToChoice: AddressChoice;
  shipToNew: AddressFields;
  saveShipTo: boolean;
  billToChoice: AddressChoice;
  billToNew: AddressFields;
  saveBillTo: boolean;
  shipStart: string;
  cancelDate: string;
  poNumber: string;
  paymentMethod: PaymentMethod;
  shippingGroupId: string | null;
  note: string;
  approvedBy: string;
  acknowledgeDeadlines: boolean;
}

/** Problems by field path: `shipTo.country`, `poNumber`, `acknowledgeDeadlines`, … */
export type PlaceOrderProblems = Partial<Record<string, FieldProblem>>;

interface PlaceOrderStore {
  selectionId: string | null;
  draft: PlacementDraft | null;
  loadProblem: string | null;
  form: PlaceOrderForm | null;
  shipping: ShippingChoice | null;
  problems: PlaceOrderProblems;
  /** A failure no field explains, in the main side's words. */
  failure: string | null;
  placing: boolean;
  placed: PlacedBoothOrder | null;
  open: (selectionId: string) => Promise<void>;
  change: (patch: Partial<PlaceOrderForm>) => void;
  place: () => Promise<void>;
  close: () => void;
}

/** The address the order will hold for a choice, as typed or as the buyer has it. */
export function chosenAddress(
  draft: PlacementDraft,
  form: PlaceOrderForm,
  which: 'shipTo' | 'billTo',
): AddressFields {
  const choice = which === 'shipTo' ? form.shipToChoice : form.billToChoice;
  if (choice.kind === 'same') return chosenAddress(draft, form, 'shipTo');
  if (choice.kind === 'new') return which === 'shipTo' ? form.shipToNew : form.billToNew;
  const saved = [
    ...draft.addresses.shipTo,
    ...(draft.addresses.billTo ? [draft.addresses.billTo] : []),
  ].find((address) => address.id === choice.id);
  if (!saved) return { ...EMPTY_ADDRESS };
  const { id: _id, kind: _kind, ...fields } = saved;
  return fields;
}

function firstForm(draft: PlacementDraft): PlaceOrderForm {
  const shipTo = draft.addresses.shipTo[0];
  const billTo = draft.addresses.billTo;
  const newAddress = { ...EMPTY_ADDRESS, country: draft.buyer.countryCode ?? '' };
  return {
    shipToChoice: shipTo ? { kind: 'saved', id: shipTo.id } : { kind: 'new' },
    shipToNew: newAddress,
    saveShipTo: true,
    billToChoice: billTo ? { kind: 'saved', id: billTo.id } : { kind: 'same' },
    billToNew: newAddress,
    saveBillTo: false,
    shipStart: draft.defaultWindow.shipStart,
    cancelDate: draft.defaultWindow.cancelDate,
    poNumber: '',
    paymentMethod: draft.paymentMethods[0]!,
    shippingGroupId: null,
    note: '',
    approvedBy: '',
    acknowledgeDeadlines: false,
  };
}

/** The domain's judgement of the form, by path, as the service would answer it. */
export function formProblems(
  draft: PlacementDraft,
  form: PlaceOrderForm,
  shipping: ShippingChoice | null,
): PlaceOrderProblems {
  const rate =
    shipping?.ok === true
      ? (shipping.rates.find((option) => option.groupId === form.shippingGroupId) ?? null)
      : null;
  const judged: BoothOrderProblems = boothOrderProblems({
    ...form,
    shipTo: chosenAddress(draft, form, 'shipTo'),
    billTo: chosenAddress(draft, form, 'billTo'),
    shipping: rate,
    currency: draft.buyer.currency,
  });
  const problems: PlaceOrderProblems = {};
  // A bill-to "same as ship-to" is judged once, at the ship-to's fields.
  const kinds =
    form.billToChoice.kind === 'same' ? (['shipTo'] as const) : (['shipTo', 'billTo'] as const);
  for (const kind of kinds) {
    for (const [field, problem] of Object.entries(judged[kind])) {
      problems[`${kind}.${field}`] = problem;
    }
  }
  for (const [field, problem] of Object.entries(judged.fields) as [
    BoothOrderField,
    FieldProblem,
  ][]) {
    problems[field] = problem;
  }
  if (draft.pastDeadline.length > 0 && !form.acknowledgeDeadlines) {
    problems.acknowledgeDeadlines = { code: 'deadline_passed' };
  }
  return problems;
}

function problemsOf(error: unknown): PlaceOrderProblems {
  const problems: PlaceOrderProblems = {};
  if (!isOperationErrorData(error)) return problems;
  for (const issue of error.issues ?? []) {
    if (!issue.code) continue;
    problems[issue.path] ??= issue.params
      ? { code: issue.code, params: issue.params }
      : { code: issue.code };
  }
  return problems;
}

let shippingAsked = 0;

/** The dialog with nothing loaded, typed or placed. */
const IDLE = {
  draft: null,
  loadProblem: null,
  form: null,
  shipping: null,
  problems: {},
  failure: null,
  placing: false,
  placed: null,
} as const;

/** The Place order dialog: its draft read from the replica, the form, and the order placed. */
export const usePlaceOrderStore = create<PlaceOrderStore>()((set, get) => {
  /** The rates for the ship-to country, asked again whenever it changes; the first is offered. */
  async function loadShipping() {
    const { draft, form } = get();
    if (!draft || !form) return;
    const country = chosenAddress(draft, form, 'shipTo').country;
    const asked = ++shippingAsked;
    if (!country) {
      set({ shipping: null });
      return;
    }
    const shipping = await trunkshow().invoke('orders.shippingOptions', {
      selectionId: draft.selectionId,
      country,
      currency: draft.buyer.currency,
    });
    if (asked !== shippingAsked || !get().form) return;
    const current = get().form!;
    const kept = shipping.ok && shipping.rates.some((r) => r.groupId === current.shippingGroupId);
    set({
      shipping,
      form: {
        ...current,
        shippingGroupId: kept
          ? current.shippingGroupId
          : shipping.ok
            ? shipping.rates[0]!.groupId
            : null,
      },
    });
  }

  return {
    selectionId: null,
    ...IDLE,
    async open(selectionId) {
      set({ selectionId, ...IDLE });
      try {
        const draft = await trunkshow().invoke('orders.placementDraft', { selectionId });
        if (get().selectionId !== selectionId) return;
        set({ draft, form: firstForm(draft) });
        await loadShipping();
      } catch (error) {
        set({ loadProblem: errorMessage(error, '') });
      }
    },
    change(patch) {
      const { form, draft, problems } = get();
      if (!form || !draft) return;
      const next = { ...form, ...patch };
      const before = chosenAddress(draft, form, 'shipTo').country;
      // Problems shown stay until the field they name is judged again: at once, as typed.
      const shown = Object.keys(problems).length > 0;
      set({
        form: next,
        ...(shown ? { problems: formProblems(draft, next, get().shipping) } : {}),
      });
      if (chosenAddress(draft, next, 'shipTo').country !== before) void loadShipping();
    },
    async place() {
      const { draft, form, shipping, selectionId, placing } = get();
      if (!draft || !form || !selectionId || placing) return;
      const problems = formProblems(draft, form, shipping);
      if (Object.keys(problems).length > 0) {
        set({ problems, failure: null });
        return;
      }
      set({ placing: true, problems: {}, failure: null });
      try {
        const placed = await trunkshow().invoke('orders.place', {
          selectionId,
          shipTo: chosenAddress(draft, form, 'shipTo'),
          billTo: chosenAddress(draft, form, 'billTo'),
          saveShipTo: form.shipToChoice.kind === 'new' && form.saveShipTo,
          saveBillTo: form.billToChoice.kind === 'new' && form.saveBillTo,
          shipStart: form.shipStart,
          cancelDate: form.cancelDate,
          poNumber: form.poNumber,
          paymentMethod: form.paymentMethod,
          shippingGroupId: form.shippingGroupId,
          note: form.note,
          approvedBy: form.approvedBy,
          acknowledgeDeadlines: form.acknowledgeDeadlines,
        });
        set({ placed, placing: false });
      } catch (error) {
        const problems = problemsOf(error);
        set({
          placing: false,
          problems,
          failure: Object.keys(problems).length > 0 ? null : errorMessage(error, ''),
        });
      }
    },
    close() {
      shippingAsked++;
      set({
        selectionId: null,
        draft: null,
        form: null,
        placed: null,
        problems: {},
        failure: null,
      });
    },
  };
});
