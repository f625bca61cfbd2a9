import {
  addressProblems,
  isCountryCode,
  normalizedAddress,
  type AddressFields,
  type AddressProblem,
} from './addresses.ts';
import { EMAIL_PATTERN } from './checkout-contact.ts';
import {
  MAX_CUSTOMER_ADDRESSES,
  MAX_CUSTOMER_EMAIL,
  MAX_CUSTOMER_NAME,
  MAX_CUSTOMER_PHONE,
} from './dtc.ts';
import type { RefusalParams } from './refusal.ts';

/**
 * A DTC customer's card, as a rep types it in the showroom and every door judges it
 * (the form, the desktop's service, the mutators on the replica and the hub): names,
 * email (one customer per email, compared without letter case), phone, country, the
 * market the brand sells them in, and postal addresses judged by addresses.ts.
 */
export interface DtcCustomerCard {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone: string;
  /** ISO 3166-1 alpha-2, or '' when not given. */
  readonly countryCode: string;
  readonly marketId: string;
  readonly addresses: readonly AddressFields[];
}

export const DTC_CUSTOMER_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'countryCode',
  'marketId',
  'addresses',
] as const;

/**
 * What the hub answers when another customer already has the email: a refusal the
 * showroom translates, kept with the change when two devices made the same customer.
 */
export const DTC_CUSTOMER_REFUSALS = ['customer_email_taken'] as const;
export type DtcCustomerRefusal = (typeof DTC_CUSTOMER_REFUSALS)[number];

export type DtcCustomerProblemCode =
  AddressProblem['code'] | 'too_many_addresses' | DtcCustomerRefusal;

/** A problem at its field: `email`, or `addresses.<n>.<field>` for an address's. */
export interface DtcCustomerProblem {
  readonly field: string;
  readonly code: DtcCustomerProblemCode;
  readonly params: RefusalParams;
}

/** The key two emails are compared by: the same mailbox whatever the letter case. */
export function customerEmailKey(email: string): string {
  return email.trim().toLowerCase();
}

/** The card as stored: spaces around each field dropped, email and country in one case. */
export function normalizedDtcCustomer(card: DtcCustomerCard): DtcCustomerCard {
  return {
    firstName: card.firstName.trim(),
    lastName: card.lastName.trim(),
    email: customerEmailKey(card.email),
    phone: card.phone.trim(),
    countryCode: card.countryCode.trim().toUpperCase(),
    marketId: card.marketId,
    addresses: card.addresses.map(normalizedAddress),
  };
}

function textProblem(value: string, max: number, required: boolean): AddressProblem | null {
  if (required && value === '') return { code: 'required' };
  if (value.length > max) return { code: 'too_long', params: { max } };
  return null;
}

/** Every problem of the card, each at its field; none when it can be saved. */
export function dtcCustomerProblems(card: DtcCustomerCard): DtcCustomerProblem[] {
  const clean = normalizedDtcCustomer(card);
  const problems: DtcCustomerProblem[] = [];
  const add = (field: string, problem: AddressProblem | null) => {
    if (problem) problems.push({ field, code: problem.code, params: paramsOf(problem) });
  };
  add('firstName', textProblem(clean.firstName, MAX_CUSTOMER_NAME, true));
  add('lastName', textProblem(clean.lastName, MAX_CUSTOMER_NAME, true));
  add(
    'email',
    textProblem(clean.email, MAX_CUSTOMER_EMAIL, true) ??
      (EMAIL_PATTERN.test(clean.email) ? null : { code: 'invalid_email' }),
  );
  add('phone', textProblem(clean.phone, MAX_CUSTOMER_PHONE, false));
  if (clean.countryCode !== '' && !isCountryCode(clean.countryCode)) {
    add('countryCode', { code: 'country_unknown' });
  }
  if (clean.marketId === '') add('marketId', { code: 'required' });
  if (clean.addresses.length > MAX_CUSTOMER_ADDRESSES) {
    problems.push({
      field: 'addresses',
      code: 'too_many_addresses',
      params: { max: MAX_CUSTOMER_ADDRESSES },
    });
  }
  clean.addresses.forEach((address, index) => {
    for (const [field, problem] of Object.entries(addressProblems(address))) {
      add(`addresses.${index}.${field}`, problem);
    }
  });
  return problems;
}

function paramsOf(problem: AddressProblem): RefusalParams {
  return 'params' in problem ? problem.params : {};
}

/** How the showroom names a customer: "Aiko Tanaka". */
export function dtcCustomerName(customer: {
  readonly firstName: string;
  readonly lastName: string;
}): string {
  return `${customer.firstName} ${customer.lastName}`.trim();
}
