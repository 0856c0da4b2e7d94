/**
 * The testimony's attachments and interview recordings, below the editor's form (the panel has
 * its own buttons and file input, so it must not sit inside the <form>). Runs on the main thread.
 *
 * The panel stores files by itself; this only keeps the form's `attachmentIds` in step, so the
 * next save (autosave for drafts) records which attachments belong to the testimony.
 */
import { useCallback } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../../../shared/domain/ids';
import { AttachmentPanel } from '../../attachments';
import type { TestimonyValues } from './testimony-values';

export interface AttachmentsSectionProps {
  /** The saved testimony's id; absent until the first save gives it one. */
  testimonyId: string | undefined;
  /** Sealed: attachments can be opened, played and verified, not added or deleted. */
  readOnly: boolean;
}

/** The attachment panel of the testimony being edited. */
export function AttachmentsSection({ testimonyId, readOnly }: AttachmentsSectionProps) {
  const { t } = useTranslation();
  const { getValues, setValue } = useFormContext<TestimonyValues>();
  const onAttachmentsChange = useCallback(
    (ids: readonly Id[]) => {
      const current = getValues('attachmentIds');
      // The panel reports after every load too: an unchanged list must not dirty the form.
      if (current.length === ids.length && current.every((id, index) => id === ids[index])) return;
      setValue('attachmentIds', [...ids], { shouldDirty: true });
    },
    [getValues, setValue],
  );
  if (testimonyId === undefined) return <p className="screen__muted">{t('testimony.editor.attachmentsAfterSave')}</p>;
  return readOnly ? (
    <AttachmentPanel ownerKind="testimony" ownerId={testimonyId as Id} readOnly />
  ) : (
    <AttachmentPanel ownerKind="testimony" ownerId={testimonyId as Id} onAttachmentsChange={onAttachmentsChange} />
  );
}
