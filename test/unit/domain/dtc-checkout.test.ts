import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lineTax,
  quoteDtcBasket,
  type DtcBasketChoice,
  type DtcBasketFacts,
} from '../../../main/domain/dtc-checkout.ts';
import { MAX_DTC_LINE_QUANTITY, type DtcSelectionLine } from '../../../main/domain/dtc.ts';
import type { ResolvedShippingRate } from '../../../main/domain/shipping-rates.ts';

const standard: ResolvedShippingRate = {
  country: 'DE',
  currency: 'EUR',
  amountMinor: 900,
  freeFromMinor: 100_000,
  groupId: 'standard',
  groupName: 'Standard',
  source: 'brand',
};
const express: ResolvedShippingRate = { ...standard, amountMinor: 2500, groupId: 'express' };

const coat: DtcSelectionLine = { skuId: 'coat', quantity: 2, specialPriceMinor: 30_000 };
const scarf: DtcSelectionLine = { skuId: 'scarf', quantity: 1, specialPriceMinor: null };

function facts(overrides: Partial<DtcBasketFacts> = {}): DtcBasketFacts {
  return {
    saved: [coat, scarf],
    options: { lockQuantities: false, ignoreShipping: false, ignoreTax: false },
    currency: 'EUR',
    retailMinor: new Map([
      ['coat', 40_000],
      ['scarf', 5_000],
    ]),
    marketCountries: ['DE', 'SE'],
    pricesIncludeTax: true,
    taxRateBp: 1900,
    shipping: { ok: true, rates: [standard, express] },
    ...overrides,
  };
}

const choice = (
  lines: DtcBasketChoice['lines'],
  country: string | null = 'DE',
  shippingGroupId: string | null = null,
): DtcBasketChoice => ({ lines, country, shippingGroupId });

const codes = (quote: ReturnType<typeof quoteDtcBasket>) => quote.problems.map((p) => p.code);

describe('a claimed basket’s prices', () => {
  it('sells the saved units at their special price and the rest at retail', () => {
    const saved = quoteDtcBasket(facts(), choice([{ skuId: 'coat', quantity: 2 }], null));
    expect(saved.lines[0]).toMatchObject({ unitPriceMinor: 30_000, amountMinor: 60_000 });
    expect(saved.discountMinor).toBe(0);

    const raised = quoteDtcBasket(facts(), choice([{ skuId: 'coat', quantity: 3 }], null));
    // Two at 300.00 and one at 400.00: the line at retail, the special price's saving as discount.
    expect(raised.lines[0]).toMatchObject({
      unitPriceMinor: 40_000,
      specialQuantity: 2,
      savingMinor: 20_000,
      amountMinor: 100_000,
    });
    expect(raised).toMatchObject({
      subtotalMinor: 120_000,
      discountMinor: 20_000,
      goodsTotalMinor: 100_000,
    });
  });

  it('lets fewer units than saved be bought at the special price, and drops a line at 0', () => {
    const quote = quoteDtcBasket(
      facts(),
      choice(
        [
          { skuId: 'coat', quantity: 1 },
          { skuId: 'scarf', quantity: 0 },
        ],
        null,
      ),
    );
    expect(quote.lines).toHaveLength(1);
    expect(quote.lines[0]).toMatchObject({ skuId: 'coat', amountMinor: 30_000 });
    expect(quote.problems).toEqual([]);
  });

  it('with locked quantities, refuses more than saved and any SKU not saved', () => {
    const locked = facts({
      options: { lockQuantities: true, ignoreShipping: false, ignoreTax: false },
    });
    const quote = quoteDtcBasket(
      locked,
      choice([
        { skuId: 'coat', quantity: 3 },
        { skuId: 'boots', quantity: 1 },
      ]),
    );
    expect(quote.problems).toEqual([
      { code: 'dtc_quantity_above_saved', params: { index: 0, max: 2 } },
      { code: 'dtc_sku_not_in_basket', params: { index: 1, skuId: 'boots' } },
    ]);
  });

  it('refuses units that are not whole or below zero, a SKU twice, and an empty basket', () => {
    expect(codes(quoteDtcBasket(facts(), choice([{ skuId: 'coat', quantity: 1.5 }])))).toEqual([
      'dtc_quantity_invalid',
    ]);
    expect(codes(quoteDtcBasket(facts(), choice([{ skuId: 'coat', quantity: -1 }])))).toEqual([
      'dtc_quantity_invalid',
    ]);
    const twice = [
      { skuId: 'scarf', quantity: 1 },
      { skuId: 'scarf', quantity: 1 },
    ];
    expect(codes(quoteDtcBasket(facts(), choice(twice)))).toEqual(['dtc_sku_repeated']);
    expect(codes(quoteDtcBasket(facts(), choice([{ skuId: 'coat', quantity: 0 }])))).toEqual([
      'dtc_basket_empty',
    ]);
  });

  it('needs a retail price only for units the special price does not cover', () => {
    const noRetail = facts({ retailMinor: new Map() });
    expect(quoteDtcBasket(noRetail, choice([{ skuId: 'coat', quantity: 2 }])).problems).toEqual([]);
    expect(codes(quoteDtcBasket(noRetail, choice([{ skuId: 'coat', quantity: 3 }])))).toEqual([
      'dtc_no_retail_price',
    ]);
  });
});

