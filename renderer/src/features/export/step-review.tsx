/**
 * Step 4, review: the worker's preview (nothing written yet). How many testimonies go and what
 * goes with them (how many attachments are recordings or photos), what pseudonymisation does
 * not remove, then each testimony left out with its translated reason and, when the reason is
 * about one partner, which partner. Counts stand after a label ("Entries: 1"), so no sentence
 * needs a plural form (Arabic has six).
 */
import { useTranslation } from 'react-i18next';
import type { Redaction } from '../../../../shared/domain';
import { Notice } from '../../ui/notice';
import type { ExportExclusion, ExportPreview } from '../../vault/export-types';

export interface StepReviewProps {
  preview: ExportPreview | null;
  failed: boolean;
  /** Contact labels by id. */
  labels: ReadonlyMap<string, string>;
  redaction: Redaction;
}

export function StepReview({ preview, failed, labels, redaction }: StepReviewProps) {
  const { t } = useTranslation();
  if (failed) return <Notice tone="danger">{t('exportBundle.review.failed')}</Notice>;
  if (!preview) return <p role="status">{t('exportBundle.review.checking')}</p>;
  // Consent is about recipients: before one is chosen nothing is included (the worker agrees).
  if (preview.recipients.length === 0) return <Notice tone="info">{t('exportBundle.review.noRecipient')}</Notice>;
  const line = (exclusion: ExportExclusion) => {
    const values = {
      code: exclusion.referenceCode ?? t('exportBundle.review.unknownCode'),
      reason: t(`exportBundle.reasons.${exclusion.reason}`),
      partner: exclusion.contactId ? (labels.get(exclusion.contactId) ?? '') : '',
    };
    return exclusion.contactId ? t('exportBundle.review.excludedFor', values) : t('exportBundle.review.excludedPlain', values);
  };
  const due = preview.included.filter((item) => item.reviewDue).map((item) => item.referenceCode);
  const blocked = preview.recipients.filter((recipient) => recipient.problem !== null);
  return (
    <div className="export-step" aria-live="polite">
      {blocked.map((recipient) => (
        <Notice key={recipient.contactId} tone="danger">
          {t('exportBundle.review.recipientProblem', { partner: recipient.label ?? '', problem: t(`exportBundle.problems.${recipient.problem ?? 'not_found'}`) })}
        </Notice>
      ))}
      {preview.included.length === 0 ? (
        <Notice tone="danger">{t('exportBundle.review.nothing')}</Notice>
      ) : (
        <>
          <p className="export-review__count">{t('exportBundle.review.included', { count: preview.included.length })}</p>
          <p>
            {t('exportBundle.review.contents', {
              facilities: preview.facilities,
              perpetrators: preview.perpetrators,
              witnesses: preview.witnesses,
              attachments: preview.attachments,
              entries: preview.entryCount,
            })}
          </p>
          {preview.attachments > 0 && <p>{t('exportBundle.review.attachmentKinds', { recordings: preview.recordings, photos: preview.photos })}</p>}
          {redaction === 'pseudonymised' && <Notice tone="danger">{t('exportBundle.review.pseudonymCheck')}</Notice>}
        </>
      )}
      {due.length > 0 && <Notice tone="info">{t('exportBundle.review.reviewDue', { codes: due.join(', ') })}</Notice>}
      <h2 className="export-review__heading">{t('exportBundle.review.excludedTitle', { count: preview.excluded.length })}</h2>
      {preview.excluded.length === 0 ? (
        <p>{t('exportBundle.review.excludedNone')}</p>
      ) : (
        <ul className="export-review__excluded">
          {preview.excluded.map((exclusion) => (
            <li key={exclusion.testimonyId}>
              <bdi>{line(exclusion)}</bdi>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
