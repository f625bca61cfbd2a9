import i18next from 'i18next';
import { asLanguage, firstSpoken, initI18n, type Language } from '../ui/i18n.ts';
import { en } from './locales/en.ts';
import { ja } from './locales/ja.ts';

export { LANGUAGES, type Language } from '../ui/i18n.ts';

/**
 * `?lang=` wins (the buyer picked it on these pages), then the language of the buyer's
 * trading terms once a page knows the buyer, then the browser's preferred languages in
 * order, then English.
 */
export function pickLanguage(
  search: string,
  browserLanguages: readonly string[],
  termsLanguage: Language | null = null,
): Language {
  return (
    asLanguage(new URLSearchParams(search).get('lang')) ??
    termsLanguage ??
    firstSpoken(browserLanguages)
  );
}

function browserLanguages(): readonly string[] {
  return navigator.languages ?? [navigator.language];
}

export function initBuyerI18n() {
  return initI18n(
    { en: { translation: en }, ja: { translation: ja } },
    pickLanguage(window.location.search, browserLanguages()),
  );
}

/** A page that opened a buyer's selection speaks the language of their trading terms. */
export function speakTermsLanguage(language: Language): void {
  const chosen = pickLanguage(window.location.search, browserLanguages(), language);
  if (i18next.resolvedLanguage !== chosen) void i18next.changeLanguage(chosen);
}
