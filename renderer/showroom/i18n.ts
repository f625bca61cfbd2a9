import { initI18n, type Language } from '../ui/i18n.ts';
import { en } from './locales/en.ts';
import { ja } from './locales/ja.ts';

export function initShowroomI18n(language: Language) {
  return initI18n({ en: { translation: en }, ja: { translation: ja } }, language);
}
