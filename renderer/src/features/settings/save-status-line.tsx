/**
 * The live line under a settings form: "Saving…", "Saved." or the failure.
 */
import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './use-save-status';

/** Announces the outcome of a save (polite for progress and success, an alert for failure). */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  if (status === 'failed') {
    return (
      <p role="alert" className="settings__status settings__status--failed">
        {t('settings.saveFailed')}
      </p>
    );
  }
  return (
    <p role="status" className="settings__status">
      {status === 'saving' && t('settings.saving')}
      {status === 'saved' && t('settings.saved')}
    </p>
  );
}
