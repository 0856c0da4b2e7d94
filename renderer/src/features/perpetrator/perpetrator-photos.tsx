/**
 * The photos of an alleged perpetrator: the attachment panel limited to images, keeping the
 * form's `photoAttachmentIds` in step (saved with the record's next save). Runs on the main
 * thread, inside the perpetrator form's FormProvider.
 */
import { useCallback } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../../shared/domain';
import { AttachmentPanel } from '../attachments';
import type { PerpetratorFormValues } from './perpetrator-form-values';

/** Photos of a saved record; before the first save, a line saying when they can be added. */
export function PerpetratorPhotos({ perpetratorId }: { perpetratorId: Id | undefined }) {
  const { t } = useTranslation();
  const { control, getValues, setValue } = useFormContext<PerpetratorFormValues>();
  const photos = useWatch({ control, name: 'photoAttachmentIds' });
  const onAttachmentsChange = useCallback(
    (ids: readonly Id[]) => {
      const current = getValues('photoAttachmentIds');
      // The panel reports after every load too: an unchanged list must not dirty the form.
      if (current.length === ids.length && current.every((id, index) => id === ids[index])) return;
      setValue('photoAttachmentIds', [...ids], { shouldDirty: true });
    },
    [getValues, setValue],
  );
  return (
    <section className="record-form__group" aria-label={t('perpetrator.photos')}>
      <h3 className="record-form__legend">{t('perpetrator.photos')}</h3>
      {perpetratorId === undefined ? (
        <p className="record-form__slot">{t('perpetrator.photosSlot', { count: photos.length })}</p>
      ) : (
        <AttachmentPanel ownerKind="perpetrator" ownerId={perpetratorId} accept="image/*" onAttachmentsChange={onAttachmentsChange} />
      )}
    </section>
  );
}
