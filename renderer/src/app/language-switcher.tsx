/**
 * Switches the UI language at run time. Each button names its language in that language, with
 * a matching `lang` so screen readers pronounce it right; the choice lives in memory only.
 */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, toLanguage } from '../i18n/languages';
import { Button } from '../ui/button';

/** A labelled group of one toggle button per UI language. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = toLanguage(i18n.resolvedLanguage);
  return (
    <div role="group" aria-label={t('shell.languageLabel')} className="language-switcher">
      {LANGUAGES.map((language) => (
        <Button
          key={language.code}
          variant="quiet"
          lang={language.code}
          dir={language.dir}
          aria-pressed={language.code === current}
          onClick={() => void i18n.changeLanguage(language.code)}
        >
          {language.endonym}
        </Button>
      ))}
    </div>
  );
}
