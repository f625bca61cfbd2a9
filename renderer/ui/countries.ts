import { COUNTRY_CODES } from '../../main/domain/addresses.ts';

export interface CountryOption {
  code: string;
  name: string;
}

const cache = new Map<string, readonly CountryOption[]>();

/**
 * Every ISO country with its name in the page's language, sorted as that language
 * sorts. The codes come from the domain's list; the names from the browser's own
 * Intl.DisplayNames (Chromium and Electron carry full ICU), so no names file is
 * bundled for any language.
 */
export function countryOptions(language: string): readonly CountryOption[] {
  const known = cache.get(language);
  if (known) return known;
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(language);
  const options = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort(
    (a, b) => collator.compare(a.name, b.name),
  );
  cache.set(language, options);
  return options;
}
