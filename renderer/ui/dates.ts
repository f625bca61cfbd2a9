/**
 * A day as the reader's language writes it in a sentence, in the reader's time zone:
 * "12 March 2027" or "2027年3月12日". For the dates a catalog's rules name (its order
 * deadline), which buyers and reps read alike.
 */
export function formatLongDate(iso: string, language: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    dateStyle: 'long',
  }).format(at);
}

/** An instant as the reader's language writes it, with its time: "1 December 2026 at 09:00". */
export function formatLongDateTime(iso: string, language: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : language, {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at);
}

/**
 * What the words for a catalog's passed deadline need, from the refusal's parameters
 * (main/domain/catalog-dates.ts): the catalog's name and its deadline as a day.
 */
export function deadlineWords(
  params: Readonly<Record<string, string | number>>,
  language: string,
): { catalog: string; date: string } {
  return {
    catalog: String(params.catalog),
    date: formatLongDate(String(params.deadline), language),
  };
}
