import { CATALOG_STATUSES, type CatalogStatus, type Id, type Instant } from './model.ts';
import { PAYMENT_METHODS, type PaymentMethod } from './order-states.ts';
import type { Refusal } from './refusal.ts';

/**
 * A catalog as the brand makes and edits it: its name and season, its status and dates
 * (applied to buyers by catalog-dates.ts), and its own checkout settings, which the
 * customer-order-links spec lets a link override: "The contents set for the link take
 * precedence over the contents set for the catalog" (address input field, payment
 * method, shipping rate groups).
 */

export const MAX_CATALOG_NAME = 120;
export const MAX_CATALOG_SEASON = 40;
/** Styles in one catalog: a link is searched at 10,000 styles (issue 13), one catalog may hold them all. */
export const MAX_STYLES_PER_CATALOG = 10_000;
/** Rate groups one catalog names: one per currency and country it sells in, with room. */
export const MAX_CATALOG_RATE_GROUPS = 50;

/**
 * The checkout's address input field: "Show address input field in checkout" or "Hide
 * the address input field in checkout". Shown regardless when shipping settings apply
 * or card payment is chosen (order-states.ts decides that at checkout).
 */
export const CATALOG_ADDRESS_FIELDS = ['show', 'hide'] as const;
export type CatalogAddressField = (typeof CATALOG_ADDRESS_FIELDS)[number];

/** What a new catalog starts with: the address asked for, paid outside the app, no rate groups. */
export const DEFAULT_CATALOG_ADDRESS_FIELD: CatalogAddressField = 'show';
export const DEFAULT_CATALOG_PAYMENT_METHODS: readonly PaymentMethod[] = ['outside_app'];

export interface CatalogSettings {
  readonly name: string;
  readonly season: string;
  readonly status: CatalogStatus;
  /** Buyers can browse from this instant; null: at once. */
  readonly publicationAt: Instant | null;
  /** Buyers can order until this instant; null: no deadline. */
  readonly orderDeadlineAt: Instant | null;
  readonly addressField: CatalogAddressField;
  /** The ways a buyer may pay for this catalog's styles; at least one. */
  readonly paymentMethods: readonly string[];
  readonly shippingRateGroupIds: readonly Id[];
}

export const CATALOG_REFUSALS = [
  'catalog_name_required',
  'catalog_name_too_long',
  'catalog_name_taken',
  'catalog_season_too_long',
  'catalog_status_invalid',
  'catalog_date_invalid',
  'catalog_deadline_before_publication',
  'catalog_address_field_invalid',
  'catalog_payment_method_required',
  'catalog_payment_method_invalid',
  'catalog_too_many_rate_groups',
  'catalog_too_many_styles',
  'catalog_style_repeated',
  'catalog_not_empty',
] as const;
export type CatalogRefusal = (typeof CATALOG_REFUSALS)[number];

/** A problem with the field it concerns, so a form can say it there. */
export interface CatalogProblem extends Refusal<CatalogRefusal> {
  readonly field: keyof CatalogSettings | 'styles';
}

function problem(
  field: CatalogProblem['field'],
  code: CatalogRefusal,
  params: Refusal['params'] = {},
): CatalogProblem {
  return { field, code, params };
}

