/**
 * Shown when the keyring cannot be read. Deliberately offers no action: "create a vault" here
 * could overwrite a vault that exists but is momentarily unreadable.
 */
import { useTranslation } from 'react-i18next';
import { Notice } from '../ui/notice';
import { Screen } from '../ui/screen';

/** The "cannot read storage" screen. */
export function StorageErrorScreen({ focusOnMount = false }: { focusOnMount?: boolean }) {
  const { t } = useTranslation();
  return (
    <Screen title={t('shell.storageErrorTitle')} focusOnMount={focusOnMount}>
      <Notice tone="danger">
        <p role="alert">{t('shell.storageErrorBody')}</p>
      </Notice>
    </Screen>
  );
}
