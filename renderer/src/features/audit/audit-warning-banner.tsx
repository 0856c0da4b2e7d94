/**
 * The warning shown when the audit trail did not verify at unlock: on every unlocked screen
 * (compact, with a way to the trail) and on the audit screen (in full). It cannot be
 * dismissed: it stays while the evidence does (DESIGN.md §8, "never repaired silently").
 */
import { useTranslation } from 'react-i18next';
import type { AuditWarning } from '../../vault/vault-client';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { problemText } from './audit-labels';
import './audit.css';

export interface AuditWarningBannerProps {
  warning: AuditWarning;
  /** Shown on screens other than the audit trail: a button that opens it. */
  onOpenAudit?: () => void;
}

/** The danger notice: what failed, from which entry, and what to do. */
export function AuditWarningBanner({ warning, onOpenAudit }: AuditWarningBannerProps) {
  const { t } = useTranslation();
  return (
    <Notice tone="danger" role="alert" className="audit-warning">
      <p className="audit-warning__title">{t('audit.warningTitle')}</p>
      <p>
        {problemText(t, warning.problem)} {warning.firstBadSeq !== null && t('audit.warningFrom', { seq: warning.firstBadSeq })}
      </p>
      <p>{t('audit.warningBody')}</p>
      <p>{t('audit.warningAction')}</p>
      {onOpenAudit && (
        <p>
          <Button onClick={onOpenAudit}>{t('audit.warningOpen')}</Button>
        </p>
      )}
    </Notice>
  );
}
