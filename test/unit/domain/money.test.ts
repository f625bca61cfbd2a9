import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyDiscount,
  formatDecimal,
  formatDeduction,
  formatMoney,
  isCurrencyCode,
  minorUnitDigits,
  parseAmount,
} from '../../../main/domain/money.ts';

describe('money', () => {
  it('knows how many minor units a currency has', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('SEK')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });

  it('reads amounts as people write them, without floating point', () => {
    expect(parseAmount('129', 'EUR')).toEqual({ ok: true, amountMinor: 12900 });
    expect(parseAmount('129.5', 'EUR')).toEqual({ ok: true, amountMinor: 12950 });
    expect(parseAmount(' 0.29 ', 'EUR')).toEqual({ ok: true, amountMinor: 29 });
    expect(parseAmount('4800', 'JPY')).toEqual({ ok: true, amountMinor: 4800 });
  });

  it('refuses what it cannot read exactly, saying why', () => {
    expect(parseAmount('12,50', 'EUR')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('dot'),
    });
    expect(parseAmount('12.505', 'EUR')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('2 decimals'),
    });
    expect(parseAmount('12.5', 'JPY')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no minor unit'),
    });
    expect(parseAmount('-3', 'EUR')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('negative'),
    });
    expect(parseAmount('', 'EUR')).toMatchObject({ ok: false });
  });

  it('round-trips every cent amount through its decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (minor) => {
        const text = `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;
        expect(parseAmount(text, 'EUR')).toEqual({ ok: true, amountMinor: minor });
      }),
    );
  });

  it('writes amounts as files want them, in the currency’s minor digits', () => {
    expect(formatDecimal({ amountMinor: 12950, currency: 'EUR' })).toBe('129.50');
    expect(formatDecimal({ amountMinor: 5, currency: 'EUR' })).toBe('0.05');
    expect(formatDecimal({ amountMinor: 0, currency: 'EUR' })).toBe('0.00');
    expect(formatDecimal({ amountMinor: 1200, currency: 'JPY' })).toBe('1200');
    expect(formatDecimal({ amountMinor: 1234, currency: 'KWD' })).toBe('1.234');
    expect(formatDecimal({ amountMinor: -250, currency: 'EUR' })).toBe('-2.50');
    fc.assert(
      fc.property(
        // Files may hold at most twelve digits before the point: 999,999,999,999 yen.
        fc.integer({ min: 0, max: 10 ** 12 - 1 }),
        fc.constantFrom('EUR', 'JPY', 'KWD'),
        (minor, currency) => {
          const text = formatDecimal({ amountMinor: minor, currency });
          expect(parseAmount(text, currency)).toEqual({ ok: true, amountMinor: minor });
        },
      ),
    );
  });

  it('formats with the currency’s own conventions', () => {
    expect(formatMoney({ amountMinor: 12950, currency: 'EUR' })).toBe('€129.50');
    expect(formatMoney({ amountMinor: 4800, currency: 'JPY' })).toBe('¥4,800');
    expect(formatMoney({ amountMinor: 4800, currency: 'JPY' }, 'ja')).toBe('￥4,800');
  });

  it('applies a trading-terms discount to the minor unit, never above the price', () => {
    expect(applyDiscount(10000, 1250)).toBe(8750);
    expect(applyDiscount(999, 1000)).toBe(899);
    expect(applyDiscount(5, 5000)).toBe(2);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 10000 }),
        (a, bp) => {
          const net = applyDiscount(a, bp);
          expect(Number.isInteger(net)).toBe(true);
          expect(net).toBeGreaterThanOrEqual(0);
          expect(net).toBeLessThanOrEqual(a);
        },
      ),
    );
    expect(() => applyDiscount(100, 10001)).toThrow(RangeError);
  });

  it('accepts only ISO 4217 codes', () => {
    expect(isCurrencyCode('SEK')).toBe(true);
    expect(isCurrencyCode('sek')).toBe(false);
    expect(isCurrencyCode('EURO')).toBe(false);
  });

  it('shows an amount taken off with a minus sign, and nothing taken off without one', () => {
    expect(formatDeduction({ amountMinor: 58_600, currency: 'USD' })).toBe('\u2212$586.00');
    expect(formatDeduction({ amountMinor: 44_780, currency: 'JPY' }, 'ja')).toBe('\u2212￥44,780');
    expect(formatDeduction({ amountMinor: 0, currency: 'EUR' }, 'en')).toBe('€0.00');
  });
});
