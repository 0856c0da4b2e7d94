/**
 * The status flow of a testimony: draft → complete → reviewed → sealed, a step back before
 * sealing, and, once sealed, only "Amend" (which asks for a reason). Sealing asks for
 * confirmation first: it cannot be undone. Presentational: the editor performs the changes.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { testimonyStatuses, type TestimonyStatus } from '../../../../../shared/domain';
import { labelOf } from '../../../../../shared/domain';
import { Button } from '../../../ui/button';
import { Notice } from '../../../ui/notice';
import { allowedNextStatuses } from '../../records';
import { useVocabularyLang } from '../form/vocabulary-fields';

export interface StatusActionsProps {
  status: TestimonyStatus;
  /** A save or status change is running. */
  busy: boolean;
  /** The reference code, named in the sealing confirmation. */
  referenceCode: string | undefined;
  onChangeStatus(to: TestimonyStatus): void;
  /** Sealed only: start an amendment. */
  onAmend(): void;
}

const FORWARD: Partial<Record<TestimonyStatus, TestimonyStatus>> = { draft: 'complete', complete: 'reviewed', reviewed: 'sealed' };

/** The buttons that move a testimony along its life cycle. */
export function StatusActions({ status, busy, referenceCode, onChangeStatus, onAmend }: StatusActionsProps) {
  const { t } = useTranslation();
  const lang = useVocabularyLang();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (status === 'sealed') {
    return (
      <div className="status-actions">
        <Button onClick={onAmend}>{t('testimony.status.amend')}</Button>
      </div>
    );
  }
  const forward = FORWARD[status];
  const back = allowedNextStatuses(status).filter((next) => next !== forward);
  return (
    <div className="status-actions">
      {forward && forward !== 'sealed' && (
        <Button variant="primary" disabled={busy} onClick={() => onChangeStatus(forward)}>
          {forward === 'complete' ? t('testimony.status.markComplete') : t('testimony.status.markReviewed')}
        </Button>
      )}
      {forward === 'sealed' && (
        <Button variant="primary" disabled={busy} onClick={() => setConfirming(true)}>
          {t('testimony.status.seal')}
        </Button>
      )}
      {back.map((to) => (
        <Button key={to} disabled={busy} onClick={() => onChangeStatus(to)}>
          {t('testimony.status.backTo', { status: labelOf(testimonyStatuses, to, lang) })}
        </Button>
      ))}
      {confirming && (
        <div ref={confirmRef} tabIndex={-1} role="alertdialog" aria-labelledby="seal-confirm-title" aria-describedby="seal-confirm-body" className="status-actions__confirm">
          <Notice tone="danger">
            <p id="seal-confirm-title">
              <strong>{t('testimony.status.sealConfirmTitle', { code: referenceCode ?? '' })}</strong>
            </p>
            <p id="seal-confirm-body">{t('testimony.status.sealConfirmBody')}</p>
            <div className="case-form__actions">
              <Button
                variant="danger"
                disabled={busy}
                onClick={() => {
                  setConfirming(false);
                  onChangeStatus('sealed');
                }}
              >
                {t('testimony.status.sealConfirm')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('testimony.status.sealCancel')}</Button>
            </div>
          </Notice>
        </div>
      )}
    </div>
  );
}
