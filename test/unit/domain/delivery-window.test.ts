import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_PO_NUMBER,
  deliveryWindow,
  isIsoDate,
  poNumber,
} from '../../../main/domain/delivery-window.ts';

describe('ISO dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2027-03-15')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const text of ['2027-02-29', '2027-13-01', '2027-04-31', '2027-00-10', '2027-3-15']) {
      expect(isIsoDate(text)).toBe(false);
    }
    expect(isIsoDate('2027-03-15T00:00:00Z')).toBe(false);
    expect(isIsoDate('15/03/2027')).toBe(false);
  });
});

describe('the requested delivery window', () => {
  const catalog = { shipStart: '2027-02-01', cancelDate: '2027-03-31' };

  it('keeps the dates asked', () => {
    expect(deliveryWindow({ shipStart: '2027-02-15', cancelDate: '2027-03-15' }, catalog)).toEqual({
      ok: true,
      window: { shipStart: '2027-02-15', cancelDate: '2027-03-15' },
    });
  });

  it("takes the catalog's default for a date left empty, else leaves it open", () => {
    expect(deliveryWindow({ shipStart: ' ', cancelDate: '2027-03-15' }, catalog)).toEqual({
      ok: true,
      window: { shipStart: '2027-02-01', cancelDate: '2027-03-15' },
    });
    expect(deliveryWindow({}, catalog)).toEqual({ ok: true, window: catalog });
    expect(deliveryWindow({ shipStart: null })).toEqual({
      ok: true,
      window: { shipStart: null, cancelDate: null },
    });
  });

  it('allows a one-day window, refuses one that ends before it starts', () => {
    expect(deliveryWindow({ shipStart: '2027-03-01', cancelDate: '2027-03-01' }).ok).toBe(true);
    expect(deliveryWindow({ shipStart: '2027-03-02', cancelDate: '2027-03-01' })).toEqual({
      ok: false,
      code: 'cancel_before_ship_start',
      params: { shipStart: '2027-03-02', cancelDate: '2027-03-01' },
    });
    // A start asked after the catalog's default cancel date: the rep moves the cancel date too.
    expect(deliveryWindow({ shipStart: '2027-04-15' }, catalog)).toMatchObject({
      code: 'cancel_before_ship_start',
    });
  });

  it('refuses a date that is not one, naming its field', () => {
    expect(deliveryWindow({ cancelDate: '31/03/2027' })).toEqual({
      ok: false,
      code: 'invalid_date',
      params: { field: 'cancelDate' },
    });
  });

  it('whatever is typed, an accepted window never ends before it starts', () => {
    const date = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const typed = fc.option(fc.oneof(date, fc.string({ maxLength: 12 })));
    fc.assert(
      fc.property(typed, typed, (shipStart, cancelDate) => {
        const answer = deliveryWindow({ shipStart, cancelDate });
        if (!answer.ok) return;
        const { shipStart: start, cancelDate: end } = answer.window;
        if (start !== null && end !== null) expect(end >= start).toBe(true);
      }),
    );
  });
});

describe('PO numbers', () => {
  it('keeps a PO number trimmed, none when empty', () => {
    expect(poNumber('  PO-4471 ')).toEqual({ ok: true, poNumber: 'PO-4471' });
    expect(poNumber('   ')).toEqual({ ok: true, poNumber: null });
    expect(poNumber('x'.repeat(MAX_PO_NUMBER)).ok).toBe(true);
  });

  it('refuses one too long, a 10 KB paste included, with the limit', () => {
    const refusal = { ok: false, code: 'po_number_too_long', params: { max: MAX_PO_NUMBER } };
    expect(poNumber('x'.repeat(MAX_PO_NUMBER + 1))).toEqual(refusal);
    expect(poNumber('7'.repeat(10 * 1024))).toEqual(refusal);
  });

  it('refuses control characters', () => {
    expect(poNumber('PO\n4471')).toEqual({ ok: false, code: 'po_number_invalid', params: {} });
    expect(poNumber('PO\u00004471')).toMatchObject({ code: 'po_number_invalid' });
  });
});
