import { COUNTRY_CODES } from '../../main/domain/addresses.ts';

export interface CountryOption {
  code: string;
  name: string;
}

const cache = new Map<string, readonly CountryOption[]>();

/**
 * Only the countries named, by name in the page's language and sorted so: a market's
 * few countries cost a phone a few names, not every country's.
 */
export function someCountryOptions(
  codes: readonly string[],
  language: string,
): readonly CountryOption[] {
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(language);
  return codes
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * Every ISO country with its name in the page's language, sorted as that language
 * sorts. The codes come from the domain's list; the names from the browser's own
 * Intl.DisplayNames (Chromium and Electron carry full ICU), so no names file is
 * bundled for any language.
 */
export function countryOptions(language: string): readonly CountryOption[] {
  const known = cache.get(language);
  if (known) return known;
  const options = someCountryOptions(COUNTRY_CODES, language);
  cache.set(language, options);
  return options;
}
