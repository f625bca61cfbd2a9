// The package's plain entry: its Node entry would also load every language's names,
// which nothing here needs (the pages name countries with Intl.DisplayNames).
import countries from 'i18n-iso-countries/index.js';
import { CHECKOUT_CONTACT, contactProblem } from './checkout-contact.ts';

/**
 * A buyer's postal addresses: where goods go (ship-to, several) and where the invoice
 * goes (bill-to, one). The desktop form, the desktop's service, the mutators on both
 * sides and, later, the buyer's checkout all judge an address with these rules, so an
 * address the form accepts is one the hub accepts.
 */
export const ADDRESS_KINDS = ['ship_to', 'bill_to'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

export interface AddressFieldRule {
  readonly required: boolean;
  readonly max: number;
}

/**
 * Each field's limit, defined here only. The lengths fit what carriers' labels and
 * ERPs take (e.g. 35 characters per line would cut Japanese addresses written in
 * full, so lines allow more); the phone is optional since many buyers give one only
 * with their contact.
 */
export const ADDRESS_FIELDS = {
  name: { required: true, max: 200 },
  line1: { required: true, max: 200 },
  line2: { required: false, max: 200 },
  postalCode: { required: false, max: 20 },
  city: { required: true, max: 100 },
  region: { required: false, max: 100 },
  country: { required: true, max: 2 },
  phone: { required: false, max: 40 },
} as const satisfies Record<string, AddressFieldRule>;

export type AddressField = keyof typeof ADDRESS_FIELDS;
export const ADDRESS_FIELD_NAMES = Object.keys(ADDRESS_FIELDS) as AddressField[];

/** An address as typed: every field a string, '' when left empty. */
export type AddressFields = Record<AddressField, string>;

export const EMPTY_ADDRESS: Readonly<AddressFields> = {
  name: '',
  line1: '',
  line2: '',
  postalCode: '',
  city: '',
  region: '',
  country: '',
  phone: '',
};

/**
 * What is wrong with a field, as a code the pages translate and its parameters:
 * `too_long` says the limit so the message can name it.
 */
export type AddressProblem =
  | { code: 'required' }
  | { code: 'too_long'; params: { max: number } }
  | { code: 'country_required' }
  | { code: 'country_unknown' }
  | { code: 'invalid_email' };

export type AddressProblemCode = AddressProblem['code'];
export type AddressProblems = Partial<Record<AddressField, AddressProblem>>;

/**
 * The ISO 3166-1 alpha-2 codes, from i18n-iso-countries (kept up to date with the
 * standard by its maintainers) rather than a list of our own that would go stale.
 */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
const KNOWN_COUNTRIES = new Set(COUNTRY_CODES);

export function isCountryCode(code: string): boolean {
  return KNOWN_COUNTRIES.has(code);
}

/** Surrounding spaces never count: they are dropped before checking and storing. */
export function normalizedAddress(address: Readonly<AddressFields>): AddressFields {
  const out = { ...EMPTY_ADDRESS };
  for (const field of ADDRESS_FIELD_NAMES) out[field] = (address[field] ?? '').trim();
  out.country = out.country.toUpperCase();
  return out;
}

function fieldProblem(field: AddressField, value: string): AddressProblem | null {
  const rule: AddressFieldRule = ADDRESS_FIELDS[field];
  if (field === 'country') {
    if (value === '') return { code: 'country_required' };
    return isCountryCode(value) ? null : { code: 'country_unknown' };
  }
  if (rule.required && value === '') return { code: 'required' };
  if (value.length > rule.max) return { code: 'too_long', params: { max: rule.max } };
  return null;
}

/** Every field's problem (of the trimmed values), for a form to show each at its field. */
export function addressProblems(address: Readonly<AddressFields>): AddressProblems {
  const clean = normalizedAddress(address);
  const problems: AddressProblems = {};
  for (const field of ADDRESS_FIELD_NAMES) {
    const problem = fieldProblem(field, clean[field]);
    if (problem) problems[field] = problem;
  }
  return problems;
}

/**
 * A buyer's contact email, judged by the checkout contact's email rule (one rule for
 * every email a buyer gives), except that a buyer may have none yet: '' clears it.
 */
export const CONTACT_EMAIL_RULE = { ...CHECKOUT_CONTACT.email, required: false } as const;

export function contactEmailProblem(email: string): AddressProblem | null {
  const problem = contactProblem(CONTACT_EMAIL_RULE, email);
  if (problem === 'too_big') return { code: 'too_long', params: { max: CONTACT_EMAIL_RULE.max } };
  if (problem === 'invalid_format') return { code: 'invalid_email' };
  return null;
}

/**
 * An address as the lines a label takes, with the country as the reader names it. A
 * Japanese address reads from the postal code down (〒, prefecture and city, street);
 * others from the name down to the country. Empty parts are left out.
 */
export function addressLines(address: Readonly<AddressFields>, countryName: string): string[] {
  const lines =
    address.country === 'JP'
      ? [
          address.postalCode && `〒${address.postalCode}`,
          `${address.region}${address.city}`,
          address.line1,
          address.line2,
          address.name,
          countryName,
          address.phone,
        ]
      : [
          address.name,
          address.line1,
          address.line2,
          [address.postalCode, address.city].filter(Boolean).join(' '),
          address.region,
          countryName,
          address.phone,
        ];
  return lines.map((line) => line.trim()).filter((line) => line !== '');
}
