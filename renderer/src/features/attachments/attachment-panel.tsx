/**
 * Everything about the attachments of one testimony or alleged perpetrator: attach (picker,
 * drag and drop), progress with Cancel, record an interview, the list with SHA-256 and
 * "verify integrity", and the player or viewer of the one opened. Mount it inside the unlocked
 * part of the app; it needs the VaultProvider above it (features/vault-session).
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../../shared/domain/ids';
import { Notice } from '../../ui/notice';
import type { AttachmentOwner, AttachmentOwnerKind } from '../../vault/attachment-types';
import { useVaultClient } from '../vault-session/vault-context';
import { AttachArea } from './attach-area';
import { errorKey } from './attachment-format';
import { AttachmentRow, previewKind } from './attachment-row';
import { AttachmentViewer } from './attachment-viewer';
import { AudioPlayer } from './audio-player';
import { AudioRecorder } from './audio-recorder';
import { ImportList } from './import-list';
import { useAttachments } from './use-attachments';
import './attachments.css';

export interface AttachmentPanelProps {
  /** The testimony or alleged perpetrator the attachments belong to (it need not be saved yet). */
  ownerId: Id;
  ownerKind: AttachmentOwnerKind;
  /** Stored as "added by" with each new attachment (e.g. the interviewer's name or initials). */
  addedBy?: string;
  /** Offer the interview recorder (default: for testimonies, unless read-only). */
  allowRecording?: boolean;
  /** A sealed testimony: attachments can be opened, played and verified, not added or deleted. */
  readOnly?: boolean;
  /** File types the picker offers (`accept` of the file input), e.g. "image/*" for photos. Default: any. */
  accept?: string;
  /** Called with the owner's attachment ids after loading and after every change (to keep `attachmentIds` in step). */
  onAttachmentsChange?: (ids: readonly Id[]) => void;
}

/** The attachment panel of one owner. */
export function AttachmentPanel({ ownerId, ownerKind, addedBy, readOnly = false, allowRecording = ownerKind === 'testimony' && !readOnly, accept, onAttachmentsChange }: AttachmentPanelProps) {
  const { t } = useTranslation();
  const vault = useVaultClient();
  const titleId = useId();
  const owner = useMemo<AttachmentOwner>(() => ({ kind: ownerKind, id: ownerId }), [ownerKind, ownerId]);
  const attachments = useAttachments(owner, addedBy, onAttachmentsChange);
  const [openId, setOpenId] = useState<Id | null>(null);
  const { list, reload } = attachments;
  const close = useCallback(() => setOpenId(null), []);

  return (
    <section className="attachment-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('attachments.title')}</h2>
      <p className="screen__muted">{t('attachments.intro')}</p>
      {!readOnly && <AttachArea onFiles={attachments.add} {...(accept ? { accept } : {})} />}
      <ImportList items={attachments.imports} onCancel={attachments.cancel} onDismiss={attachments.dismiss} />
      {allowRecording && <AudioRecorder owner={owner} addedBy={addedBy} onSaved={() => void reload()} />}
      {list.status === 'loading' && <p role="status">{t('attachments.loading')}</p>}
      {list.status === 'failed' && (
        <Notice tone="danger" role="alert">
          <p>
            {t('attachments.loadFailed')} {t(`attachments.errors.${errorKey(list.error)}` as const)}
          </p>
        </Notice>
      )}
      {list.status === 'ready' && list.unreadable > 0 && (
        <Notice tone="danger">
          <p>{t('attachments.unreadable', { count: list.unreadable })}</p>
        </Notice>
      )}
      {list.status === 'ready' && list.attachments.length === 0 && <p className="screen__muted">{t('attachments.empty')}</p>}
      {list.status === 'ready' && list.attachments.length > 0 && (
        <ul className="attachment-list">
          {list.attachments.map((info) => {
            const kind = previewKind(info);
            const open = openId === info.id;
            return (
              <li key={info.id} className="attachment-list__item">
                <AttachmentRow
                  info={info}
                  open={open}
                  onOpen={() => setOpenId(open ? null : info.id)}
                  onVerify={() => vault.attachments.verify(info.id)}
                  canDelete={!readOnly}
                  onDelete={async () => {
                    if (open) close();
                    await vault.attachments.delete(info.id);
                    await reload();
                  }}
                />
                {open && kind === 'audio' && <AudioPlayer info={info} onClose={close} />}
                {open && (kind === 'image' || kind === 'pdf') && <AttachmentViewer info={info} kind={kind} onClose={close} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