describe('tax', () => {
  it('is the part of a price that includes it, rounded half up per line', () => {
    // 30,000 × 1900 / 11,900 = 4789.9…
    expect(lineTax(30_000, 1900, true)).toBe(4790);
    // 5 × 1000 / 10,000 = 0.5 → 1
    expect(lineTax(5, 1000, false)).toBe(1);
    expect(lineTax(4, 1000, false)).toBe(0);
  });

  it('is added to the total when the market’s prices exclude it', () => {
    const quote = quoteDtcBasket(
      facts({ pricesIncludeTax: false, taxRateBp: 2000 }),
      choice([{ skuId: 'scarf', quantity: 1 }]),
    );
    expect(quote).toMatchObject({
      taxMinor: 1000,
      taxIncluded: false,
      totalMinor: 5000 + 1000 + 900,
    });
    expect(quote.lines[0]).toMatchObject({ taxRateBp: 2000, taxMinor: 1000 });
  });

  it('is none when the link ignores it or the country has no rate', () => {
    const ignored = facts({
      pricesIncludeTax: false,
      options: { lockQuantities: false, ignoreShipping: false, ignoreTax: true },
    });
    const quote = quoteDtcBasket(ignored, choice([{ skuId: 'scarf', quantity: 1 }]));
    expect(quote).toMatchObject({ taxMinor: 0, totalMinor: 5900 });
    expect(quote.lines[0]!.taxRateBp).toBe(0);
    const noRate = quoteDtcBasket(
      facts({ taxRateBp: null }),
      choice([{ skuId: 'scarf', quantity: 1 }]),
    );
    expect(noRate.taxMinor).toBe(0);
  });
});

describe('shipping', () => {
  it('charges the first rate unless another is chosen, free from its threshold', () => {
    const scarfOnly = [{ skuId: 'scarf', quantity: 1 }];
    expect(quoteDtcBasket(facts(), choice(scarfOnly)).shippingMinor).toBe(900);
    expect(quoteDtcBasket(facts(), choice(scarfOnly, 'DE', 'express')).shippingMinor).toBe(2500);
    const free = quoteDtcBasket(facts(), choice([{ skuId: 'coat', quantity: 4 }]));
    expect(free.shippingMinor).toBe(0);
    expect(codes(quoteDtcBasket(facts(), choice(scarfOnly, 'DE', 'gone')))).toEqual([
      'dtc_shipping_rate_unknown',
    ]);
  });

  it('refuses a country outside the market, whatever the link ignores', () => {
    const ignoring = facts({
      options: { lockQuantities: false, ignoreShipping: true, ignoreTax: true },
    });
    const quote = quoteDtcBasket(ignoring, choice([{ skuId: 'scarf', quantity: 1 }], 'US'));
    expect(quote.problems).toEqual([
      { code: 'dtc_country_not_in_market', params: { country: 'US' } },
    ]);
  });

  it('refuses a country the brand does not ship to, saying which, unless shipping is ignored', () => {
    const nowhere = facts({
      shipping: { ok: false, code: 'no_shipping_rate', params: { country: 'SE', currency: 'EUR' } },
    });
    const scarfOnly = [{ skuId: 'scarf', quantity: 1 }];
    expect(quoteDtcBasket(nowhere, choice(scarfOnly, 'SE')).problems).toEqual([
      { code: 'dtc_no_shipping_to_country', params: { country: 'SE', currency: 'EUR' } },
    ]);
    const ignored = { ...nowhere, options: { ...nowhere.options, ignoreShipping: true } };
    expect(quoteDtcBasket(ignored, choice(scarfOnly, 'SE'))).toMatchObject({
      problems: [],
      shippingMinor: 0,
    });
  });
});

describe('any basket', () => {
  const savedLine = fc.record({
    skuId: fc.constantFrom('a', 'b', 'c', 'd'),
    quantity: fc.integer({ min: 1, max: MAX_DTC_LINE_QUANTITY }),
    specialPriceMinor: fc.option(fc.nat(200_000), { nil: null }),
  });
  const saved = fc.uniqueArray(savedLine, { selector: (line) => line.skuId, minLength: 1 });
  const asked = fc.array(
    fc.record({
      skuId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      quantity: fc.integer({ min: -2, max: MAX_DTC_LINE_QUANTITY + 2 }),
    }),
    { maxLength: 6 },
  );

  it('adds up, never sells more special units than saved, and never more than the lock allows', () => {
    fc.assert(
      fc.property(
        saved,
        asked,
        fc.boolean(),
        fc.boolean(),
        fc.nat(10_000),
        (savedLines, askedLines, lockQuantities, pricesIncludeTax, rate) => {
          const quote = quoteDtcBasket(
            facts({
              saved: savedLines,
              retailMinor: new Map(savedLines.map((line) => [line.skuId, 10_000])),
              options: { lockQuantities, ignoreShipping: false, ignoreTax: false },
              pricesIncludeTax,
              taxRateBp: rate,
            }),
            choice(askedLines),
          );
          const bySku = new Map<string, DtcSelectionLine>(
            savedLines.map((line) => [line.skuId, line]),
          );
          for (const line of quote.lines) {
            const savedLine = bySku.get(line.skuId)!;
            expect(line.specialQuantity).toBeLessThanOrEqual(savedLine.quantity);
            if (lockQuantities) expect(line.quantity).toBeLessThanOrEqual(savedLine.quantity);
            expect(line.taxMinor).toBeGreaterThanOrEqual(0);
            if (pricesIncludeTax) expect(line.taxMinor).toBeLessThanOrEqual(line.amountMinor);
          }
          const goods = quote.lines.reduce((sum, line) => sum + line.amountMinor, 0);
          expect(quote.goodsTotalMinor).toBe(goods);
          expect(quote.subtotalMinor - quote.discountMinor).toBe(goods);
          expect(quote.totalMinor).toBe(
            goods + (pricesIncludeTax ? 0 : quote.taxMinor) + quote.shippingMinor,
          );
        },
      ),
    );
  });
});
