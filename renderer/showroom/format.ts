/** Times and shares as a person reads them, in the UI's language. */

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 seconds ago", "3 minutes ago", "yesterday"; null when there is no time. */
export function relativeTime(iso: string | null, now: number, language: string): string | null {
  if (iso === null) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const seconds = Math.round((at - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  // Under ten seconds reads as "now": the clocks of two machines never agree that closely.
  return format.format(Math.abs(seconds) < 10 ? 0 : seconds, 'second');
}

/** A calendar date, e.g. "12 Mar 2025" or "2025年3月12日". */
export function formatDate(iso: string, language: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(at);
}

/**
 * How much of something is done, e.g. "35%" or "35 %" as the language writes it; rounded
 * down, so nothing reads 100% before it is.
 */
export function formatShare(fraction: number, language: string): string {
  const share = Math.floor(Math.min(1, Math.max(0, fraction)) * 100) / 100;
  return new Intl.NumberFormat(language, { style: 'percent' }).format(share);
}
