import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocateOrder,
  availableStock,
  checkOnlineOrder,
  unitsShort,
  type StockLine,
} from '../../../main/domain/stock.ts';
import { ORDER_STATES } from '../../../main/domain/order-states.ts';

const m = (size: string, quantity: number): StockLine => ({ skuId: `sku-${size}`, size, quantity });

describe('available stock', () => {
  const onHand = new Map([
    ['sku-S', 10],
    ['sku-M', 5],
  ]);

  it('is on hand less what placed orders hold; cancelled orders hold nothing', () => {
    const available = availableStock(onHand, [
      { state: 'Order', lines: [{ skuId: 'sku-S', allocated: 3 }] },
      { state: 'Checkout Requested', lines: [{ skuId: 'sku-S', allocated: 1 }] },
      { state: 'Confirmed', lines: [{ skuId: 'sku-M', allocated: 2 }] },
      { state: 'Cancelled', lines: [{ skuId: 'sku-M', allocated: 3 }] },
    ]);
    expect(available).toEqual(
      new Map([
        ['sku-S', 6],
        ['sku-M', 3],
      ]),
    );
  });

  it('is never negative, even when more is held than counted on hand', () => {
    const available = availableStock(new Map([['sku-S', -2]]), [
      { state: 'Order', lines: [{ skuId: 'sku-M', allocated: 4 }] },
    ]);
    expect(available.get('sku-S')).toBe(0);
    expect(available.get('sku-M')).toBe(0);
  });
});

describe("an online order's check", () => {
  const available = new Map([
    ['sku-S', 10],
    ['sku-M', 3],
  ]);

  it('passes when every size is there', () => {
    expect(checkOnlineOrder([m('S', 10), m('M', 3)], available)).toEqual({ ok: true });
  });

  it('refuses every short size, naming what was asked and what is there', () => {
    expect(checkOnlineOrder([m('S', 4), m('M', 5), m('L', 1)], available)).toEqual({
      ok: false,
      refusals: [
        {
          code: 'insufficient_stock',
          params: { skuId: 'sku-M', size: 'M', asked: 5, available: 3 },
        },
        {
          code: 'insufficient_stock',
          params: { skuId: 'sku-L', size: 'L', asked: 1, available: 0 },
        },
      ],
    });
  });

  it('counts two lines of one SKU together', () => {
    expect(checkOnlineOrder([m('M', 2), m('M', 2)], available)).toMatchObject({
      ok: false,
      refusals: [{ params: { asked: 4, available: 3 } }],
    });
  });
});

describe('allocation', () => {
  it('takes what is there and counts the rest short, line by line', () => {
    const result = allocateOrder(
      [m('S', 4), m('M', 5), m('M', 1)],
      new Map([
        ['sku-S', 10],
        ['sku-M', 3],
      ]),
    );
    expect(result.lines).toEqual([
      { ...m('S', 4), allocated: 4, short: 0 },
      { ...m('M', 5), allocated: 3, short: 2 },
      { ...m('M', 1), allocated: 0, short: 1 },
    ]);
    expect(result.available).toEqual(
      new Map([
        ['sku-S', 6],
        ['sku-M', 0],
      ]),
    );
    expect(unitsShort(result.lines)).toBe(3);
  });

  it('refuses a quantity no contract lets through', () => {
    expect(() => allocateOrder([m('S', -1)], new Map())).toThrow(RangeError);
    expect(() => checkOnlineOrder([m('S', 1.5)], new Map())).toThrow(RangeError);
  });

  const sizes = fc.constantFrom('XS', 'S', 'M', 'L', 'XL');
  const stockLines = fc.array(
    fc.record({ size: sizes, quantity: fc.nat(50) }).map(({ size, quantity }) => m(size, quantity)),
    { maxLength: 20 },
  );
  const availability = fc
    .dictionary(sizes, fc.nat(60))
    .map((bySize) => new Map(Object.entries(bySize).map(([size, n]) => [`sku-${size}`, n])));

  it('never exceeds availability, never goes negative, allocated + short = asked', () => {
    fc.assert(
      fc.property(stockLines, availability, (lines, available) => {
        const result = allocateOrder(lines, available);
        const taken = new Map<string, number>();
        result.lines.forEach((line, i) => {
          expect(line.allocated).toBeGreaterThanOrEqual(0);
          expect(line.short).toBeGreaterThanOrEqual(0);
          expect(line.allocated + line.short).toBe(lines[i]!.quantity);
          taken.set(line.skuId, (taken.get(line.skuId) ?? 0) + line.allocated);
        });
        for (const [skuId, units] of taken) {
          expect(units).toBeLessThanOrEqual(available.get(skuId) ?? 0);
          expect(result.available.get(skuId)).toBe((available.get(skuId) ?? 0) - units);
        }
        for (const left of result.available.values()) expect(left).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('an online order passes its check exactly when it allocates with nothing short', () => {
    fc.assert(
      fc.property(stockLines, availability, (lines, available) => {
        const check = checkOnlineOrder(lines, available);
        expect(check.ok).toBe(unitsShort(allocateOrder(lines, available).lines) === 0);
      }),
    );
  });

  it('allocating an order and then holding it leaves what availableStock says', () => {
    const states = fc.constantFrom(...ORDER_STATES);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(stockLines, states), { maxLength: 6 }),
        availability,
        (orders, onHand) => {
          let available = new Map(onHand);
          const held = [];
          for (const [lines, state] of orders) {
            if (state === 'Cancelled') {
              held.push({
                state,
                lines: lines.map((l) => ({ skuId: l.skuId, allocated: l.quantity })),
              });
              continue;
            }
            const result = allocateOrder(lines, available);
            available = result.available;
            held.push({ state, lines: result.lines });
          }
          const fromScratch = availableStock(onHand, held);
          for (const [skuId, left] of available) expect(fromScratch.get(skuId) ?? 0).toBe(left);
        },
      ),
    );
  });
});
