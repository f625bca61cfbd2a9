import { describe, expect, it } from 'vitest';
import { EMPTY_ADDRESS } from '../../../main/domain/addresses.ts';
import {
  customerEmailKey,
  dtcCustomerProblems,
  normalizedDtcCustomer,
  type DtcCustomerCard,
} from '../../../main/domain/dtc-customers.ts';
import { MAX_CUSTOMER_ADDRESSES, MAX_CUSTOMER_NAME } from '../../../main/domain/dtc.ts';

const card: DtcCustomerCard = {
  firstName: ' Aiko ',
  lastName: 'Tanaka',
  email: ' Aiko.Tanaka@Example.JP ',
  phone: '+81 3 1234 5678',
  countryCode: 'jp',
  marketId: 'market-japan',
  addresses: [
    {
      ...EMPTY_ADDRESS,
      name: 'Aiko Tanaka',
      line1: '1-2-3 Jingumae',
      city: 'Shibuya',
      country: 'jp',
    },
  ],
};

describe('a DTC customer card', () => {
  it('is stored trimmed, the email in lower case and countries in upper case', () => {
    const clean = normalizedDtcCustomer(card);
    expect(clean).toMatchObject({
      firstName: 'Aiko',
      email: 'aiko.tanaka@example.jp',
      countryCode: 'JP',
    });
    expect(clean.addresses[0]!.country).toBe('JP');
    expect(dtcCustomerProblems(card)).toEqual([]);
  });

  it('compares emails whatever their letter case', () => {
    expect(customerEmailKey('A@B.example')).toBe(customerEmailKey(' a@b.EXAMPLE'));
  });

  it('needs both names, an email that can be delivered and a market', () => {
    const problems = dtcCustomerProblems({
      ...card,
      firstName: ' ',
      lastName: 'x'.repeat(MAX_CUSTOMER_NAME + 1),
      email: 'aiko@',
      marketId: '',
    });
    expect(problems).toEqual([
      { field: 'firstName', code: 'required', params: {} },
      { field: 'lastName', code: 'too_long', params: { max: MAX_CUSTOMER_NAME } },
      { field: 'email', code: 'invalid_email', params: {} },
      { field: 'marketId', code: 'required', params: {} },
    ]);
  });

  it('takes no country at all, but not one that does not exist', () => {
    expect(dtcCustomerProblems({ ...card, countryCode: '' })).toEqual([]);
    expect(dtcCustomerProblems({ ...card, countryCode: 'XX' })).toEqual([
      { field: 'countryCode', code: 'country_unknown', params: {} },
    ]);
  });

  it('judges each address at its own fields, and how many there are', () => {
    expect(
      dtcCustomerProblems({
        ...card,
        addresses: [...card.addresses, { ...EMPTY_ADDRESS, name: 'A' }],
      }),
    ).toEqual([
      { field: 'addresses.1.line1', code: 'required', params: {} },
      { field: 'addresses.1.city', code: 'required', params: {} },
      { field: 'addresses.1.country', code: 'country_required', params: {} },
    ]);
    const many = Array.from({ length: MAX_CUSTOMER_ADDRESSES + 1 }, () => card.addresses[0]!);
    expect(dtcCustomerProblems({ ...card, addresses: many })).toEqual([
      { field: 'addresses', code: 'too_many_addresses', params: { max: MAX_CUSTOMER_ADDRESSES } },
    ]);
  });
});
