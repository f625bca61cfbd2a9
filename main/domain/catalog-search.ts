/**
 * How a rep's typed or scanned text becomes a catalog search. Style numbers, names and
 * colourway names are matched as lower-case substrings, every word having to match;
 * a run of 8–14 digits may also be a scanned barcode (GTIN-8 to GTIN-14).
 */
export interface CatalogQuery {
  /** The text as the rep typed it, trimmed, for display. */
  text: string;
  /** Lower-case words, each of which must appear in a style's searchable text. */
  terms: string[];
  /** Set when the whole query could be a barcode. */
  barcode: string | null;
  /** Lower-case whole query, for ranking an exact style-number hit first. */
  styleNumber: string;
}

const BARCODE = /^\d{8,14}$/;
const MAX_TERMS = 8;

export function parseCatalogQuery(text: string): CatalogQuery {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const lower = trimmed.toLocaleLowerCase('en');
  const terms = [...new Set(lower.split(' ').filter((term) => term.length > 0))].slice(
    0,
    MAX_TERMS,
  );
  return {
    text: trimmed,
    terms,
    barcode: BARCODE.test(trimmed) ? trimmed : null,
    styleNumber: lower,
  };
}

/** A term as a LIKE pattern that matches it literally anywhere (escape character: backslash). */
export function containsPattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

export function prefixPattern(term: string): string {
  return `${escapeLike(term)}%`;
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * The style Enter opens among the answers to what the rep typed: the one picked with the
 * arrow keys, else the exact style number, else the best match. Null when none matched.
 */
export function styleForEnter<Style extends { styleNumber: string }>(
  typed: string,
  answers: readonly Style[],
  picked = 0,
): Style | null {
  const wanted = parseCatalogQuery(typed).styleNumber;
  const exact = answers.find((style) => style.styleNumber.toLocaleLowerCase('en') === wanted);
  if (picked === 0 && exact) return exact;
  return answers[picked] ?? null;
}
