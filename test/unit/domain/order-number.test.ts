import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_ORDER_NUMBER_PREFIX,
  MAX_ORDER_NUMBER_LENGTH,
  formatOrderNumber,
  isProvisionalOrderNumber,
  parseOrderNumber,
  placementYear,
  type OrderNumber,
} from '../../../main/domain/order-number.ts';

describe('order numbers', () => {
  it('reads prefix, year and a sequence padded to five digits', () => {
    expect(formatOrderNumber({ kind: 'final', prefix: 'SO', year: 2027, sequence: 42 })).toBe(
      'SO-2027-00042',
    );
    expect(DEFAULT_ORDER_NUMBER_PREFIX).toBe('SO');
  });

  it('grows past five digits', () => {
    expect(formatOrderNumber({ kind: 'final', prefix: 'SO', year: 2027, sequence: 123_456 })).toBe(
      'SO-2027-123456',
    );
  });

  it('gives a provisional number its own form', () => {
    const text = formatOrderNumber({ kind: 'provisional', deviceShortId: 'K7Q2', sequence: 3 });
    expect(text).toBe('P-K7Q2-3');
    expect(isProvisionalOrderNumber(text)).toBe(true);
    expect(isProvisionalOrderNumber('SO-2027-00042')).toBe(false);
    // A device whose short id looks like a year is still provisional: P is never a brand's prefix.
    expect(parseOrderNumber('P-2027-00042')).toEqual({
      kind: 'provisional',
      deviceShortId: '2027',
      sequence: 42,
    });
  });

  it('refuses to write a number that would not read back', () => {
    const final = { kind: 'final', prefix: 'SO', year: 2027, sequence: 1 } as const;
    expect(() => formatOrderNumber({ ...final, prefix: 'P' })).toThrow(RangeError);
    expect(() => formatOrderNumber({ ...final, prefix: 'so' })).toThrow(RangeError);
    expect(() => formatOrderNumber({ ...final, year: 27 })).toThrow(RangeError);
    expect(() => formatOrderNumber({ ...final, sequence: 0 })).toThrow(RangeError);
    expect(() => formatOrderNumber({ ...final, sequence: 10 ** 12 })).toThrow(RangeError);
    expect(() =>
      formatOrderNumber({ kind: 'provisional', deviceShortId: 'k7', sequence: 1 }),
    ).toThrow(RangeError);
  });

  it('reads what people type into search', () => {
    expect(parseOrderNumber(' so-2027-42 ')).toEqual({
      kind: 'final',
      prefix: 'SO',
      year: 2027,
      sequence: 42,
    });
    for (const text of ['', 'SO-27-00042', 'SO-2027-', 'SO-2027-00000', 'Acme', 'SO 2027 42']) {
      expect(parseOrderNumber(text)).toBeNull();
    }
    expect(parseOrderNumber('SO-2027-' + '9'.repeat(13))).toBeNull();
  });

  it('parse reads back what format writes, both kinds, within the length bound', () => {
    const sequence = fc.integer({ min: 1, max: 10 ** 12 - 1 });
    const number: fc.Arbitrary<OrderNumber> = fc.oneof(
      fc.record({
        kind: fc.constant('final' as const),
        prefix: fc.stringMatching(/^[A-Z]{1,6}$/).filter((p) => p !== 'P'),
        year: fc.integer({ min: 1000, max: 9999 }),
        sequence,
      }),
      fc.record({
        kind: fc.constant('provisional' as const),
        deviceShortId: fc.stringMatching(/^[A-Z0-9]{4,8}$/),
        sequence,
      }),
    );
    fc.assert(
      fc.property(number, (n) => {
        const text = formatOrderNumber(n);
        expect(text.length).toBeLessThanOrEqual(MAX_ORDER_NUMBER_LENGTH);
        expect(parseOrderNumber(text)).toEqual(n);
      }),
    );
  });

  it('takes the year of placement in UTC', () => {
    expect(placementYear('2027-12-31T23:30:00.000Z')).toBe(2027);
    expect(placementYear('2028-01-01T08:30:00+09:00')).toBe(2027);
    expect(() => placementYear('yesterday')).toThrow(RangeError);
  });
});
