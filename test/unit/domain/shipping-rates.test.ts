import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_RATE_GROUP_NAME,
  rateGroupProblems,
  shippingCharge,
  shippingRatesFor,
  shippingSettingsApply,
  type ShippingRateGroup,
  type ShippingSettings,
} from '../../../main/domain/shipping-rates.ts';

const europe: ShippingRateGroup = {
  id: 'g-eu',
  name: 'Europe',
  rates: [
    { country: 'SE', currency: 'EUR', amountMinor: 2500, freeFromMinor: 100_000 },
    { country: 'DE', currency: 'EUR', amountMinor: 3000, freeFromMinor: null },
  ],
};
const express: ShippingRateGroup = {
  id: 'g-express',
  name: 'Express',
  rates: [{ country: 'SE', currency: 'EUR', amountMinor: 6000, freeFromMinor: null }],
};
const japan: ShippingRateGroup = {
  id: 'g-jp',
  name: 'Japan',
  rates: [{ country: 'JP', currency: 'JPY', amountMinor: 1500, freeFromMinor: 50_000 }],
};
const groups = new Map([europe, express, japan].map((g) => [g.id, g]));
const none: ShippingSettings = { linkGroupIds: [], catalogGroupIds: [], brandDefaultGroupId: null };

describe('shipping rates for a buyer', () => {
  it("offers the link's groups that have a rate for the country and currency, first as default", () => {
    const answer = shippingRatesFor(
      { country: 'SE', currency: 'EUR' },
      { ...none, linkGroupIds: ['g-eu', 'g-express', 'g-jp'], brandDefaultGroupId: 'g-jp' },
      groups,
    );
    expect(answer).toMatchObject({
      ok: true,
      rates: [
        { groupId: 'g-eu', groupName: 'Europe', amountMinor: 2500, source: 'link' },
        { groupId: 'g-express', amountMinor: 6000, source: 'link' },
      ],
    });
  });

  it("the link's setting wins over the catalog's", () => {
    const answer = shippingRatesFor(
      { country: 'SE', currency: 'EUR' },
      { ...none, linkGroupIds: ['g-express'], catalogGroupIds: ['g-eu'] },
      groups,
    );
    expect(answer).toMatchObject({ ok: true, rates: [{ groupId: 'g-express', source: 'link' }] });
  });

  it("falls back to the catalog's when all the link's rates are invalid for the buyer", () => {
    const answer = shippingRatesFor(
      { country: 'DE', currency: 'EUR' },
      { ...none, linkGroupIds: ['g-express', 'deleted-group'], catalogGroupIds: ['g-eu'] },
      groups,
    );
    expect(answer).toMatchObject({
      ok: true,
      rates: [{ groupId: 'g-eu', amountMinor: 3000, source: 'catalog' }],
    });
  });

  it("then to the brand's default group", () => {
    const answer = shippingRatesFor(
      { country: 'JP', currency: 'JPY' },
      { linkGroupIds: ['g-eu'], catalogGroupIds: ['g-express'], brandDefaultGroupId: 'g-jp' },
      groups,
    );
    expect(answer).toMatchObject({ ok: true, rates: [{ groupId: 'g-jp', source: 'brand' }] });
  });

  it('offers a group once even when it is named twice', () => {
    const answer = shippingRatesFor(
      { country: 'SE', currency: 'EUR' },
      { ...none, catalogGroupIds: ['g-eu', 'g-eu'] },
      groups,
    );
    expect(answer.ok && answer.rates.length).toBe(1);
  });

  it('refuses with the country and currency when no rate applies', () => {
    expect(
      shippingRatesFor(
        { country: 'SE', currency: 'SEK' },
        { linkGroupIds: ['g-eu'], catalogGroupIds: ['g-express'], brandDefaultGroupId: 'g-jp' },
        groups,
      ),
    ).toEqual({
      ok: false,
      code: 'no_shipping_rate',
      params: { country: 'SE', currency: 'SEK' },
    });
    expect(shippingRatesFor({ country: 'US', currency: 'USD' }, none, groups)).toMatchObject({
      code: 'no_shipping_rate',
    });
  });
});

describe('what shipping costs', () => {
  const rate = europe.rates[0]!;

  it('is the flat amount below the threshold, free from it on', () => {
    expect(shippingCharge(rate, 99_999)).toBe(2500);
    expect(shippingCharge(rate, 100_000)).toBe(0);
    expect(shippingCharge(rate, 250_000)).toBe(0);
  });

  it('never free without a threshold', () => {
    expect(shippingCharge(europe.rates[1]!, 10_000_000)).toBe(3000);
  });

  it('never costs more as the order grows', () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.option(fc.nat(1_000_000)),
        fc.nat(10_000_000),
        fc.nat(10_000_000),
        (amountMinor, freeFromMinor, a, b) => {
          const shipping = { country: 'SE', currency: 'EUR', amountMinor, freeFromMinor };
          const [small, large] = a <= b ? [a, b] : [b, a];
          expect(shippingCharge(shipping, large)).toBeLessThanOrEqual(
            shippingCharge(shipping, small),
          );
        },
      ),
    );
  });
});

describe('a rate group as an admin saves it', () => {
  it('accepts a well-formed group', () => {
    expect(rateGroupProblems(europe)).toEqual([]);
  });

  it('names each problem with its row', () => {
    expect(
      rateGroupProblems({
        name: ' ',
        rates: [
          { country: 'se', currency: 'EUR', amountMinor: 100, freeFromMinor: null },
          { country: 'SE', currency: 'XYZ', amountMinor: -1, freeFromMinor: null },
          { country: 'DE', currency: 'EUR', amountMinor: 1.5, freeFromMinor: null },
          { country: 'DE', currency: 'EUR', amountMinor: 100, freeFromMinor: -5 },
        ],
      }),
    ).toEqual([
      { code: 'rate_group_name_required', params: {} },
      { code: 'rate_country_invalid', params: { index: 0, country: 'se' } },
      { code: 'rate_currency_invalid', params: { index: 1, currency: 'XYZ' } },
      { code: 'rate_amount_invalid', params: { index: 1 } },
      { code: 'rate_amount_invalid', params: { index: 2 } },
      { code: 'rate_amount_invalid', params: { index: 3 } },
      { code: 'rate_duplicate', params: { index: 3, country: 'DE', currency: 'EUR' } },
    ]);
  });

  it('bounds the name', () => {
    expect(rateGroupProblems({ name: 'x'.repeat(MAX_RATE_GROUP_NAME + 1), rates: [] })).toEqual([
      { code: 'rate_group_name_too_long', params: { max: MAX_RATE_GROUP_NAME } },
    ]);
  });
});

describe('whether shipping settings apply', () => {
  const none = { linkGroupIds: [], catalogGroupIds: [], brandDefaultGroupId: null };
  it('apply when any level names a group that still exists, whatever the country', () => {
    expect(shippingSettingsApply({ ...none, brandDefaultGroupId: 'g-jp' }, groups)).toBe(true);
    expect(shippingSettingsApply({ ...none, linkGroupIds: ['gone', 'g-eu'] }, groups)).toBe(true);
    expect(shippingSettingsApply({ ...none, catalogGroupIds: ['g-express'] }, groups)).toBe(true);
  });
  it('do not apply with no group set, or only groups removed since', () => {
    expect(shippingSettingsApply(none, groups)).toBe(false);
    expect(
      shippingSettingsApply(
        { ...none, linkGroupIds: ['gone'], brandDefaultGroupId: 'also-gone' },
        groups,
      ),
    ).toBe(false);
  });
});
