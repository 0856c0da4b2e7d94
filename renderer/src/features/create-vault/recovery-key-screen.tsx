/**
 * The step after creating a vault with a recovery key: nothing else opens until the user
 * confirms the key is stored (the shell hides the vault's navigation meanwhile).
 */
import { useTranslation } from 'react-i18next';
import { Screen } from '../../ui/screen';
import { RecoveryKeyPanel } from './recovery-key-panel';

export interface RecoveryKeyScreenProps {
  recoveryKey: string;
  focusOnMount?: boolean;
  onDone(): void;
}

/** The recovery key, once, as its own screen. */
export function RecoveryKeyScreen({ recoveryKey, focusOnMount = false, onDone }: RecoveryKeyScreenProps) {
  const { t } = useTranslation();
  return (
    <Screen title={t('recoveryKey.title')} focusOnMount={focusOnMount}>
      <RecoveryKeyPanel recoveryKey={recoveryKey} onDone={onDone} />
    </Screen>
  );
}
