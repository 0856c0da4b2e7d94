/**
 * The banner: the app's name at the start edge, navigation and language at the end edge
 * (which is the left edge in Arabic).
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { LanguageSwitcher } from './language-switcher';

export interface AppHeaderProps {
  aboutOpen: boolean;
  onOpenAbout(): void;
}

/** The page header with the brand, the About link and the language switcher. */
export function AppHeader({ aboutOpen, onOpenAbout }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <p className="app-header__brand">
          <span className="app-header__name">{t('app.name')}</span>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </p>
        {/* One group, so navigation and language wrap together on a narrow window. */}
        <div className="app-header__end">
          <nav aria-label={t('shell.navLabel')}>
            <Button variant="quiet" aria-current={aboutOpen ? 'page' : undefined} onClick={onOpenAbout}>
              {t('shell.about')}
            </Button>
          </nav>
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
