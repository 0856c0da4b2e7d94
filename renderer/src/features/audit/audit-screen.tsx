/**
 * The audit trail: every entry in order (number, time, event, details, whether it verified),
 * with the verification result above it. A chain that does not verify gets the full warning;
 * rows from the first bad entry on are marked "Not verified", never dropped.
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import type { AuditRow, AuditWarning } from '../../vault/vault-client';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { AuditDetails } from './audit-details';
import { actionLabel, isKnownAction } from './audit-labels';
import { AuditWarningBanner } from './audit-warning-banner';
import './audit.css';
import { useAuditTrail } from './use-audit-trail';

export interface AuditScreenProps {
  /** The warning from unlock (the vault state's), shown even if the trail cannot be read now. */
  unlockWarning: AuditWarning | null;
  focusOnMount?: boolean;
}

function AuditTable({ rows }: { rows: readonly AuditRow[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="audit__scroller">
      <table className="audit__table">
        <caption>{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.columnSeq')}</th>
            <th scope="col">{t('audit.columnTime')}</th>
            <th scope="col">{t('audit.columnAction')}</th>
            <th scope="col">{t('audit.columnDetails')}</th>
            <th scope="col">{t('audit.columnCheck')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.seq} className={row.verified ? undefined : 'audit__row--unverified'}>
              <td>{row.seq}</td>
              <td>
                <bdi>{formatDateTime(row.at, i18n.resolvedLanguage)}</bdi>
              </td>
              <td>
                {actionLabel(t, row.action)}
                {!isKnownAction(row.action) && (
                  <>
                    {' '}
                    <bdi dir="ltr">
                      <code>{row.action}</code>
                    </bdi>
                  </>
                )}
              </td>
              <td>
                <AuditDetails row={row} />
              </td>
              <td>{row.verified ? t('audit.rowVerified') : <strong className="audit__unverified">{t('audit.rowUnverified')}</strong>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The audit trail screen. */
export function AuditScreen({ unlockWarning, focusOnMount = false }: AuditScreenProps) {
  const { t } = useTranslation();
  const trail = useAuditTrail();
  const warning = (trail.status === 'ready' ? trail.trail.warning : null) ?? unlockWarning;
  return (
    <Screen title={t('audit.title')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('audit.intro')}</p>
      {warning && <AuditWarningBanner warning={warning} />}
      {trail.status === 'loading' && <p role="status">{t('audit.loading')}</p>}
      {trail.status === 'failed' && (
        <Notice tone="danger" role="alert">
          <p>{t('audit.loadFailed')}</p>
        </Notice>
      )}
      {trail.status === 'ready' && !warning && (
        <Notice tone="success" role="status">
          <p>{t('audit.verified', { count: trail.trail.rows.length })}</p>
        </Notice>
      )}
      {trail.status === 'ready' &&
        (trail.trail.rows.length === 0 ? <p>{t('audit.empty')}</p> : <AuditTable rows={trail.trail.rows} />)}
    </Screen>
  );
}
