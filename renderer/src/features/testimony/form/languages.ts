/**
 * Languages a narrative, a translation or an interview can be in: the ones Syrian documentation
 * work meets most, labelled through the record-form kit (`recordForms.languages`). Codes are
 * BCP 47 tags as the domain stores them.
 */
export const CASE_LANGUAGES = ['ar', 'en', 'ku', 'tr', 'fr', 'de'] as const;
export type CaseLanguage = (typeof CASE_LANGUAGES)[number];

/** True for a tag the lists offer (a record imported from elsewhere may carry another). */
export function isCaseLanguage(tag: string): tag is CaseLanguage {
  return (CASE_LANGUAGES as readonly string[]).includes(tag);
}
