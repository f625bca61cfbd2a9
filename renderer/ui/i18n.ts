import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

/** Languages Trunkshow's pages speak; the first is the default. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

export function asLanguage(tag: string | null | undefined): Language | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/, 1)[0];
  return LANGUAGES.find((language) => language === base) ?? null;
}

/** The first of a person's preferred languages that we speak, else English. */
export function firstSpoken(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const language = asLanguage(tag);
    if (language) return language;
  }
  return 'en';
}

export function initI18n(resources: Resource, language: Language) {
  void i18next.use(initReactI18next).init({
    resources,
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
