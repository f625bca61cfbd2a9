import { describe, expect, it } from 'vitest';
import {
  CHECKOUT_CONTACT,
  contactProblem,
  contactProblems,
  EMAIL_PATTERN,
} from '../../../main/domain/checkout-contact.ts';

describe('the checkout contact', () => {
  it.each([
    'aiko@shop.example',
    'aiko.tanaka+orders@shop.example.jp',
    "o'brien@store.example.com",
    'buyer_1!#$%&*=?^`{|}~-@a-b.example',
    'x@xn--wgv71a.jp',
  ])('takes %s as an email address', (email) => {
    expect(EMAIL_PATTERN.test(email)).toBe(true);
  });

  it.each([
    ['aiko@shop', 'a domain without a dot, which a browser email field takes'],
    ['aiko', 'no @'],
    ['aiko@@shop.example', 'two @'],
    ['.aiko@shop.example', 'a leading dot'],
    ['aiko..tanaka@shop.example', 'a doubled dot'],
    ['aiko.@shop.example', 'a trailing dot before @'],
    ['aiko@-shop.example', 'a label starting with a hyphen'],
    ['aiko@shop..example', 'an empty label'],
    ['ai ko@shop.example', 'a space'],
    [`${'a'.repeat(65)}@shop.example`, 'a local part over 64 characters'],
  ])('refuses %s (%s)', (email) => {
    expect(EMAIL_PATTERN.test(email)).toBe(false);
  });

  it('names each field’s first problem as the hub does', () => {
    expect(
      contactProblems({ name: '  ', email: 'aiko@shop', phone: '1'.repeat(41), note: '' }),
    ).toEqual({ name: 'too_small', email: 'invalid_format', phone: 'too_big' });
    expect(
      contactProblems({ name: ' Aiko ', email: ' aiko@shop.example ', phone: '', note: '' }),
    ).toEqual({});
    expect(contactProblem(CHECKOUT_CONTACT.email, '')).toBe('too_small');
    const long = `${'a'.repeat(64)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example`;
    expect(long.length).toBeGreaterThan(CHECKOUT_CONTACT.email.max);
    expect(contactProblem(CHECKOUT_CONTACT.email, long)).toBe('too_big');
    expect(contactProblem(CHECKOUT_CONTACT.note, 'x'.repeat(2000))).toBeNull();
    expect(contactProblem(CHECKOUT_CONTACT.note, 'x'.repeat(2001))).toBe('too_big');
  });
});
