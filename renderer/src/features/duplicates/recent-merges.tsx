/**
 * Recent merges, newest first, each with Undo while it can be undone. Presentational. Runs on
 * the main thread.
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { Button } from '../../ui/button';
import { NameText } from '../facility/form-kit/name-text';
import { RecordLink } from '../facility/form-kit/record-link';
import type { MergeSummary } from '../records';

export interface RecentMergesProps {
  merges: readonly MergeSummary[];
  /** Display name of a surviving record, or undefined if it is gone. */
  nameOf(entity: MergeSummary['entity'], id: string): string | undefined;
  busyId: string | null;
  onUndo(mergeId: string): void;
  onOpen(entity: MergeSummary['entity'], id: string): void;
}

/** The list, or "no merges yet". */
export function RecentMerges({ merges, nameOf, busyId, onUndo, onOpen }: RecentMergesProps) {
  const { t, i18n } = useTranslation();
  if (merges.length === 0) return <p className="record-muted">{t('duplicates.recentEmpty')}</p>;
  return (
    <ul className="duplicate__recent" aria-label={t('duplicates.recentTitle')}>
      {merges.map((merge) => {
        const survivor = nameOf(merge.entity, merge.survivorId);
        return (
          <li key={merge.mergeId} data-testid="recent-merge">
            <span className="record-muted">{merge.entity === 'facility' ? t('duplicates.recentFacility') : t('duplicates.recentPerpetrator')}: </span>
            {merge.mergedNames.slice(0, 3).map((name, index) => (
              <span key={index}>
                {index > 0 && ' · '}
                <NameText text={name} />
              </span>
            ))}{' '}
            {t('duplicates.recentItem')}{' '}
            {survivor === undefined ? (
              t('duplicates.removedRecord')
            ) : (
              <RecordLink onOpen={() => onOpen(merge.entity, merge.survivorId)}>
                <NameText text={survivor} />
              </RecordLink>
            )}
            <div className="record-muted">
              <bdi>{formatDateTime(merge.at, i18n.resolvedLanguage)}</bdi> · {t('duplicates.recentLinks', { count: merge.links })}
            </div>
            {merge.state === 'done' && (
              <Button onClick={() => onUndo(merge.mergeId)} disabled={busyId !== null}>
                {busyId === merge.mergeId ? t('duplicates.undoing') : t('duplicates.undo')}
              </Button>
            )}
            {merge.state === 'undone' && <strong>{t('duplicates.undoneState')}</strong>}
            {merge.state === 'started' && <strong>{t('duplicates.unfinished')}</strong>}
          </li>
        );
      })}
    </ul>
  );
}
