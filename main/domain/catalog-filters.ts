import { CATALOG_STATUSES, type CatalogStatus } from './model.ts';

/**
 * The facets a rep narrows the catalog with, beside what they type: one catalog, one
 * season, one category, one colour, and styles with stock. Filters combine with each
 * other and with the typed search; a style must pass all of them.
 */
export interface CatalogFilters {
  catalogId?: string | undefined;
  season?: string | undefined;
  category?: string | undefined;
  /** A colourway name, matched in any letter case (see colourKey). */
  colour?: string | undefined;
  /** Only styles with at least one SKU whose stock over all warehouses is above zero. */
  inStock?: boolean | undefined;
}

export const FILTER_NAMES = ['catalogId', 'season', 'category', 'colour', 'inStock'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/**
 * The filters that narrow anything, in a fixed order: an empty choice or a false
 * "in stock" is no filter, so two ways of saying "nothing chosen" are one search.
 */
export function activeFilters(filters: CatalogFilters): CatalogFilters {
  const active: CatalogFilters = {};
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value === undefined || value === '' || value === false) continue;
    Object.assign(active, { [name]: value });
  }
  return active;
}

export function hasActiveFilters(filters: CatalogFilters): boolean {
  return Object.keys(activeFilters(filters)).length > 0;
}

/**
 * Colourway names compared as SQLite's NOCASE compares them (ASCII letters only), so
 * the menu's colours and the store's matching agree on what counts as the same name.
 */
export function colourKey(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

export interface ColourUse {
  name: string;
  colorHex: string;
  /** How many colourways carry this name with this hex. */
  colorways: number;
}

export interface ColourChoice {
  name: string;
  colorHex: string;
}

/**
 * One menu entry per colourway name: "Navy" repeats across styles (and may be spelled
 * "NAVY" by one import), so names equal but for letter case are one colour. Each entry
 * takes the spelling and the hex most of its colourways use; ties go to the first in
 * alphabetical order, so the menu is the same on every device.
 */
export function colourChoices(uses: readonly ColourUse[]): ColourChoice[] {
  const groups = new Map<string, ColourUse[]>();
  for (const use of uses) {
    if (use.name.trim() === '') continue;
    const key = colourKey(use.name);
    const group = groups.get(key);
    if (group) group.push(use);
    else groups.set(key, [use]);
  }
  const choices = [...groups.values()].map((group) => ({
    name: mostUsed(group, (use) => use.name),
    colorHex: mostUsed(group, (use) => use.colorHex),
  }));
  return choices.sort((a, b) => compareText(a.name, b.name));
}

function mostUsed(group: readonly ColourUse[], value: (use: ColourUse) => string): string {
  const counts = new Map<string, number>();
  for (const use of group) counts.set(value(use), (counts.get(value(use)) ?? 0) + use.colorways);
  let best = '';
  let bestCount = -1;
  for (const [candidate, count] of counts) {
    if (count > bestCount || (count === bestCount && candidate < best)) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** Names in a menu: by letters, ignoring case, numbers by value ("Size 2" before "Size 10"). */
export function compareText(a: string, b: string): number {
  return (
    a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }) || (a < b ? -1 : a > b ? 1 : 0)
  );
}

/** Where a season falls in its year: spring/summer first, autumn/winter last. */
const SEASON_HALVES: Readonly<Record<string, number>> = {
  ss: 1,
  s: 1,
  spring: 1,
  summer: 1,
  aw: 2,
  fw: 2,
  f: 2,
  w: 2,
  autumn: 2,
  fall: 2,
  winter: 2,
};
const SEASON = /^([a-z]+)[\s\-/]*(\d{2}|\d{4})$/;

/** A season code as (year, half), e.g. "AW26" → 2026, 2; null when it is not one we can read. */
export function seasonOrder(season: string): { year: number; half: number } | null {
  const match = SEASON.exec(season.trim().toLowerCase());
  if (!match) return null;
  const half = SEASON_HALVES[match[1]!];
  if (half === undefined) return null;
  const digits = match[2]!;
  return { year: digits.length === 2 ? 2000 + Number(digits) : Number(digits), half };
}

/**
 * Seasons newest first, as a rep looks for the one being sold: AW27, SS27, AW26.
 * Names that are not season codes follow, in alphabetical order.
 */
export function compareSeasons(a: string, b: string): number {
  const left = seasonOrder(a);
  const right = seasonOrder(b);
  if (left && right) {
    return right.year - left.year || right.half - left.half || compareText(a, b);
  }
  if (left) return -1;
  if (right) return 1;
  return compareText(a, b);
}

/** Catalogs a rep can still sell from come first: open, then limited, then closed. */
export function compareCatalogs(
  a: { name: string; status: CatalogStatus },
  b: { name: string; status: CatalogStatus },
): number {
  return (
    CATALOG_STATUSES.indexOf(a.status) - CATALOG_STATUSES.indexOf(b.status) ||
    compareText(a.name, b.name)
  );
}

/** What the filter menus offer, as far as deciding whether a chosen filter still fits. */
export interface OfferedFilters {
  catalogIds: readonly string[];
  seasons: readonly string[];
  categories: readonly string[];
  colours: readonly string[];
}

/**
 * The filters the brand's catalog can still satisfy. A sync may remove the catalog a rep
 * filtered by, or a sign-in switch to another brand; a filter no menu offers any more
 * could only ever match nothing, so it is let go instead of leaving an empty grid.
 */
export function filtersStillOffered(
  filters: CatalogFilters,
  offered: OfferedFilters,
): CatalogFilters {
  const active = activeFilters(filters);
  const colours = new Set(offered.colours.map(colourKey));
  const kept: CatalogFilters = { ...active };
  if (active.catalogId !== undefined && !offered.catalogIds.includes(active.catalogId)) {
    delete kept.catalogId;
  }
  if (active.season !== undefined && !offered.seasons.includes(active.season)) delete kept.season;
  if (active.category !== undefined && !offered.categories.includes(active.category)) {
    delete kept.category;
  }
  if (active.colour !== undefined && !colours.has(colourKey(active.colour))) delete kept.colour;
  return kept;
}
