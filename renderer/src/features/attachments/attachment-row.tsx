/**
 * One stored attachment: what it is, its SHA-256 for reviewers, and what can be done with it
 * (open or play, verify integrity, delete). Presentational apart from the verify and delete
 * calls, which it makes through the callbacks it is given.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { Button } from '../../ui/button';
import type { AttachmentInfo, AttachmentVerification } from '../../vault/attachment-types';
import { errorKey, formatBytes, formatDuration, groupedHash } from './attachment-format';
import { NAME_MARK, withName } from './with-name';

/** How an attachment can be shown. */
export type PreviewKind = 'audio' | 'image' | 'pdf' | 'none';

export function previewKind(info: AttachmentInfo): PreviewKind {
  const type = info.mediaType.toLowerCase();
  if (type.startsWith('audio/') || info.source === 'recording') return 'audio';
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/pdf') return 'pdf';
  return 'none';
}

export interface AttachmentRowProps {
  info: AttachmentInfo;
  open: boolean;
  onOpen(): void;
  onVerify(): Promise<AttachmentVerification>;
  /** False for a sealed owner: no Delete button. */
  canDelete: boolean;
  onDelete(): Promise<void>;
}

type Check = { readonly status: 'idle' } | { readonly status: 'running' } | { readonly status: 'ok'; readonly at: string } | { readonly status: 'failed'; readonly error: unknown };

/** A list item for one attachment. */
export function AttachmentRow({ info, open, onOpen, onVerify, canDelete, onDelete }: AttachmentRowProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const kind = previewKind(info);

  const verify = async () => {
    setCheck({ status: 'running' });
    try {
      const result = await onVerify();
      setCheck({ status: 'ok', at: result.checkedAt });
    } catch (error) {
      setCheck({ status: 'failed', error });
    }
  };
  const remove = async () => {
    try {
      await onDelete();
    } catch (error) {
      setDeleteError(error);
    }
  };

  return (
    <article className="attachment-row" aria-label={info.name}>
      <div className="attachment-row__what">
        <p className="attachment-row__name">
          <bdi>{info.name}</bdi>
        </p>
        <p className="attachment-row__details">
          <span>{info.source === 'recording' ? t('attachments.sourceRecording') : t('attachments.sourceFile')}</span>
          <span dir="ltr">{info.mediaType || t('attachments.unknownType')}</span>
          <span>{formatBytes(info.size, language)}</span>
          {info.durationMs !== undefined && <span>{t('attachments.duration', { duration: formatDuration(info.durationMs) })}</span>}
        </p>
        <p className="attachment-row__details">
          <span>{t('attachments.captured', { when: formatDateTime(info.capturedAt, language) })}</span>
          <span>
            {t('attachments.added', { when: formatDateTime(info.addedAt, language) })}
            {info.addedBy && <> {withName(t('attachments.addedBy', { who: NAME_MARK }), info.addedBy)}</>}
          </span>
        </p>
        <p className="attachment-row__hash">
          <span className="attachment-row__hash-label">{t('attachments.columnFingerprint')}</span>{' '}
          <code dir="ltr" data-testid="attachment-sha256" data-sha256={info.sha256}>
            {groupedHash(info.sha256)}
          </code>
        </p>
        {check.status === 'ok' && (
          <p className="attachment-row__check attachment-row__check--ok" role="status">
            {t('attachments.verified', { when: formatDateTime(check.at, language) })}
          </p>
        )}
        {check.status === 'failed' && (
          <p className="attachment-row__check attachment-row__check--failed" role="alert">
            {t(`attachments.errors.${errorKey(check.error)}` as const)}
          </p>
        )}
        {deleteError !== null && (
          <p className="attachment-row__check attachment-row__check--failed" role="alert">
            {t(`attachments.errors.${errorKey(deleteError)}` as const)}
          </p>
        )}
      </div>
      <div className="attachment-row__actions">
        {kind !== 'none' && (
          <Button onClick={onOpen} aria-expanded={open}>
            {kind === 'audio' ? t('attachments.play') : t('attachments.open')}
          </Button>
        )}
        <Button onClick={() => void verify()} disabled={check.status === 'running'}>
          {check.status === 'running' ? t('attachments.verifying') : t('attachments.verify')}
        </Button>
        {canDelete && !confirming && (
          <Button variant="quiet" onClick={() => setConfirming(true)}>
            {t('attachments.delete')}
          </Button>
        )}
      </div>
      {canDelete && confirming && (
        <div className="attachment-row__confirm" role="group">
          <p>{withName(t('attachments.confirmDelete', { name: NAME_MARK }), info.name)}</p>
          <Button variant="danger" onClick={() => void remove()}>
            {t('attachments.confirmDeleteYes')}
          </Button>
          <Button onClick={() => setConfirming(false)}>{t('attachments.keep')}</Button>
        </div>
      )}
    </article>
  );
}
