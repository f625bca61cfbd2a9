import { describe, expect, it } from 'vitest';
import {
  duplicateName,
  MAX_SELECTION_NAME,
  parseQuantity,
  selectionTotals,
} from '../../../main/domain/selections.ts';

describe('a quantity typed in a size cell', () => {
  it.each([
    ['', { ok: true, quantity: 0 }],
    [' 12 ', { ok: true, quantity: 12 }],
    ['9999', { ok: true, quantity: 9999 }],
    ['-2', { ok: false, reason: 'A quantity cannot be negative' }],
    ['1.5', { ok: false, reason: 'Type a whole number of units' }],
    ['ten', { ok: false, reason: 'Type a whole number of units' }],
    ['1e3', { ok: false, reason: 'Type a whole number of units' }],
    ['10000', { ok: false, reason: 'At most 9,999 units per size' }],
  ])('"%s" reads as %j', (text, expected) => {
    expect(parseQuantity(text)).toEqual(expected);
  });
});

describe('selection totals', () => {
  it('discount the subtotal once, rounding half up to the minor unit', () => {
    const totals = selectionTotals(
      [
        { quantity: 3, unitPriceMinor: 4_995 },
        { quantity: 1, unitPriceMinor: 1 },
      ],
      1_250,
    );
    // 14,986 × 12.5 % = 1,873.25 → 1,873
    expect(totals).toEqual({
      units: 4,
      subtotalMinor: 14_986,
      discountMinor: 1_873,
      totalMinor: 13_113,
      unpricedLines: 0,
    });
  });

  it('leave sizes no longer sold out of units and money, and count them', () => {
    const totals = selectionTotals(
      [
        { quantity: 2, unitPriceMinor: 1_000 },
        { quantity: 5, unitPriceMinor: null },
      ],
      0,
    );
    expect(totals).toMatchObject({
      units: 2,
      subtotalMinor: 2_000,
      totalMinor: 2_000,
      unpricedLines: 1,
    });
  });
});

describe('the name of a duplicate', () => {
  it('says it is a copy and never repeats a name the buyer has', () => {
    expect(duplicateName('Spring', new Set())).toBe('Copy of Spring');
    expect(duplicateName('Spring', new Set(['Copy of Spring', 'Copy of Spring (2)']))).toBe(
      'Copy of Spring (3)',
    );
  });

  it('stays within the longest name a selection may have', () => {
    const long = 'x'.repeat(MAX_SELECTION_NAME);
    const first = duplicateName(long, new Set());
    expect(first).toHaveLength(MAX_SELECTION_NAME);
    expect(duplicateName(long, new Set([first]))).toMatch(/ \(2\)$/);
    expect(duplicateName(long, new Set([first])).length).toBeLessThanOrEqual(MAX_SELECTION_NAME);
  });
});
