/**
 * Status (with the date it was last known), description and the photo slot of an alleged
 * perpetrator. Runs on the main thread, inside the perpetrator form's FormProvider.
 */
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { labelOf, perpetratorStatuses } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Field } from '../../ui/field';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import { fieldErrorText } from '../facility/form-kit/field-errors';
import type { PerpetratorFormValues } from './perpetrator-form-values';

/** Status, "as of", description; in full mode also the photos slot. */
export function PerpetratorDetailsFields({ compact, disabled }: { compact: boolean; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const { register, formState, control } = useFormContext<PerpetratorFormValues>();
  const errors = formState.errors;
  const photos = useWatch({ control, name: 'photoAttachmentIds' });
  return (
    <>
      <div className="record-form__row">
        <Field label={t('perpetrator.status')} error={fieldErrorText(t, errors.status)}>
          {(control) => (
            <select {...control} {...register('status')} className="input" disabled={disabled}>
              {perpetratorStatuses.entries.map((status) => (
                <option key={status.code} value={status.code}>
                  {labelOf(perpetratorStatuses, status.code, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!compact && (
          <Field label={t('perpetrator.statusAsOf')} hint={t('perpetrator.statusAsOfHint')} error={fieldErrorText(t, errors.statusAsOf)}>
            {(control) => <input {...control} {...register('statusAsOf')} type="date" className="input" disabled={disabled} {...SENSITIVE_INPUT_PROPS} />}
          </Field>
        )}
      </div>
      <Field label={t('perpetrator.description')} hint={t('perpetrator.descriptionHint')} error={fieldErrorText(t, errors.description)}>
        {(control) => <textarea {...control} {...register('description')} className="input" dir="auto" rows={compact ? 2 : 4} disabled={disabled} {...SENSITIVE_INPUT_PROPS} />}
      </Field>
      {!compact && (
        // Photos arrive with attachments (a later issue): the slot says so instead of pretending.
        <section className="record-form__group" aria-label={t('perpetrator.photos')}>
          <h3 className="record-form__legend">{t('perpetrator.photos')}</h3>
          <p className="record-form__slot">{t('perpetrator.photosSlot', { count: photos.length })}</p>
        </section>
      )}
    </>
  );
}
