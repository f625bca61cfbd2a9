import type { Catalog } from './model.ts';
import type { Refusal } from './refusal.ts';

/**
 * A catalog's publication date and order deadline, applied: whether buyers see its
 * styles now, and whether they may add or order them.
 *
 * - Closed ("Closed (Private)" in the customer-order-links spec): buyers see nothing of it,
 *   whatever its dates. Open and Limited behave alike here: Limited narrows who is
 *   offered a catalog, not when.
 * - Before its publication date: not shown to buyers.
 * - From its order deadline on: shown, but its styles can no longer be ordered.
 *
 * Reps are not bound by any of it: they sell ahead of publication, and a booth order
 * past a deadline is a fact they are warned about, never refused.
 *
 * The codes reuse the sync protocol's names (`deadline_passed` is in REFUSAL_CODES), so a
 * refusal reads the same whichever door it came through.
 */
export const CATALOG_DATE_REFUSALS = [
  'not_published',
  'deadline_passed',
  'catalog_closed',
] as const;
export type CatalogDateRefusal = (typeof CATALOG_DATE_REFUSALS)[number];

export type CatalogDates = Pick<Catalog, 'name' | 'status' | 'publicationAt' | 'orderDeadlineAt'>;

/** What buyers may do with a catalog's styles now, and, where not everything, why. */
export type CatalogAccess =
  | { readonly visible: true; readonly orderable: true }
  | {
      readonly visible: boolean;
      readonly orderable: false;
      readonly reason: Refusal<CatalogDateRefusal>;
    };

const OPEN: CatalogAccess = { visible: true, orderable: true };

/** The instant as a number; a stored date that does not parse counts as no date. */
function timeOf(instant: string | null): number | null {
  if (instant === null) return null;
  const time = Date.parse(instant);
  return Number.isNaN(time) ? null : time;
}

export function catalogAccess(catalog: CatalogDates, now: Date): CatalogAccess {
  const at = now.getTime();
  if (catalog.status === 'Closed') {
    return {
      visible: false,
      orderable: false,
      reason: { code: 'catalog_closed', params: { catalog: catalog.name } },
    };
  }
  const publishAt = timeOf(catalog.publicationAt);
  if (publishAt !== null && at < publishAt) {
    return {
      visible: false,
      orderable: false,
      reason: {
        code: 'not_published',
        params: { catalog: catalog.name, publishAt: catalog.publicationAt! },
      },
    };
  }
  const deadline = timeOf(catalog.orderDeadlineAt);
  if (deadline !== null && at >= deadline) {
    return {
      visible: true,
      orderable: false,
      reason: {
        code: 'deadline_passed',
        params: { catalog: catalog.name, deadline: catalog.orderDeadlineAt! },
      },
    };
  }
  return OPEN;
}

/**
 * A style as buyers may see and order it, from every catalog it is in: the most
 * permissive applies, since the brand offers the style through each of them (a style
 * still open in SS27 Main can be ordered though its capsule has closed). Among those that
 * say no, the buyer is told the most hopeful reason: past a deadline (the style is
 * there, the latest deadline named) before not yet published (the earliest date named)
 * before closed. A style in no catalog has no dates to apply: buyers see and order it as
 * before catalogs had dates.
 */
export function styleAccess(catalogs: Iterable<CatalogDates>, now: Date): CatalogAccess {
  let best: CatalogAccess | null = null;
  for (const catalog of catalogs) {
    const access = catalogAccess(catalog, now);
    if (access.orderable) return access;
    if (best === null || morePermissive(access, best)) best = access;
  }
  return best ?? OPEN;
}

const RANK: Record<CatalogDateRefusal, number> = {
  deadline_passed: 2,
  not_published: 1,
  catalog_closed: 0,
};

function morePermissive(
  a: Extract<CatalogAccess, { orderable: false }>,
  b: Extract<CatalogAccess, { orderable: false }>,
): boolean {
  const rank = RANK[a.reason.code] - RANK[b.reason.code];
  if (rank !== 0) return rank > 0;
  if (a.reason.code === 'deadline_passed') {
    return (
      Date.parse(String(a.reason.params.deadline)) > Date.parse(String(b.reason.params.deadline))
    );
  }
  if (a.reason.code === 'not_published') {
    return (
      Date.parse(String(a.reason.params.publishAt)) < Date.parse(String(b.reason.params.publishAt))
    );
  }
  return false;
}

/**
 * The instants at which some catalog changes what buyers may do: its publication date
 * and its deadline. An answer built for buyers is good until the next of them, so a
 * cache keyed by how many have passed never outlives one.
 */
export function datesPassed(catalogs: Iterable<CatalogDates>, now: Date): number {
  const at = now.getTime();
  let passed = 0;
  for (const catalog of catalogs) {
    for (const instant of [catalog.publicationAt, catalog.orderDeadlineAt]) {
      const time = timeOf(instant);
      if (time !== null && time <= at) passed++;
    }
  }
  return passed;
}

/** A line of a buyer's order as the deadline check sees it. */
export interface DeadlineLine {
  readonly styleId: string;
  readonly styleNumber: string;
  /** Whether the line has units the buyer asks for. */
  readonly ordered: boolean;
  readonly orderable: boolean;
}

/**
 * A buyer's checkout against the deadlines: refused (`deadline_passed`, naming the
 * styles) when a style past its deadline is in it that the buyer was not shown as left
 * out, or when nothing orderable would remain. A buyer's checkout is a request, so it is
 * refused whole and nothing is written; a rep's booth order is never checked here.
 */
export function checkOrderDeadlines(
  lines: Iterable<DeadlineLine>,
  leftOut: ReadonlySet<string>,
): { ok: true } | ({ ok: false } & Refusal<'deadline_passed'>) {
  const passed: DeadlineLine[] = [];
  let orderable = 0;
  for (const line of lines) {
    if (!line.ordered) continue;
    if (line.orderable) orderable++;
    else passed.push(line);
  }
  const unseen = passed.filter((line) => !leftOut.has(line.styleId));
  const named = unseen.length > 0 ? unseen : orderable === 0 ? passed : [];
  if (named.length === 0) return { ok: true };
  const styles = [...new Set(named.map((line) => line.styleNumber))];
  return {
    ok: false,
    code: 'deadline_passed',
    params: { styles: styles.join(', '), count: styles.length },
  };
}
