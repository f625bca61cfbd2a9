import { asLanguage, firstSpoken, initI18n, type Language } from '../ui/i18n.ts';
import { en } from './locales/en.ts';
import { ja } from './locales/ja.ts';

export { LANGUAGES, type Language } from '../ui/i18n.ts';

/**
 * `?lang=` wins (a link can carry the buyer's language from their trading terms), then
 * the browser's preferred languages in order, then English.
 */
export function pickLanguage(search: string, browserLanguages: readonly string[]): Language {
  return asLanguage(new URLSearchParams(search).get('lang')) ?? firstSpoken(browserLanguages);
}

export function initBuyerI18n(language: Language) {
  return initI18n({ en: { translation: en }, ja: { translation: ja } }, language);
}
