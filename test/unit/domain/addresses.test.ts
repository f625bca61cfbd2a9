import { describe, expect, it } from 'vitest';
import {
  ADDRESS_FIELDS,
  addressProblems,
  contactEmailProblem,
  COUNTRY_CODES,
  EMPTY_ADDRESS,
  isCountryCode,
  normalizedAddress,
  type AddressFields,
} from '../../../main/domain/addresses.ts';

const good: AddressFields = {
  name: 'Nordlys Atelier AB',
  line1: 'Götgatan 12',
  line2: '',
  postalCode: '116 46',
  city: 'Stockholm',
  region: '',
  country: 'SE',
  phone: '',
};

describe('an address', () => {
  it('with a name, first line, city and a known country has no problems', () => {
    expect(addressProblems(good)).toEqual({});
  });

  it('names every missing required field, and a missing country by its own code', () => {
    expect(addressProblems(EMPTY_ADDRESS)).toEqual({
      name: { code: 'required' },
      line1: { code: 'required' },
      city: { code: 'required' },
      country: { code: 'country_required' },
    });
  });

  it('counts spaces alone as empty', () => {
    expect(addressProblems({ ...good, city: '   ' })).toEqual({ city: { code: 'required' } });
  });

  it('refuses a country that is not an ISO 3166-1 alpha-2 code', () => {
    expect(addressProblems({ ...good, country: 'XX' })).toEqual({
      country: { code: 'country_unknown' },
    });
    expect(addressProblems({ ...good, country: 'Sweden' }).country).toEqual({
      code: 'country_unknown',
    });
  });

  it('takes a country code in any case, as it is stored: upper case', () => {
    expect(addressProblems({ ...good, country: 'jp' })).toEqual({});
    expect(normalizedAddress({ ...good, country: ' jp ' }).country).toBe('JP');
  });

  it('names the limit of a field that is too long', () => {
    const problems = addressProblems({ ...good, line1: 'x'.repeat(10 * 1024) });
    expect(problems).toEqual({
      line1: { code: 'too_long', params: { max: ADDRESS_FIELDS.line1.max } },
    });
    expect(addressProblems({ ...good, line2: 'x'.repeat(ADDRESS_FIELDS.line2.max) })).toEqual({});
  });
});

describe('the country list', () => {
  it('holds the ISO codes, sorted, and no made-up ones', () => {
    expect(COUNTRY_CODES.length).toBeGreaterThan(240);
    expect(COUNTRY_CODES).toEqual([...COUNTRY_CODES].sort());
    for (const code of ['SE', 'JP', 'US', 'DE', 'GB']) expect(isCountryCode(code)).toBe(true);
    for (const code of ['XX', 'UK', 'se', '']) expect(isCountryCode(code)).toBe(false);
  });
});

describe('a contact email', () => {
  it('may be left empty', () => {
    expect(contactEmailProblem('')).toBeNull();
    expect(contactEmailProblem('  ')).toBeNull();
  });

  it('follows the checkout contact’s email rule', () => {
    expect(contactEmailProblem('orders@shop.example')).toBeNull();
    expect(contactEmailProblem('orders@shop')).toEqual({ code: 'invalid_email' });
    expect(contactEmailProblem(`${'a'.repeat(250)}@shop.example`)).toEqual({
      code: 'too_long',
      params: { max: 254 },
    });
  });
});
