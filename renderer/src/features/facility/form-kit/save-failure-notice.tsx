/**
 * The notice under a record form after a refused save. Runs on the main thread. Field issues
 * are shown at their fields by the form; this says so once, above the buttons.
 */
import { useTranslation } from 'react-i18next';
import { Notice } from '../../../ui/notice';
import type { SaveFailure } from './save-errors';

/** One sentence for the failure, announced as an alert. */
export function SaveFailureNotice({ failure }: { failure: SaveFailure | null }) {
  const { t } = useTranslation();
  if (!failure) return null;
  const text = (() => {
    switch (failure.kind) {
      case 'storage-full':
        return t('recordForms.save.storageFull');
      case 'locked':
        return t('recordForms.save.locked');
      case 'conflict':
        return t('recordForms.save.conflict');
      case 'fields':
        return t('recordForms.save.fixErrors');
      case 'failed':
        return t('recordForms.save.failed');
    }
  })();
  return (
    <Notice tone="danger" role="alert">
      <p>{text}</p>
    </Notice>
  );
}
