/**
 * Step 5, write: progress with cancel while the bundle is prepared and saved, then what was
 * saved (file name, bundle id, the partners' fingerprints to compare), or why nothing was.
 */
import { useTranslation } from 'react-i18next';
import { BusyNotice } from '../../ui/busy-notice';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import type { ExportPhase } from './use-export-run';

const MB = 1024 * 1024;
const megabytes = (bytes: number) => (bytes / MB).toFixed(1);

export interface StepWriteProps {
  phase: ExportPhase;
  onCancel(): void;
  onAnother(): void;
}

export function StepWrite({ phase, onCancel, onAnother }: StepWriteProps) {
  const { t } = useTranslation();
  switch (phase.kind) {
    case 'idle':
    case 'preparing':
      return (
        <BusyNotice title={t('exportBundle.progress.preparing')}>
          <Button onClick={onCancel}>{t('exportBundle.progress.cancel')}</Button>
        </BusyNotice>
      );
    case 'writing':
      return (
        <BusyNotice title={t('exportBundle.progress.writing')} progress={{ done: phase.done, total: phase.total }}>
          <p>{t('exportBundle.progress.bytes', { done: megabytes(phase.done), total: megabytes(phase.total) })}</p>
          <Button onClick={onCancel}>{t('exportBundle.progress.cancel')}</Button>
        </BusyNotice>
      );
    case 'done':
      return (
        <div className="export-step" role="status">
          <Notice tone="success">{t('exportBundle.done.title')}</Notice>
          <p>
            <bdi>{t('exportBundle.done.file', { name: phase.name })}</bdi>
          </p>
          <p className="export-done__id">{t('exportBundle.done.bundleId', { id: phase.receipt.bundleId })}</p>
          <p>{t('exportBundle.done.entries', { count: phase.receipt.entryCount })}</p>
          <p>{t('exportBundle.done.fingerprints')}</p>
          <ul className="export-done__fingerprints">
            {phase.receipt.fingerprints.map((fingerprint) => (
              <li key={fingerprint} className="fingerprint" dir="ltr">
                {fingerprint}
              </li>
            ))}
          </ul>
          <Button onClick={onAnother}>{t('exportBundle.done.another')}</Button>
        </div>
      );
    case 'cancelled':
    case 'refused':
    case 'failed':
      return (
        <div className="export-step">
          <Notice tone={phase.kind === 'cancelled' ? 'info' : 'danger'}>{t(`exportBundle.progress.${phase.kind}`)}</Notice>
          <Button onClick={onAnother}>{t('exportBundle.back')}</Button>
        </div>
      );
  }
}
