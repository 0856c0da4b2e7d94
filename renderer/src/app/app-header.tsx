/**
 * The banner: the app's name at the start edge; navigation, the lock button and language at
 * the end edge (which is the left edge in Arabic). The vault's sections and the lock button
 * appear only while the vault is open.
 */
import { useTranslation } from 'react-i18next';
import { LOCK_ARIA_SHORTCUTS, lockShortcutLabel } from '../features/lock/lock-shortcut';
import { Button } from '../ui/button';
import { LanguageSwitcher } from './language-switcher';
import type { NavigationScreen, Section } from './navigation';

export interface AppHeaderProps {
  current: NavigationScreen | null;
  /** Show Home, Audit trail and Settings (the vault is open and no step is pending). */
  showVaultNav: boolean;
  onGo(section: Section | null): void;
  onOpenAbout(): void;
  /** Given while the vault is open: the Lock button calls it. */
  onLock?: (() => void) | undefined;
}

const currentIf = (active: boolean) => (active ? 'page' : undefined);

/** The page header with the brand, navigation, Lock and the language switcher. */
export function AppHeader({ current, showVaultNav, onGo, onOpenAbout, onLock }: AppHeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header__inner">
        <p className="app-header__brand">
          <span className="app-header__name">{t('app.name')}</span>
          <span className="app-header__tagline">{t('app.tagline')}</span>
        </p>
        {/* One group, so navigation, Lock and language wrap together on a narrow window. */}
        <div className="app-header__end">
          <nav aria-label={t('shell.navLabel')} className="app-header__nav">
            {showVaultNav && (
              <>
                <Button variant="quiet" aria-current={currentIf(current === null)} onClick={() => onGo(null)}>
                  {t('shell.home')}
                </Button>
                <Button variant="quiet" aria-current={currentIf(current === 'testimonies' || current === 'testimony')} onClick={() => onGo('testimonies')}>
                  {t('testimony.nav')}
                </Button>
                <Button variant="quiet" aria-current={currentIf(current === 'search')} onClick={() => onGo('search')}>
                  {t('search.title')}
                </Button>
                <Button variant="quiet" aria-current={currentIf(current === 'facilities' || current === 'facility' || current === 'facility-edit')} onClick={() => onGo('facilities')}>
                  {t('facility.listTitle')}
                </Button>
                <Button variant="quiet" aria-current={currentIf(current === 'perpetrators' || current === 'perpetrator' || current === 'perpetrator-edit')} onClick={() => onGo('perpetrators')}>
                  {t('perpetrator.listTitle')}
                </Button>
                <Button variant="quiet" aria-current={currentIf(current === 'duplicates')} onClick={() => onGo('duplicates')}>
                  {t('duplicates.nav')}
                </Button>
                <Button variant="quiet" aria-current={currentIf(current === 'import')} onClick={() => onGo('import')}>
                  {t('import.nav')}
                </Button>
                <Button variant="quiet" aria-current={currentIf(current === 'contacts' || current === 'identity')} onClick={() => onGo('contacts')}>
                  {t('contacts.nav')}
                </Button>
                <Button variant="quiet" aria-current={currentIf(current === 'export')} onClick={() => onGo('export')}>
                  {t('exportBundle.nav')}
                </Button>
                <Button variant="quiet" aria-current={currentIf(current === 'audit')} onClick={() => onGo('audit')}>
                  {t('shell.audit')}
                </Button>
                <Button variant="quiet" aria-current={currentIf(current === 'settings')} onClick={() => onGo('settings')}>
                  {t('shell.settings')}
                </Button>
              </>
            )}
            <Button variant="quiet" aria-current={currentIf(current === 'about')} onClick={onOpenAbout}>
              {t('shell.about')}
            </Button>
          </nav>
          {onLock && (
            <Button className="app-header__lock" onClick={onLock} aria-keyshortcuts={LOCK_ARIA_SHORTCUTS} title={t('lock.shortcutNote', { shortcut: lockShortcutLabel() })}>
              {t('lock.button')}
              <kbd aria-hidden="true">{lockShortcutLabel()}</kbd>
            </Button>
          )}
          <LanguageSwitcher />
        </div>
      </div>
    </header>
  );
}
