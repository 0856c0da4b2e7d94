/**
 * The bottom of every unlock form: the busy notice while the key is derived, then Unlock. Both
 * ways in (passphrase, recovery key) must look and behave the same while waiting.
 */
import { useTranslation } from 'react-i18next';
import { BusyNotice } from '../../ui/busy-notice';
import { Button } from '../../ui/button';

/** Busy notice (while `busy`) and the Unlock submit button (disabled while `busy`). */
export function UnlockActions({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {busy && (
        <BusyNotice title={t('unlock.unlocking')}>
          <p>{t('unlock.unlockingBody')}</p>
        </BusyNotice>
      )}
      <div className="screen__actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('unlock.unlock')}
        </Button>
      </div>
    </>
  );
}
