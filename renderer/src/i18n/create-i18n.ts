/**
 * The i18next instance of one app root. Resources are bundled: no backend, no network, and
 * initialisation is synchronous, so the first render is already translated.
 */
import i18next, { type i18n } from 'i18next';
import { ar } from './ar';
import { en } from './en';
import type { Language } from './languages';

/** Creates and initialises an i18n instance showing `language`; held in memory only. */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en: { translation: en }, ar: { translation: ar } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'ar'],
    initAsync: false,
    // React escapes what it renders; escaping here too would show entities.
    interpolation: { escapeValue: false },
    returnEmptyString: false,
  });
  return instance;
}
