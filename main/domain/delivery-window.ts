import { refuse, type Decided } from './refusal.ts';

/**
 * What a buyer asks about delivery when ordering: the requested delivery window (ship
 * start: not shipped before; cancel date: not wanted after) and their PO number. The
 * desktop's form, the buyer's page and the hub check them with these rules.
 */

/** A calendar date without a time or zone, `2027-03-15`: a delivery window is days, not instants. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a real calendar date in ISO form (no 2027-02-30). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one, in UTC so no zone shifts it.
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface DeliveryWindow {
  readonly shipStart: IsoDate | null;
  readonly cancelDate: IsoDate | null;
}

export const DELIVERY_WINDOW_FIELDS = ['shipStart', 'cancelDate'] as const;
export type DeliveryWindowField = (typeof DELIVERY_WINDOW_FIELDS)[number];

export const DELIVERY_WINDOW_REFUSALS = ['invalid_date', 'cancel_before_ship_start'] as const;
export type DeliveryWindowRefusal = (typeof DELIVERY_WINDOW_REFUSALS)[number];

/**
 * The window an order keeps. A date left empty takes the catalog's default when the
 * catalog has one, else stays open (null). A date that is not an ISO calendar date is
 * refused naming its field; a cancel date before the ship start is refused naming both
 * (the same day is a one-day window, allowed). ISO dates compare as text.
 */
export function deliveryWindow(
  requested: { readonly shipStart?: string | null; readonly cancelDate?: string | null },
  catalogDefault: DeliveryWindow | null = null,
): Decided<{ window: DeliveryWindow }, DeliveryWindowRefusal> {
  const window: Record<DeliveryWindowField, IsoDate | null> = { shipStart: null, cancelDate: null };
  for (const field of DELIVERY_WINDOW_FIELDS) {
    const typed = requested[field]?.trim() ?? '';
    const date = typed === '' ? (catalogDefault?.[field] ?? null) : typed;
    if (date !== null && !isIsoDate(date)) return refuse('invalid_date', { field });
    window[field] = date;
  }
  if (window.shipStart !== null && window.cancelDate !== null) {
    if (window.cancelDate < window.shipStart) {
      return refuse('cancel_before_ship_start', {
        shipStart: window.shipStart,
        cancelDate: window.cancelDate,
      });
    }
  }
  return { ok: true, window };
}

/** A buyer's purchase order reference: what ERPs carry (most allow 30 to 50), with room to spare. */
export const MAX_PO_NUMBER = 64;

export const PO_NUMBER_REFUSALS = ['po_number_too_long', 'po_number_invalid'] as const;
export type PoNumberRefusal = (typeof PO_NUMBER_REFUSALS)[number];

/** Line breaks, tabs and other control characters break the CSV export and the PDF. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * The PO number an order keeps: trimmed, empty means none (null). Longer than
 * MAX_PO_NUMBER characters is refused with the limit (a 10 KB paste included), and so
 * is one holding a control character.
 */
export function poNumber(text: string): Decided<{ poNumber: string | null }, PoNumberRefusal> {
  const trimmed = text.trim();
  if (trimmed.length > MAX_PO_NUMBER) return refuse('po_number_too_long', { max: MAX_PO_NUMBER });
  if (CONTROL_CHARACTER.test(trimmed)) return refuse('po_number_invalid');
  return { ok: true, poNumber: trimmed === '' ? null : trimmed };
}
