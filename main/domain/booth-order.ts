import { addressProblems, type AddressFields, type AddressProblems } from './addresses.ts';
import { CHECKOUT_CONTACT, contactProblem } from './checkout-contact.ts';
import { deliveryWindow, isIsoDate, poNumber, type DeliveryWindow } from './delivery-window.ts';
import { paymentMethodRefusal, WITHOUT_CARD_FLOW, type PaymentMethod } from './order-states.ts';
import type { Refusal } from './refusal.ts';
import type { ShippingRate } from './shipping-rates.ts';

/**
 * An order a rep places at the booth for the selection's buyer: what the buyer agreed to
 * in front of the rep (a fact, so the hub accepts it and flags what no longer fits). The
 * desktop's dialog, its service and the replica's mutator judge it with these rules, so
 * what the dialog accepts is what the replica writes and the hub keeps.
 */

/** What the rep fills in beside the lines. Dates as ISO calendar dates, '' when left open. */
export interface BoothOrderTerms {
  readonly shipTo: Readonly<AddressFields>;
  readonly billTo: Readonly<AddressFields>;
  readonly shipStart: string;
  readonly cancelDate: string;
  readonly poNumber: string;
  readonly note: string;
  /** The buyer's name, as who approved the order. */
  readonly approvedBy: string;
  /** The rate the buyer agreed to, or null when none was chosen (or none is offered). */
  readonly shipping: (ShippingRate & { readonly groupId: string }) | null;
  /** The order's currency, the buyer's pricelist's. */
  readonly currency: string;
  /** How the buyer pays: never by card at the booth (no card payment is taken there). */
  readonly paymentMethod: PaymentMethod;
}

/** Fields of the form that carry one problem each; the addresses carry one per address field. */
export const BOOTH_ORDER_FIELDS = [
  'shipStart',
  'cancelDate',
  'poNumber',
  'note',
  'approvedBy',
  'shipping',
  'paymentMethod',
] as const;
export type BoothOrderField = (typeof BOOTH_ORDER_FIELDS)[number];

export interface BoothOrderProblems {
  readonly shipTo: AddressProblems;
  readonly billTo: AddressProblems;
  readonly fields: Partial<Record<BoothOrderField, Refusal>>;
}

/** The rule for who approved: a person's name, as a checkout's contact name. */
export const APPROVED_BY_RULE = CHECKOUT_CONTACT.name;
export const NOTE_RULE = CHECKOUT_CONTACT.note;

/** Every problem of the terms at its field; none means the order may be placed. */
export function boothOrderProblems(terms: BoothOrderTerms): BoothOrderProblems {
  const fields: Partial<Record<BoothOrderField, Refusal>> = {};
  const window = deliveryWindow({ shipStart: terms.shipStart, cancelDate: terms.cancelDate });
  if (!window.ok) {
    const field = window.code === 'invalid_date' ? String(window.params.field) : 'cancelDate';
    fields[field as 'shipStart' | 'cancelDate'] = { code: window.code, params: window.params };
  }
  const po = poNumber(terms.poNumber);
  if (!po.ok) fields.poNumber = { code: po.code, params: po.params };
  const approver = contactProblem(APPROVED_BY_RULE, terms.approvedBy);
  if (approver) fields.approvedBy = { code: approver, params: { max: APPROVED_BY_RULE.max } };
  const note = contactProblem(NOTE_RULE, terms.note);
  if (note) fields.note = { code: note, params: { max: NOTE_RULE.max } };
  const country = terms.shipTo.country.trim().toUpperCase();
  if (
    terms.shipping === null ||
    terms.shipping.currency !== terms.currency ||
    (country !== '' && terms.shipping.country !== country)
  ) {
    fields.shipping = { code: 'no_shipping_rate', params: { country, currency: terms.currency } };
  }
  const payment = paymentMethodRefusal(terms.paymentMethod, WITHOUT_CARD_FLOW);
  if (payment) fields.paymentMethod = payment;
  return {
    shipTo: addressProblems(terms.shipTo),
    billTo: addressProblems(terms.billTo),
    fields,
  };
}

export function hasBoothOrderProblems(problems: BoothOrderProblems): boolean {
  return (
    Object.keys(problems.shipTo).length > 0 ||
    Object.keys(problems.billTo).length > 0 ||
    Object.keys(problems.fields).length > 0
  );
}

/** Days a default delivery window stays open after it starts: a season's usual span. */
export const DEFAULT_WINDOW_DAYS = 60;

/**
 * The delivery window offered before the rep changes it, from the catalogs of the styles
 * ordered: a season ships once its orders are in, so the window starts the day after the
 * latest order deadline among them (today when that has passed or there is none) and
 * closes DEFAULT_WINDOW_DAYS later. `today` is the rep's calendar date.
 */
export function defaultDeliveryWindow(
  orderDeadlines: Iterable<string | null>,
  today: string,
): DeliveryWindow {
  if (!isIsoDate(today)) throw new RangeError(`"${today}" is not a calendar date`);
  let latest: string | null = null;
  for (const deadline of orderDeadlines) {
    if (deadline !== null && (latest === null || deadline > latest)) latest = deadline;
  }
  let start = today;
  if (latest !== null) {
    const dayAfter = addDays(latest.slice(0, 10), 1);
    if (dayAfter > today) start = dayAfter;
  }
  return { shipStart: start, cancelDate: addDays(start, DEFAULT_WINDOW_DAYS) };
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** Units of a line beyond what is available: the rep's "short N units", accepted anyway. */
export function unitsOver(quantity: number, available: number | null): number {
  return available === null ? 0 : Math.max(0, quantity - available);
}
