/**
 * The "deriving keys" progress shown while `create` runs, in the form and (after the vault
 * has opened but before `create` returned) on its own.
 */
import { useTranslation } from 'react-i18next';
import { BusyNotice } from '../../ui/busy-notice';

/** Progress for vault creation; the high-risk profile takes longer and says so. */
export function CreatingVaultNotice({ highRisk }: { highRisk: boolean }) {
  const { t } = useTranslation();
  return (
    <BusyNotice title={t('createVault.creatingTitle')}>
      <p>{highRisk ? t('createVault.creatingBodyHighRisk') : t('createVault.creatingBody')}</p>
    </BusyNotice>
  );
}
