import { describe, expect, it } from 'vitest';
import {
  isTaxRateBp,
  parseTaxRatePercent,
  readTaxRate,
  taxRatePercentText,
} from '../../../main/domain/tax-rates.ts';

describe('a tax rate as an admin types it', () => {
  it.each([
    ['25', 2500],
    ['8.25', 825],
    ['8,25', 825],
    ['7.5', 750],
    [' 10 % ', 1000],
    ['10%', 1000],
    ['0', 0],
    ['0.01', 1],
    ['100', 10_000],
    ['100.00', 10_000],
  ])('reads %j as %i basis points', (typed, rateBp) => {
    expect(parseTaxRatePercent(typed)).toEqual({ ok: true, rateBp });
  });

  it.each([
    ['', 'tax_rate_required', {}],
    ['  %', 'tax_rate_required', {}],
    ['-5', 'tax_rate_negative', {}],
    ['−5', 'tax_rate_negative', {}],
    ['twenty', 'tax_rate_unreadable', { example: '8.25' }],
    ['1e2', 'tax_rate_unreadable', { example: '8.25' }],
    ['8.2.5', 'tax_rate_unreadable', { example: '8.25' }],
    ['8.125', 'tax_rate_too_precise', { decimals: 2 }],
    ['100.01', 'tax_rate_too_high', { max: 100 }],
    ['2500', 'tax_rate_too_high', { max: 100 }],
    ['99999999999', 'tax_rate_unreadable', { example: '8.25' }],
  ])('refuses %j with %s', (typed, code, params) => {
    expect(parseTaxRatePercent(typed)).toEqual({ ok: false, code, params });
  });

  it('shows a stored rate as the field takes it back', () => {
    for (const rateBp of [0, 1, 10, 750, 825, 2500, 10_000]) {
      const text = taxRatePercentText(rateBp);
      expect(parseTaxRatePercent(text)).toEqual({ ok: true, rateBp });
    }
    expect(taxRatePercentText(825)).toBe('8.25');
    expect(taxRatePercentText(750)).toBe('7.5');
    expect(taxRatePercentText(2500)).toBe('25');
  });

  it('keeps whole basis points from 0 to 100 %', () => {
    expect([0, 825, 10_000].every(isTaxRateBp)).toBe(true);
    expect([-1, 10_001, 8.5, Number.NaN].some(isTaxRateBp)).toBe(false);
  });
});

describe('a country’s tax rate from Settings', () => {
  it('is a known country and a readable rate', () => {
    expect(readTaxRate({ countryCode: 'SE', rate: '25' })).toEqual({
      ok: true,
      countryCode: 'SE',
      rateBp: 2500,
    });
  });

  it('answers every problem at its field', () => {
    expect(readTaxRate({ countryCode: '', rate: '' })).toEqual({
      ok: false,
      problems: [
        { field: 'countryCode', code: 'tax_country_required', params: {} },
        { field: 'rate', code: 'tax_rate_required', params: {} },
      ],
    });
    expect(readTaxRate({ countryCode: 'XX', rate: '8.125' })).toEqual({
      ok: false,
      problems: [
        { field: 'countryCode', code: 'tax_country_unknown', params: { country: 'XX' } },
        { field: 'rate', code: 'tax_rate_too_precise', params: { decimals: 2 } },
      ],
    });
    expect(readTaxRate({ countryCode: 'se', rate: '25' })).toMatchObject({
      ok: false,
      problems: [{ field: 'countryCode', code: 'tax_country_unknown' }],
    });
  });
});
