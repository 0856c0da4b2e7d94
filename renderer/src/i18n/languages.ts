/**
 * The languages the UI ships in, and how the first one is chosen.
 *
 * Each language's name is written in that language (an endonym) and never translated: a reader
 * looking for their language finds it however the UI is currently set. That is why these two
 * strings live here and not in the message files.
 */
export type Language = 'en' | 'ar';

export interface LanguageInfo {
  readonly code: Language;
  readonly endonym: string;
  readonly dir: 'ltr' | 'rtl';
}

/** Every UI language, in the order the switcher shows them. */
export const LANGUAGES: readonly LanguageInfo[] = [
  { code: 'en', endonym: 'English', dir: 'ltr' },
  { code: 'ar', endonym: 'العربية', dir: 'rtl' },
];

/** Narrows an i18next language string to a supported language (English when unknown). */
export function toLanguage(code: string | undefined): Language {
  return code === 'ar' ? 'ar' : 'en';
}

/** The writing direction of a language. */
export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The first UI language from the browser's preference: Arabic for any `ar` tag (`ar`, `ar-SY`,
 * …), English otherwise. The choice is never stored (DESIGN.md §9: nothing in localStorage).
 */
export function detectLanguage(preferred: string | undefined): Language {
  return /^ar(?:-|$)/i.test(preferred ?? '') ? 'ar' : 'en';
}
