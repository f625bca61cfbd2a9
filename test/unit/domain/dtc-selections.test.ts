import { describe, expect, it } from 'vitest';
import {
  dtcSelectionProblems,
  dtcSelectionTotals,
  mayLinkDtcSelection,
  parseDtcQuantity,
  parseSpecialPrice,
} from '../../../main/domain/dtc-selections.ts';
import { MAX_DTC_LINE_QUANTITY, MAX_DTC_SELECTION_LINES } from '../../../main/domain/dtc.ts';

const line = (skuId: string, quantity: number, specialPriceMinor: number | null = null) => ({
  skuId,
  quantity,
  specialPriceMinor,
});

describe('a DTC selection as Save sends it', () => {
  it('is fine with a name and lines of 1 to 999 units, special prices from zero', () => {
    expect(
      dtcSelectionProblems({
        name: 'For Aiko',
        lines: [line('a', 1, 0), line('b', MAX_DTC_LINE_QUANTITY)],
      }),
    ).toEqual([]);
  });

  it('refuses fractional, zero, negative and too many units at the line', () => {
    const problems = dtcSelectionProblems({
      name: 'For Aiko',
      lines: [line('a', 1.5), line('b', 0), line('c', -2), line('d', MAX_DTC_LINE_QUANTITY + 1)],
    });
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['lines.0.quantity', 'quantity_not_whole'],
      ['lines.1.quantity', 'quantity_out_of_range'],
      ['lines.2.quantity', 'quantity_out_of_range'],
      ['lines.3.quantity', 'quantity_out_of_range'],
    ]);
  });

  it('refuses a special price below zero, a SKU twice, no name and too many lines', () => {
    expect(
      dtcSelectionProblems({ name: ' ', lines: [line('a', 1, -1), line('a', 2)] }).map(
        (problem) => [problem.field, problem.code],
      ),
    ).toEqual([
      ['name', 'name_required'],
      ['lines.0.specialPriceMinor', 'special_price_negative'],
      ['lines.1', 'sku_twice'],
    ]);
    const many = Array.from({ length: MAX_DTC_SELECTION_LINES + 1 }, (_, index) =>
      line(`sku-${index}`, 1),
    );
    expect(dtcSelectionProblems({ name: 'Many', lines: many })).toEqual([
      { field: 'lines', code: 'too_many_lines', params: { max: MAX_DTC_SELECTION_LINES } },
    ]);
  });
});

describe('what is typed into the editor', () => {
  it('reads quantities: blank leaves the size out, decimals and signs are refused', () => {
    expect(parseDtcQuantity(' ')).toEqual({ ok: true, quantity: 0 });
    expect(parseDtcQuantity('12')).toEqual({ ok: true, quantity: 12 });
    expect(parseDtcQuantity('1.5')).toMatchObject({ ok: false, code: 'quantity_not_whole' });
    expect(parseDtcQuantity('-1')).toMatchObject({ ok: false, code: 'quantity_out_of_range' });
    expect(parseDtcQuantity('1000')).toMatchObject({
      ok: false,
      code: 'quantity_out_of_range',
      params: { max: MAX_DTC_LINE_QUANTITY },
    });
  });

  it('reads a special price in the currency’s units, blank for none', () => {
    expect(parseSpecialPrice('', 'EUR')).toEqual({ ok: true, specialPriceMinor: null });
    expect(parseSpecialPrice('99.50', 'EUR')).toEqual({ ok: true, specialPriceMinor: 9950 });
    expect(parseSpecialPrice('12000', 'JPY')).toEqual({ ok: true, specialPriceMinor: 12000 });
    expect(parseSpecialPrice('0', 'EUR')).toEqual({ ok: true, specialPriceMinor: 0 });
    expect(parseSpecialPrice('-5', 'EUR')).toMatchObject({ code: 'special_price_negative' });
    expect(parseSpecialPrice('1.5', 'JPY')).toMatchObject({ code: 'special_price_not_amount' });
  });
});

describe('totals and links', () => {
  it('charges the special price where set, the retail price elsewhere', () => {
    expect(
      dtcSelectionTotals([
        { quantity: 2, specialPriceMinor: 5000, retailMinor: 8000 },
        { quantity: 1, specialPriceMinor: null, retailMinor: 3000 },
      ]),
    ).toEqual({ units: 3, retailMinor: 19000, totalMinor: 13000 });
  });

  it('makes a link only from a selection with lines that no purchase deleted', () => {
    expect(mayLinkDtcSelection({ deletedAt: null, lineCount: 2 })).toEqual({ ok: true });
    expect(mayLinkDtcSelection({ deletedAt: null, lineCount: 0 })).toMatchObject({
      code: 'selection_empty',
    });
    expect(mayLinkDtcSelection({ deletedAt: '2026-11-30T10:00:00Z', lineCount: 2 })).toMatchObject({
      code: 'selection_deleted',
    });
  });
});
