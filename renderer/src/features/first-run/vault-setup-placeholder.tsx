/**
 * Where "Create a vault" leads until the vault issue lands. It says plainly that setup is not
 * in this version and that nothing was stored: a fake setup would be worse than none.
 * The vault issue replaces this component with the passphrase and key-creation steps.
 */
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';

export interface VaultSetupPlaceholderProps {
  focusOnMount?: boolean;
  onBack(): void;
}

/** The clearly labelled "not available yet" step of vault creation. */
export function VaultSetupPlaceholder({ focusOnMount = false, onBack }: VaultSetupPlaceholderProps) {
  const { t } = useTranslation();
  return (
    <Screen title={t('vaultSetup.title')} focusOnMount={focusOnMount}>
      <Notice>
        <p>
          <strong>{t('vaultSetup.status')}</strong>
        </p>
        <p>{t('vaultSetup.body')}</p>
        <p>{t('vaultSetup.nothingStored')}</p>
      </Notice>
      <div className="screen__actions">
        <Button onClick={onBack}>{t('vaultSetup.back')}</Button>
      </div>
    </Screen>
  );
}
