import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isValidGtin, makeGtin13 } from '../../../main/domain/barcode.ts';

describe('GTIN barcodes', () => {
  it('accepts real codes of every length', () => {
    expect(isValidGtin('4006381333931')).toBe(true); // EAN-13
    expect(isValidGtin('73513537')).toBe(true); // EAN-8
    expect(isValidGtin('036000291452')).toBe(true); // UPC-A
    expect(isValidGtin('10012345678902')).toBe(true); // GTIN-14
  });

  it('refuses a wrong check digit, letters and other lengths', () => {
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('400638133393A')).toBe(false);
    expect(isValidGtin('40063813339')).toBe(false);
    expect(isValidGtin('')).toBe(false);
    expect(isValidGtin(' 4006381333931')).toBe(false);
  });

  it('computes the check digit', () => {
    expect(gtinCheckDigit('400638133393')).toBe(1);
    expect(gtinCheckDigit('03600029145')).toBe(2);
  });

  it('makes valid codes, and any single changed digit is caught', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 1, max: 9 }),
        (item, position, delta) => {
          const code = makeGtin13('7350123', item);
          expect(code).toHaveLength(13);
          expect(isValidGtin(code)).toBe(true);
          const digit = (Number(code[position]) + delta) % 10;
          const changed = code.slice(0, position) + String(digit) + code.slice(position + 1);
          expect(isValidGtin(changed)).toBe(false);
        },
      ),
    );
  });

  it('refuses an item number that does not fit', () => {
    expect(() => makeGtin13('7350123', 100_000)).toThrow(RangeError);
  });
});
