import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from '../../ui/countries.ts';

/** A country's name in the showroom's language, by ISO code; an unknown code stays as it is. */
export function useCountryNames(): (code: string) => string {
  const { i18n } = useTranslation();
  const names = useMemo(
    () => new Map(countryOptions(i18n.language).map((country) => [country.code, country.name])),
    [i18n.language],
  );
  return (code) => names.get(code) ?? code;
}