/** An instant as stored: ISO 8601 with its offset, as Date#toISOString writes it. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Date.parse rolls 30 February over into March; a calendar day that does not exist is no date. */
export function isInstant(value: string): boolean {
  if (!INSTANT.test(value) || Number.isNaN(Date.parse(value))) return false;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  return calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

/**
 * Everything wrong with a catalog an admin saves, each at its field; none: it may be
 * saved. The name is trimmed before it is judged (and stored trimmed). A deadline at or
 * before the publication would leave buyers no moment to order in.
 */
export function catalogProblems(catalog: CatalogSettings): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const name = catalog.name.trim();
  if (name === '') problems.push(problem('name', 'catalog_name_required'));
  if (name.length > MAX_CATALOG_NAME) {
    problems.push(problem('name', 'catalog_name_too_long', { max: MAX_CATALOG_NAME }));
  }
  if (catalog.season.trim().length > MAX_CATALOG_SEASON) {
    problems.push(problem('season', 'catalog_season_too_long', { max: MAX_CATALOG_SEASON }));
  }
  if (!(CATALOG_STATUSES as readonly string[]).includes(catalog.status)) {
    problems.push(problem('status', 'catalog_status_invalid'));
  }
  const dates = (['publicationAt', 'orderDeadlineAt'] as const).map((field) => {
    const value = catalog[field];
    if (value === null) return null;
    if (!isInstant(value)) {
      problems.push(problem(field, 'catalog_date_invalid'));
      return null;
    }
    return Date.parse(value);
  });
  const [publication, deadline] = dates;
  if (publication != null && deadline != null && deadline <= publication) {
    problems.push(problem('orderDeadlineAt', 'catalog_deadline_before_publication'));
  }
  if (!(CATALOG_ADDRESS_FIELDS as readonly string[]).includes(catalog.addressField)) {
    problems.push(problem('addressField', 'catalog_address_field_invalid'));
  }
  if (catalog.paymentMethods.length === 0) {
    problems.push(problem('paymentMethods', 'catalog_payment_method_required'));
  }
  const known: readonly string[] = PAYMENT_METHODS;
  const unknown = catalog.paymentMethods.find((method) => !known.includes(method));
  if (unknown !== undefined) {
    problems.push(problem('paymentMethods', 'catalog_payment_method_invalid', { method: unknown }));
  }
  if (new Set(catalog.shippingRateGroupIds).size > MAX_CATALOG_RATE_GROUPS) {
    problems.push(
      problem('shippingRateGroupIds', 'catalog_too_many_rate_groups', {
        max: MAX_CATALOG_RATE_GROUPS,
      }),
    );
  }
  return problems;
}

/** What is wrong with the styles of a catalog, in order, by product id. */
export function catalogStyleProblems(productIds: readonly Id[]): CatalogProblem[] {
  if (productIds.length > MAX_STYLES_PER_CATALOG) {
    return [problem('styles', 'catalog_too_many_styles', { max: MAX_STYLES_PER_CATALOG })];
  }
  const seen = new Set<Id>();
  for (const [index, id] of productIds.entries()) {
    if (seen.has(id)) return [problem('styles', 'catalog_style_repeated', { index })];
    seen.add(id);
  }
  return [];
}

/**
 * Whether a catalog may be removed. A style in no catalog is open to every buyer
 * (catalog-dates.ts, styleAccess), so removing a catalog that still holds styles would
 * quietly reopen those past its deadline or behind its Closed status; the admin takes
 * the styles out first, a choice made in sight. Orders keep their own lines and never
 * point at a catalog.
 */
export function catalogRemovalProblem(styleCount: number): CatalogProblem | null {
  return styleCount > 0 ? problem('styles', 'catalog_not_empty', { count: styleCount }) : null;
}

/** Payment methods as stored: known ones only, each once, in the domain's order. */
export function normalizedPaymentMethods(methods: readonly string[]): PaymentMethod[] {
  return PAYMENT_METHODS.filter((method) => methods.includes(method));
}

/**
 * The header of the column holding style numbers in a CSV of a catalog's styles: the
 * product import's `style_number`, or the words a spreadsheet would use. Case, spaces
 * and underscores aside.
 */
export const STYLE_NUMBER_HEADERS = ['style_number', 'style_no', 'style', 'stylenumber'] as const;

/** Which column of a header holds style numbers; null when none does. */
export function styleNumberColumn(header: readonly string[]): number | null {
  const wanted: readonly string[] = STYLE_NUMBER_HEADERS;
  const index = header.findIndex((name) =>
    wanted.includes(
      name
        .trim()
        .toLowerCase()
        .replace(/[\s._]+/g, '_')
        .replace(/^_|_$/g, ''),
    ),
  );
  return index === -1 ? null : index;
}

/**
 * The "catalog" level of an order's shipping (shipping-rates.ts, ShippingSettings): the
 * rate groups of the catalogs holding the ordered styles, each group once, catalogs in
 * name order so every door resolves the same rates in the same order. Every catalog
 * holding a style counts, whatever its status: the status decides whether buyers see
 * the style, not what shipping it costs once ordered.
 */
export function catalogShippingGroupIds(
  catalogs: readonly {
    readonly id: Id;
    readonly name: string;
    readonly shippingRateGroupIds: readonly Id[];
  }[],
): Id[] {
  const ordered = [...catalogs].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  return [...new Set(ordered.flatMap((catalog) => catalog.shippingRateGroupIds))];
}
