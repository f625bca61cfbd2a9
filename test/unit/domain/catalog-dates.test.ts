import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  catalogAccess,
  checkOrderDeadlines,
  datesPassed,
  styleAccess,
  type CatalogDates,
} from '../../../main/domain/catalog-dates.ts';
import { CATALOG_STATUSES } from '../../../main/domain/model.ts';

const NOW = new Date('2027-03-01T12:00:00.000Z');
const day = (offset: number) => new Date(NOW.getTime() + offset * 86_400_000).toISOString();
const catalog = (overrides: Partial<CatalogDates> = {}): CatalogDates => ({
  name: 'AW27',
  status: 'Open',
  publicationAt: day(-10),
  orderDeadlineAt: day(10),
  ...overrides,
});

describe('a catalog’s dates', () => {
  it('show and let buyers order between publication and deadline, Open or Limited alike', () => {
    expect(catalogAccess(catalog(), NOW)).toEqual({ visible: true, orderable: true });
    expect(catalogAccess(catalog({ status: 'Limited' }), NOW)).toEqual({
      visible: true,
      orderable: true,
    });
    expect(catalogAccess(catalog({ publicationAt: null, orderDeadlineAt: null }), NOW)).toEqual({
      visible: true,
      orderable: true,
    });
  });

  it('hide a catalog before its publication date, and show it from that instant on', () => {
    const later = catalog({ publicationAt: NOW.toISOString() });
    expect(catalogAccess(later, new Date(NOW.getTime() - 1))).toEqual({
      visible: false,
      orderable: false,
      reason: {
        code: 'not_published',
        params: { catalog: 'AW27', publishAt: later.publicationAt },
      },
    });
    expect(catalogAccess(later, NOW)).toEqual({ visible: true, orderable: true });
  });

  it('stop orders from the deadline on, the catalog still shown', () => {
    const closing = catalog({ orderDeadlineAt: NOW.toISOString() });
    expect(catalogAccess(closing, new Date(NOW.getTime() - 1)).orderable).toBe(true);
    expect(catalogAccess(closing, NOW)).toEqual({
      visible: true,
      orderable: false,
      reason: {
        code: 'deadline_passed',
        params: { catalog: 'AW27', deadline: closing.orderDeadlineAt },
      },
    });
  });

  it('hide a Closed catalog whatever its dates', () => {
    expect(catalogAccess(catalog({ status: 'Closed' }), NOW)).toEqual({
      visible: false,
      orderable: false,
      reason: { code: 'catalog_closed', params: { catalog: 'AW27' } },
    });
  });

  it('count a date that does not parse as no date', () => {
    expect(catalogAccess(catalog({ publicationAt: 'soon', orderDeadlineAt: '' }), NOW)).toEqual({
      visible: true,
      orderable: true,
    });
  });
});

describe('a style in several catalogs', () => {
  it('is as open as its most permissive catalog', () => {
    const capsule = catalog({ name: 'Capsule', orderDeadlineAt: day(-1) });
    const main = catalog({ name: 'Main' });
    expect(styleAccess([capsule, main], NOW)).toEqual({ visible: true, orderable: true });
  });

  it('names the latest passed deadline before an unpublished or closed catalog', () => {
    const access = styleAccess(
      [
        catalog({ name: 'Closed', status: 'Closed' }),
        catalog({ name: 'Next', publicationAt: day(5) }),
        catalog({ name: 'Early', orderDeadlineAt: day(-20) }),
        catalog({ name: 'Late', orderDeadlineAt: day(-2) }),
      ],
      NOW,
    );
    expect(access).toMatchObject({
      visible: true,
      orderable: false,
      reason: { code: 'deadline_passed', params: { catalog: 'Late' } },
    });
  });

  it('names the earliest publication date while none is published', () => {
    const access = styleAccess(
      [
        catalog({ name: 'Later', publicationAt: day(9) }),
        catalog({ name: 'Sooner', publicationAt: day(3) }),
        catalog({ name: 'Closed', status: 'Closed' }),
      ],
      NOW,
    );
    expect(access).toMatchObject({
      visible: false,
      reason: { code: 'not_published', params: { catalog: 'Sooner' } },
    });
  });

  it('in no catalog is shown and orderable', () => {
    expect(styleAccess([], NOW)).toEqual({ visible: true, orderable: true });
  });
});

const anyCatalog = fc.record({
  name: fc.constantFrom('A', 'B', 'C'),
  status: fc.constantFrom(...CATALOG_STATUSES),
  publicationAt: fc.option(fc.integer({ min: -30, max: 30 }).map(day), { nil: null }),
  orderDeadlineAt: fc.option(fc.integer({ min: -30, max: 30 }).map(day), { nil: null }),
});
const anyNow = fc.integer({ min: -40, max: 40 }).map((offset) => new Date(day(offset)));

describe('catalog dates, for any catalogs and any time', () => {
  it('let buyers order a style only where some catalog of it is shown and open, and never order what they cannot see', () => {
    fc.assert(
      fc.property(fc.array(anyCatalog, { minLength: 1, maxLength: 5 }), anyNow, (catalogs, now) => {
        const access = styleAccess(catalogs, now);
        const each = catalogs.map((one) => catalogAccess(one, now));
        expect(access.orderable).toBe(each.some((one) => one.orderable));
        expect(access.visible).toBe(each.some((one) => one.visible));
        if (access.orderable) expect(access.visible).toBe(true);
      }),
    );
  });

  it('change a style’s answer only when a date passes (the cache key moves with it)', () => {
    fc.assert(
      fc.property(fc.array(anyCatalog, { maxLength: 5 }), anyNow, anyNow, (catalogs, a, b) => {
        if (datesPassed(catalogs, a) === datesPassed(catalogs, b)) {
          expect(styleAccess(catalogs, a)).toEqual(styleAccess(catalogs, b));
        }
      }),
    );
  });

  it('only go one way as time passes: once past its deadline, a catalog never reopens', () => {
    fc.assert(
      fc.property(anyCatalog, anyNow, anyNow, (one, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const before = catalogAccess(one, early);
        const after = catalogAccess(one, late);
        if (!before.orderable && before.reason.code === 'deadline_passed') {
          expect(after.orderable).toBe(false);
        }
        expect(datesPassed([one], late)).toBeGreaterThanOrEqual(datesPassed([one], early));
      }),
    );
  });
});

describe('a buyer’s checkout against the deadlines', () => {
  const line = (styleNumber: string, orderable: boolean, ordered = true) => ({
    styleId: `style-${styleNumber}`,
    styleNumber,
    ordered,
    orderable,
  });

  it('goes through with every style open, or with the passed ones the page left out', () => {
    expect(checkOrderDeadlines([line('A', true), line('B', true)], new Set())).toEqual({
      ok: true,
    });
    expect(checkOrderDeadlines([line('A', true), line('B', false)], new Set(['style-B']))).toEqual({
      ok: true,
    });
  });

  it('is refused naming each style past its deadline the buyer was not shown as left out', () => {
    expect(
      checkOrderDeadlines(
        [line('A', true), line('B', false), line('B', false), line('C', false)],
        new Set(['style-C']),
      ),
    ).toEqual({ ok: false, code: 'deadline_passed', params: { styles: 'B', count: 1 } });
  });

  it('is refused when nothing orderable remains, naming what passed', () => {
    expect(
      checkOrderDeadlines([line('A', false), line('Z', true, false)], new Set(['style-A'])),
    ).toEqual({ ok: false, code: 'deadline_passed', params: { styles: 'A', count: 1 } });
  });
});
