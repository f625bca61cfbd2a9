import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_ADDRESS } from '../../../main/domain/addresses.ts';
import {
  DEFAULT_WINDOW_DAYS,
  boothOrderProblems,
  defaultDeliveryWindow,
  hasBoothOrderProblems,
  unitsOver,
  type BoothOrderTerms,
} from '../../../main/domain/booth-order.ts';
import {
  deviceShortId,
  isProvisionalOrderNumber,
  formatOrderNumber,
} from '../../../main/domain/order-number.ts';
import { availableUnits } from '../../../main/domain/stock.ts';

const address = {
  ...EMPTY_ADDRESS,
  name: 'Nordlys Tokyo',
  line1: '1-2-3 Jingumae',
  city: 'Shibuya-ku',
  country: 'JP',
};

const terms: BoothOrderTerms = {
  shipTo: address,
  billTo: address,
  shipStart: '2027-03-01',
  cancelDate: '2027-04-30',
  poNumber: 'PO-1',
  note: '',
  approvedBy: 'Aiko Tanaka',
  paymentMethod: 'outside_app',
  shipping: {
    groupId: 'g',
    country: 'JP',
    currency: 'JPY',
    amountMinor: 3000,
    freeFromMinor: null,
  },
  currency: 'JPY',
};

describe('a booth order’s terms', () => {
  it('complete, have no problems', () => {
    expect(hasBoothOrderProblems(boothOrderProblems(terms))).toBe(false);
  });

  it('name each problem at its field, with the domain’s code', () => {
    const problems = boothOrderProblems({
      ...terms,
      shipTo: { ...address, country: '' },
      billTo: { ...address, city: '' },
      shipStart: '2027-05-01',
      cancelDate: '2027-04-01',
      poNumber: 'P'.repeat(10_240),
      approvedBy: ' ',
      note: 'n'.repeat(2_001),
    });
    expect(problems.shipTo).toEqual({ country: { code: 'country_required' } });
    expect(problems.billTo).toEqual({ city: { code: 'required' } });
    expect(problems.fields).toEqual({
      cancelDate: {
        code: 'cancel_before_ship_start',
        params: { shipStart: '2027-05-01', cancelDate: '2027-04-01' },
      },
      poNumber: { code: 'po_number_too_long', params: { max: 64 } },
      approvedBy: { code: 'too_small', params: { max: 200 } },
      note: { code: 'too_big', params: { max: 2000 } },
    });
  });

  it('need a shipping rate for the ship-to country in the order’s currency', () => {
    expect(boothOrderProblems({ ...terms, shipping: null }).fields.shipping).toEqual({
      code: 'no_shipping_rate',
      params: { country: 'JP', currency: 'JPY' },
    });
    const elsewhere = { ...terms, shipTo: { ...address, country: 'SE' } };
    expect(boothOrderProblems(elsewhere).fields.shipping?.code).toBe('no_shipping_rate');
    const euros = { ...terms, currency: 'EUR' };
    expect(boothOrderProblems(euros).fields.shipping?.code).toBe('no_shipping_rate');
  });

  it('take an invalid date at its own field', () => {
    expect(boothOrderProblems({ ...terms, shipStart: '2027-02-30' }).fields).toEqual({
      shipStart: { code: 'invalid_date', params: { field: 'shipStart' } },
    });
  });
});

describe('the default delivery window', () => {
  it('starts the day after the latest order deadline of the styles ordered', () => {
    expect(
      defaultDeliveryWindow(
        ['2027-01-15T23:59:00.000Z', null, '2026-12-01T00:00:00Z'],
        '2026-11-30',
      ),
    ).toEqual({ shipStart: '2027-01-16', cancelDate: '2027-03-17' });
  });

  it('starts today when the deadlines have passed or there are none', () => {
    expect(defaultDeliveryWindow(['2026-01-01T00:00:00Z'], '2026-11-30')).toEqual({
      shipStart: '2026-11-30',
      cancelDate: '2027-01-29',
    });
    expect(defaultDeliveryWindow([], '2028-02-29').shipStart).toBe('2028-02-29');
  });

  it('is always a valid window of the usual span', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.option(
            fc.date({
              min: new Date('2000-01-01'),
              max: new Date('2090-01-01'),
              noInvalidDate: true,
            }),
          ),
        ),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        (deadlines, today) => {
          const day = today.toISOString().slice(0, 10);
          const window = defaultDeliveryWindow(
            deadlines.map((d) => d?.toISOString() ?? null),
            day,
          );
          expect(window.shipStart! >= day).toBe(true);
          const span =
            (Date.parse(window.cancelDate!) - Date.parse(window.shipStart!)) / 86_400_000;
          expect(span).toBe(DEFAULT_WINDOW_DAYS);
        },
      ),
    );
  });
});

describe('stock as the desktop counts it', () => {
  it('is on hand less what orders hold and what this device’s waiting orders ask, never below zero', () => {
    expect(availableUnits({ quantity: 12, held: 4 })).toBe(8);
    expect(availableUnits({ quantity: 12, held: 4 }, 3)).toBe(5);
    expect(availableUnits({ quantity: 3, held: 5 })).toBe(0);
    expect(availableUnits(undefined)).toBe(0);
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(10_000), (quantity, held, pending) => {
        const left = availableUnits({ quantity, held }, pending);
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left).toBeLessThanOrEqual(quantity);
      }),
    );
  });

  it('flags the units of a line beyond what is available', () => {
    expect(unitsOver(5, 3)).toBe(2);
    expect(unitsOver(2, 3)).toBe(0);
    expect(unitsOver(5, null)).toBe(0);
  });
});

describe('a device’s provisional numbers', () => {
  it('carry the tail of its id, readable and parseable', () => {
    const id = '0193a7a0-1234-7000-8000-00000abc12ef';
    expect(deviceShortId(id)).toBe('0ABC12EF');
    const number = formatOrderNumber({
      kind: 'provisional',
      deviceShortId: deviceShortId(id),
      sequence: 42,
    });
    expect(number).toBe('P-0ABC12EF-42');
    expect(isProvisionalOrderNumber(number)).toBe(true);
  });
});
