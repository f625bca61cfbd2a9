/**
 * Dates and times as a person types and reads them in the showroom: in this computer's
 * time zone ("Set the link publication date and time based on the timezone set in your
 * browser"), stored as instants.
 */

/** The computer's time zone, as forms name it (e.g. "Asia/Tokyo"). */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The zone with its offset now, e.g. "Asia/Tokyo (GMT+9)". */
export function localZoneWithOffset(language: string): string {
  const offset = new Intl.DateTimeFormat(language, { timeZoneName: 'shortOffset' })
    .formatToParts(new Date())
    .find((part) => part.type === 'timeZoneName')?.value;
  return offset ? `${localZone()} (${offset})` : localZone();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as a datetime-local field shows it: the wall clock of this computer's zone. */
export function localInput(iso: string | null): string {
  if (iso === null) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * What was typed as an instant: empty is no date; a wall-clock time is read in this
 * computer's zone (the Date constructor does so for a time without an offset); anything
 * else is kept as typed, for the domain to call it no date at its field.
 */
export function instantOf(text: string): string | null {
  const typed = text.trim();
  if (typed === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(typed)) return typed;
  const at = new Date(typed);
  return Number.isNaN(at.getTime()) ? typed : at.toISOString();
}

/** A date and time in the computer's zone, e.g. "1 May 2027, 09:00"; null for no date. */
export function formatDateTime(iso: string | null, language: string): string | null {
  if (iso === null) return null;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
