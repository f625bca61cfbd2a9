import { describe, expect, it } from 'vitest';
import {
  brandCodeProblems,
  BUYER_CODE,
  normalisedCode,
  normalisedEmail,
  offlineLogInProblems,
  PASSCODE,
  passcodeProblems,
} from '../../../main/domain/buyer-credentials.ts';
import { BUYER_PASSWORD } from '../../../main/domain/buyer-invitations.ts';

const codes = (problems: readonly { field: string; code: string }[]) =>
  problems.map((problem) => `${problem.field}:${problem.code}`);

describe("an offline buyer's email and password for customer order links", () => {
  const offline = { buyerKind: 'offline' as const, passwordSet: false };

  it('takes a valid email, any case, with a password of the buyer password rule', () => {
    expect(
      offlineLogInProblems({
        ...offline,
        email: ' Orders@Shop.example ',
        password: 'long enough!',
      }),
    ).toEqual([]);
    expect(normalisedEmail(' Orders@Shop.example ')).toBe('orders@shop.example');
  });

  it('is only for offline buyers', () => {
    expect(
      codes(
        offlineLogInProblems({
          buyerKind: 'customer_owned',
          passwordSet: false,
          email: 'a@shop.example',
          password: 'long enough!',
        }),
      ),
    ).toEqual(['email:credential_not_offline']);
  });

  it('says at each field what is wrong, with the numbers of the rule', () => {
    expect(offlineLogInProblems({ ...offline, email: 'not an email', password: 'short' })).toEqual([
      { field: 'email', code: 'credential_email_invalid', params: {} },
      {
        field: 'password',
        code: 'credential_password_too_short',
        params: { min: BUYER_PASSWORD.minLength },
      },
    ]);
    expect(
      codes(
        offlineLogInProblems({
          ...offline,
          email: `${'a'.repeat(250)}@shop.example`,
          password: 'x'.repeat(BUYER_PASSWORD.maxLength + 1),
        }),
      ),
    ).toEqual(['email:credential_email_too_long', 'password:credential_password_too_long']);
  });

  it('needs a password the first time, and keeps the one set when left empty', () => {
    expect(
      codes(offlineLogInProblems({ ...offline, email: 'a@shop.example', password: '' })),
    ).toEqual(['password:credential_password_required']);
    expect(
      offlineLogInProblems({
        ...offline,
        passwordSet: true,
        email: 'a@shop.example',
        password: '',
      }),
    ).toEqual([]);
  });
});

describe("a buyer's brand-specific unique code and passcode", () => {
  it('takes letters and digits in hyphen-joined groups, whatever their case', () => {
    expect(
      brandCodeProblems({ code: ' shop-0042 ', passcode: 'harbour-42', passcodeSet: false }),
    ).toEqual([]);
    expect(normalisedCode(' shop-0042 ')).toBe('SHOP-0042');
  });

  it.each([
    ['SHOP 42', 'credential_code_invalid'],
    ['SHOP--42', 'credential_code_invalid'],
    ['-SHOP', 'credential_code_invalid'],
    ['ÅSA-1', 'credential_code_invalid'],
    ['AB1', 'credential_code_too_short'],
    ['A'.repeat(BUYER_CODE.maxLength + 1), 'credential_code_too_long'],
  ])('refuses the code %j: %s', (code, problem) => {
    expect(codes(brandCodeProblems({ code, passcode: 'harbour-42', passcodeSet: true }))).toEqual([
      `code:${problem}`,
    ]);
  });

  it('counts a passcode in characters, between the rule’s bounds', () => {
    expect(passcodeProblems('🔑'.repeat(PASSCODE.minLength))).toEqual([]);
    expect(passcodeProblems('x'.repeat(PASSCODE.minLength - 1))).toEqual([
      {
        field: 'passcode',
        code: 'credential_passcode_too_short',
        params: { min: PASSCODE.minLength },
      },
    ]);
    expect(codes(passcodeProblems('x'.repeat(PASSCODE.maxLength + 1)))).toEqual([
      'passcode:credential_passcode_too_long',
    ]);
  });

  it('needs a passcode the first time, and keeps the one set when left empty', () => {
    expect(codes(brandCodeProblems({ code: 'SHOP-1', passcodeSet: false }))).toEqual([
      'passcode:credential_passcode_required',
    ]);
    expect(brandCodeProblems({ code: 'SHOP-1', passcode: '', passcodeSet: true })).toEqual([]);
  });
});
