import { describe, expect, it } from 'vitest';
import {
  catalogProblems,
  catalogRemovalProblem,
  catalogStyleProblems,
  MAX_CATALOG_NAME,
  MAX_CATALOG_RATE_GROUPS,
  MAX_CATALOG_SEASON,
  MAX_STYLES_PER_CATALOG,
  normalizedPaymentMethods,
  catalogShippingGroupIds,
  styleNumberColumn,
  type CatalogSettings,
} from '../../../main/domain/catalogs.ts';

const GOOD: CatalogSettings = {
  name: 'SS27 Main',
  season: 'SS27',
  status: 'Open',
  publicationAt: '2027-01-10T09:00:00.000Z',
  orderDeadlineAt: '2027-03-01T23:00:00.000Z',
  addressField: 'show',
  paymentMethods: ['outside_app'],
  shippingRateGroupIds: ['g1'],
};

const codes = (catalog: Partial<CatalogSettings>) =>
  catalogProblems({ ...GOOD, ...catalog }).map(({ field, code }) => `${field}:${code}`);

describe('a catalog an admin saves', () => {
  it('passes with every field set, and with no dates or groups', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ publicationAt: null, orderDeadlineAt: null, shippingRateGroupIds: [] })).toEqual(
      [],
    );
    expect(codes({ orderDeadlineAt: '2027-03-01T23:00:00+09:00', status: 'Limited' })).toEqual([]);
  });

  it('needs a name within the limit, trimmed', () => {
    expect(codes({ name: '   ' })).toEqual(['name:catalog_name_required']);
    expect(codes({ name: ` ${'x'.repeat(MAX_CATALOG_NAME)} ` })).toEqual([]);
    expect(codes({ name: 'x'.repeat(MAX_CATALOG_NAME + 1) })).toEqual([
      'name:catalog_name_too_long',
    ]);
  });

  it('bounds the season and knows the statuses and address field', () => {
    expect(codes({ season: 'x'.repeat(MAX_CATALOG_SEASON + 1) })).toEqual([
      'season:catalog_season_too_long',
    ]);
    expect(codes({ status: 'Public' as never })).toEqual(['status:catalog_status_invalid']);
    expect(codes({ addressField: 'maybe' as never })).toEqual([
      'addressField:catalog_address_field_invalid',
    ]);
  });

  it('takes instants only, and a deadline after the publication', () => {
    expect(codes({ publicationAt: '10 Jan 2027' })).toEqual(['publicationAt:catalog_date_invalid']);
    expect(codes({ orderDeadlineAt: '2027-02-30T10:00:00Z' })).toEqual([
      'orderDeadlineAt:catalog_date_invalid',
    ]);
    expect(codes({ orderDeadlineAt: GOOD.publicationAt })).toEqual([
      'orderDeadlineAt:catalog_deadline_before_publication',
    ]);
    expect(codes({ orderDeadlineAt: '2027-01-01T00:00:00Z' })).toEqual([
      'orderDeadlineAt:catalog_deadline_before_publication',
    ]);
    expect(codes({ publicationAt: null, orderDeadlineAt: '2020-01-01T00:00:00Z' })).toEqual([]);
  });

  it('allows at least one known payment method', () => {
    expect(codes({ paymentMethods: [] })).toEqual([
      'paymentMethods:catalog_payment_method_required',
    ]);
    expect(codes({ paymentMethods: ['outside_app', 'cheque'] })).toEqual([
      'paymentMethods:catalog_payment_method_invalid',
    ]);
    expect(normalizedPaymentMethods(['outside_app', 'cheque', 'outside_app'])).toEqual([
      'outside_app',
    ]);
  });

  it('names at most so many rate groups', () => {
    const ids = Array.from({ length: MAX_CATALOG_RATE_GROUPS + 1 }, (_, i) => `g${i}`);
    expect(codes({ shippingRateGroupIds: ids.slice(1) })).toEqual([]);
    expect(codes({ shippingRateGroupIds: ids })).toEqual([
      'shippingRateGroupIds:catalog_too_many_rate_groups',
    ]);
  });
});

describe('the styles in a catalog', () => {
  it('are each there once, up to the limit', () => {
    expect(catalogStyleProblems(['a', 'b'])).toEqual([]);
    expect(catalogStyleProblems(['a', 'b', 'a'])).toEqual([
      { field: 'styles', code: 'catalog_style_repeated', params: { index: 2 } },
    ]);
    const many = Array.from({ length: MAX_STYLES_PER_CATALOG + 1 }, (_, i) => `p${i}`);
    expect(catalogStyleProblems(many.slice(1))).toEqual([]);
    expect(catalogStyleProblems(many)[0]?.code).toBe('catalog_too_many_styles');
  });

  it('keep the catalog until they are taken out', () => {
    expect(catalogRemovalProblem(0)).toBeNull();
    expect(catalogRemovalProblem(3)).toEqual({
      field: 'styles',
      code: 'catalog_not_empty',
      params: { count: 3 },
    });
  });
});

describe('a CSV of a catalog’s styles', () => {
  it('finds the style number column by its usual headers', () => {
    expect(styleNumberColumn(['name', 'style_number'])).toBe(1);
    expect(styleNumberColumn([' Style Number '])).toBe(0);
    expect(styleNumberColumn(['Style No.', 'x'])).toBe(0);
    expect(styleNumberColumn(['sku', 'name'])).toBeNull();
  });
});

describe('the catalog level of an order’s shipping', () => {
  it('is the groups of the catalogs in name order, each once', () => {
    expect(
      catalogShippingGroupIds([
        { id: 'c2', name: 'SS27 Main', shippingRateGroupIds: ['express', 'standard'] },
        { id: 'c1', name: 'AW27 Capsule', shippingRateGroupIds: ['freight', 'express'] },
        { id: 'c3', name: 'Basics', shippingRateGroupIds: [] },
      ]),
    ).toEqual(['freight', 'express', 'standard']);
    expect(catalogShippingGroupIds([])).toEqual([]);
  });
});
