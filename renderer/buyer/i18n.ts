import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en.ts';
import { ja } from './locales/ja.ts';

/** Languages the buyer pages speak; the first is the default. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

function asLanguage(tag: string | null | undefined): Language | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/, 1)[0];
  return LANGUAGES.find((language) => language === base) ?? null;
}

/**
 * `?lang=` wins (a link can carry the buyer's language from their trading terms), then
 * the browser's preferred languages in order, then English.
 */
export function pickLanguage(search: string, browserLanguages: readonly string[]): Language {
  const fromQuery = asLanguage(new URLSearchParams(search).get('lang'));
  if (fromQuery) return fromQuery;
  for (const tag of browserLanguages) {
    const language = asLanguage(tag);
    if (language) return language;
  }
  return 'en';
}

export function initI18n(language: Language) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ja: { translation: ja } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (changed) => {
    document.documentElement.lang = changed;
  });
  return i18next;
}
