/**
 * Keeps the document in step with the UI language: `lang` (fonts, screen readers, hyphenation),
 * `dir` (the whole layout mirrors through logical CSS properties) and the window title.
 */
import type { i18n } from 'i18next';
import { directionOf, toLanguage } from './languages';

/** Applies the current language to `doc` once. */
export function applyDocumentLanguage(instance: i18n, doc: Document = document): void {
  const language = toLanguage(instance.resolvedLanguage ?? instance.language);
  doc.documentElement.lang = language;
  doc.documentElement.dir = directionOf(language);
  doc.title = instance.t('app.name');
}

/** Applies the language now and on every change; returns the function that stops following. */
export function bindDocumentLanguage(instance: i18n, doc: Document = document): () => void {
  const apply = () => applyDocumentLanguage(instance, doc);
  apply();
  instance.on('languageChanged', apply);
  return () => instance.off('languageChanged', apply);
}
