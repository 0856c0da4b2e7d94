/**
 * "Back" with an arrow that points the way the reading direction goes back: ← in English,
 * → in Arabic. Runs on the main thread.
 */
import { useTranslation } from 'react-i18next';

/** The arrow (hidden from screen readers) and the word. */
export function BackLabel() {
  const { t, i18n } = useTranslation();
  return (
    <>
      <span aria-hidden="true">{i18n.dir(i18n.resolvedLanguage) === 'rtl' ? '→' : '←'}</span> {t('shell.back')}
    </>
  );
}
