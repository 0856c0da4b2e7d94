/**
 * The languages and scripts offered for a name. Runs anywhere. Tags are BCP 47 as
 * shared/domain accepts them; `ar-Latn` is Arabic written in Latin letters (a transliteration).
 * A stored tag not in this list (an imported record) is still offered, so editing never
 * changes it silently.
 */
import type { TFunction } from 'i18next';

/** Tags offered in the language select, in this order. */
export const NAME_LANGUAGE_TAGS = ['ar', 'en', 'ar-Latn', 'fr', 'de', 'ku', 'tr'] as const;

/** The offered tags plus `current` when it is not one of them. */
export function languageOptions(current: string): string[] {
  const tags: string[] = [...NAME_LANGUAGE_TAGS];
  if (current !== '' && !tags.includes(current)) tags.push(current);
  return tags;
}

/** The label of a tag in the UI language. */
export function languageLabel(t: TFunction, tag: string): string {
  switch (tag) {
    case 'ar':
      return t('recordForms.languages.ar');
    case 'en':
      return t('recordForms.languages.en');
    case 'ar-Latn':
      return t('recordForms.languages.ar-Latn');
    case 'fr':
      return t('recordForms.languages.fr');
    case 'de':
      return t('recordForms.languages.de');
    case 'ku':
      return t('recordForms.languages.ku');
    case 'tr':
      return t('recordForms.languages.tr');
    default:
      return t('recordForms.languages.other', { tag });
  }
}
