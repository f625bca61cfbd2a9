import type { Instant } from './model.ts';

/**
 * Readable order numbers. The hub gives each order its final number when it has it:
 * `SO-2027-00042`, the brand's prefix, the year of placement and the brand's sequence,
 * zero-padded to five digits and growing past them (`SO-2027-123456`). The sequence is
 * the brand's one counter and never restarts, so the number is unique per brand by its
 * sequence alone; the year is there for people reading it.
 *
 * A desktop that places an order offline shows a provisional number until the hub
 * answers: `P-<device short id>-<n>`, the device's own counter. Its prefix P is never a
 * brand's, so the two are told apart at a glance and by parseOrderNumber.
 */

export const DEFAULT_ORDER_NUMBER_PREFIX = 'SO';
/** A brand's prefix: one to six capital letters, never the provisional P. */
export const ORDER_NUMBER_PREFIX_PATTERN = /^(?!P$)[A-Z]{1,6}$/;
export const PROVISIONAL_PREFIX = 'P';
/** The device part of a provisional number, as the hub gives it to a device when it signs in. */
export const DEVICE_SHORT_ID_PATTERN = /^[A-Z0-9]{4,8}$/;
export const SEQUENCE_MIN_DIGITS = 5;
/** A trillion orders: a sequence this long fits an exact integer and any field. */
export const SEQUENCE_MAX_DIGITS = 12;
/** The longest number of either kind, for schemas and columns. */
export const MAX_ORDER_NUMBER_LENGTH = 6 + 1 + 4 + 1 + SEQUENCE_MAX_DIGITS;

export interface FinalOrderNumber {
  readonly kind: 'final';
  readonly prefix: string;
  readonly year: number;
  readonly sequence: number;
}

export interface ProvisionalOrderNumber {
  readonly kind: 'provisional';
  readonly deviceShortId: string;
  readonly sequence: number;
}

export type OrderNumber = FinalOrderNumber | ProvisionalOrderNumber;

/**
 * The year an order was placed, in UTC: a booth order placed offline keeps the year it
 * was placed in, not the year its push reached the hub.
 */
export function placementYear(placedAt: Instant): number {
  const year = new Date(placedAt).getUTCFullYear();
  if (Number.isNaN(year)) throw new RangeError(`"${placedAt}" is not an instant`);
  return year;
}

export function formatOrderNumber(number: OrderNumber): string {
  checkSequence(number.sequence);
  if (number.kind === 'provisional') {
    if (!DEVICE_SHORT_ID_PATTERN.test(number.deviceShortId)) {
      throw new RangeError(`"${number.deviceShortId}" is not a device short id`);
    }
    return `${PROVISIONAL_PREFIX}-${number.deviceShortId}-${number.sequence}`;
  }
  if (!ORDER_NUMBER_PREFIX_PATTERN.test(number.prefix)) {
    throw new RangeError(`"${number.prefix}" is not an order number prefix`);
  }
  if (!Number.isInteger(number.year) || number.year < 1000 || number.year > 9999) {
    throw new RangeError(`${number.year} is not a four-digit year`);
  }
  const sequence = String(number.sequence).padStart(SEQUENCE_MIN_DIGITS, '0');
  return `${number.prefix}-${number.year}-${sequence}`;
}

const FINAL = new RegExp(`^([A-Z]{1,6})-(\\d{4})-(\\d{1,${SEQUENCE_MAX_DIGITS}})$`);
const PROVISIONAL = new RegExp(
  `^${PROVISIONAL_PREFIX}-([A-Z0-9]{4,8})-(\\d{1,${SEQUENCE_MAX_DIGITS}})$`,
);

/**
 * An order number as a person types it into search: surrounding spaces and lower case
 * are forgiven, and so are missing zeros ("so-2027-42" is SO-2027-00042); anything else
 * is not an order number (null), and the search looks for a buyer or a PO instead.
 */
export function parseOrderNumber(text: string): OrderNumber | null {
  const typed = text.trim().toUpperCase();
  const provisional = PROVISIONAL.exec(typed);
  if (provisional) {
    const sequence = Number(provisional[2]);
    if (sequence < 1) return null;
    return { kind: 'provisional', deviceShortId: provisional[1]!, sequence };
  }
  const final = FINAL.exec(typed);
  if (!final || !ORDER_NUMBER_PREFIX_PATTERN.test(final[1]!)) return null;
  const year = Number(final[2]);
  const sequence = Number(final[3]);
  if (year < 1000 || sequence < 1) return null;
  return { kind: 'final', prefix: final[1]!, year, sequence };
}

export function isProvisionalOrderNumber(text: string): boolean {
  return parseOrderNumber(text)?.kind === 'provisional';
}

function checkSequence(sequence: number): void {
  if (
    !Number.isSafeInteger(sequence) ||
    sequence < 1 ||
    String(sequence).length > SEQUENCE_MAX_DIGITS
  ) {
    throw new RangeError(`${sequence} is not an order sequence`);
  }
}

/**
 * A device's part of its provisional numbers, from its id (a UUID): the last eight hex
 * digits, upper case. The id's random tail, not its time-ordered head, so two devices
 * signed in the same minute still read apart.
 */
export function deviceShortId(deviceId: string): string {
  const digits = deviceId.replace(/[^0-9a-z]/gi, '').toUpperCase();
  const short = digits.slice(-8);
  if (!DEVICE_SHORT_ID_PATTERN.test(short))
    throw new RangeError(`"${deviceId}" is not a device id`);
  return short;
}
