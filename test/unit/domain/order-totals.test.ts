import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_ORDER_AMOUNT_MINOR,
  orderTotals,
  totalsByCurrency,
  type OrderLine,
  type OrderTotals,
} from '../../../main/domain/order-totals.ts';
import { selectionTotals } from '../../../main/domain/selections.ts';
import type { ShippingRate } from '../../../main/domain/shipping-rates.ts';

const flat = (amountMinor: number, freeFromMinor: number | null = null): ShippingRate => ({
  country: 'SE',
  currency: 'EUR',
  amountMinor,
  freeFromMinor,
});

function totals(
  lines: OrderLine[],
  discountBasisPoints: number,
  shipping: ShippingRate | null,
): OrderTotals {
  const answer = orderTotals({ currency: 'EUR', lines, discountBasisPoints, shipping });
  if (!answer.ok) throw new Error(answer.code);
  return answer.totals;
}

const line = fc.record({ quantity: fc.nat(9_999), unitPriceMinor: fc.nat(500_000) });
const lines = fc.array(line, { maxLength: 60 });
const basisPoints = fc.nat(10_000);
const rate = fc.record({
  country: fc.constant('SE'),
  currency: fc.constant('EUR'),
  amountMinor: fc.nat(100_000),
  freeFromMinor: fc.option(fc.nat(5_000_000)),
});

describe('order totals', () => {
  it('prices lines, takes the discount once off the subtotal and adds shipping', () => {
    expect(
      totals(
        [
          { quantity: 3, unitPriceMinor: 4_999 },
          { quantity: 2, unitPriceMinor: 12_000 },
        ],
        1_250,
        flat(2_500),
      ),
    ).toEqual({
      currency: 'EUR',
      units: 5,
      subtotalMinor: 38_997,
      // 12.5 % of 389.97 is 48.74625: half up to 48.75.
      discountMinor: 4_875,
      goodsTotalMinor: 34_122,
      shippingMinor: 2_500,
      totalMinor: 36_622,
    });
  });

  it("says what the selection's totals said for the same lines and terms", () => {
    fc.assert(
      fc.property(lines, basisPoints, (ls, bps) => {
        const order = totals(ls, bps, null);
        const selection = selectionTotals(ls, bps);
        expect(order.subtotalMinor).toBe(selection.subtotalMinor);
        expect(order.discountMinor).toBe(selection.discountMinor);
        expect(order.goodsTotalMinor).toBe(selection.totalMinor);
      }),
    );
  });

  it('ships free from the threshold, judged on the goods total after discount', () => {
    const ls = [{ quantity: 10, unitPriceMinor: 10_000 }];
    expect(totals(ls, 0, flat(2_500, 100_000)).shippingMinor).toBe(0);
    // 100,000 less 10 % is 90,000: below the threshold again.
    expect(totals(ls, 1_000, flat(2_500, 100_000)).shippingMinor).toBe(2_500);
    expect(totals(ls, 0, null).shippingMinor).toBe(0);
  });

  it('an empty order costs its shipping and nothing else', () => {
    expect(totals([], 1_000, flat(2_500))).toMatchObject({ subtotalMinor: 0, totalMinor: 2_500 });
  });

  it('refuses an order too large to count exactly', () => {
    const answer = orderTotals({
      currency: 'EUR',
      lines: [{ quantity: 9_999, unitPriceMinor: 100_000_000 }],
      discountBasisPoints: 0,
      shipping: null,
    });
    expect(answer).toEqual({
      ok: false,
      code: 'order_total_too_large',
      params: { max: MAX_ORDER_AMOUNT_MINOR },
    });
    const withShipping = orderTotals({
      currency: 'EUR',
      lines: [{ quantity: 1, unitPriceMinor: MAX_ORDER_AMOUNT_MINOR }],
      discountBasisPoints: 0,
      shipping: flat(1),
    });
    expect(withShipping).toMatchObject({ ok: false, code: 'order_total_too_large' });
  });

  it('throws on what the caller should have checked: bad lines, a rate in another currency', () => {
    const order = { currency: 'EUR', discountBasisPoints: 0, shipping: null };
    expect(() => orderTotals({ ...order, lines: [{ quantity: -1, unitPriceMinor: 1 }] })).toThrow(
      RangeError,
    );
    expect(() => orderTotals({ ...order, lines: [{ quantity: 1, unitPriceMinor: 0.5 }] })).toThrow(
      RangeError,
    );
    expect(() =>
      orderTotals({ ...order, lines: [], shipping: { ...flat(100), currency: 'SEK' } }),
    ).toThrow(RangeError);
    expect(() => orderTotals({ ...order, lines: [], discountBasisPoints: 10_001 })).toThrow(
      RangeError,
    );
  });

  it('total = subtotal − discount + shipping, never negative, discount within the subtotal', () => {
    fc.assert(
      fc.property(lines, basisPoints, fc.option(rate), (ls, bps, shipping) => {
        const t = totals(ls, bps, shipping);
        expect(t.totalMinor).toBe(t.subtotalMinor - t.discountMinor + t.shippingMinor);
        expect(t.goodsTotalMinor).toBe(t.subtotalMinor - t.discountMinor);
        expect(t.totalMinor).toBeGreaterThanOrEqual(0);
        expect(t.discountMinor).toBeGreaterThanOrEqual(0);
        expect(t.discountMinor).toBeLessThanOrEqual(t.subtotalMinor);
        expect(t.shippingMinor).toBeLessThanOrEqual(shipping?.amountMinor ?? 0);
        for (const amount of Object.values(t)) {
          if (typeof amount === 'number') expect(Number.isSafeInteger(amount)).toBe(true);
        }
      }),
    );
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(
        lines.chain((ls) =>
          fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length })),
        ),
        basisPoints,
        fc.option(rate),
        ([ls, shuffled], bps, shipping) => {
          expect(totals(shuffled, bps, shipping)).toEqual(totals(ls, bps, shipping));
        },
      ),
    );
  });

  it('sums orders per currency, never across', () => {
    const eur = totals([{ quantity: 1, unitPriceMinor: 1_000 }], 0, null);
    const jpy = orderTotals({
      currency: 'JPY',
      lines: [{ quantity: 2, unitPriceMinor: 4_800 }],
      discountBasisPoints: 0,
      shipping: null,
    });
    if (!jpy.ok) throw new Error(jpy.code);
    expect(totalsByCurrency([eur, jpy.totals, eur])).toEqual(
      new Map([
        ['EUR', 2_000],
        ['JPY', 9_600],
      ]),
    );
  });
});
