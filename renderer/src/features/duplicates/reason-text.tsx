/**
 * Why two records are suggested as one, in the UI language (from shared/names' MatchReason).
 * Runs on the main thread.
 */
import { useTranslation } from 'react-i18next';
import type { MatchReason } from '../../../../shared/names';

/** One sentence for the reason. */
export function ReasonText({ reason }: { reason: MatchReason }) {
  const { t } = useTranslation();
  switch (reason) {
    case 'same-key':
      return <>{t('duplicates.reasons.same-key')}</>;
    case 'phonetic':
      return <>{t('duplicates.reasons.phonetic')}</>;
    case 'reordered':
      return <>{t('duplicates.reasons.reordered')}</>;
    case 'token-subset':
      return <>{t('duplicates.reasons.token-subset')}</>;
    case 'kunya':
      return <>{t('duplicates.reasons.kunya')}</>;
    case 'single-name':
      return <>{t('duplicates.reasons.single-name')}</>;
    case 'curated-alias':
      return <>{t('duplicates.reasons.curated-alias')}</>;
    case 'same-number':
      return <>{t('duplicates.reasons.same-number')}</>;
    default:
      return <>{t('duplicates.reasons.other')}</>;
  }
}
