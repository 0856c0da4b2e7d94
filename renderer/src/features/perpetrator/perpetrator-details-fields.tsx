/**
 * Status (with the date it was last known), description and the photo slot of an alleged
 * perpetrator. Runs on the main thread, inside the perpetrator form's FormProvider.
 */
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { labelOf, perpetratorStatuses, type Id } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Field } from '../../ui/field';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import { fieldErrorText } from '../facility/form-kit/field-errors';
import type { PerpetratorFormValues } from './perpetrator-form-values';
import { PerpetratorPhotos } from './perpetrator-photos';

/** Status, "as of", description; in full mode also the photos. */
export function PerpetratorDetailsFields({ compact, disabled, perpetratorId }: { compact: boolean; disabled: boolean; perpetratorId?: Id | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const { register, formState } = useFormContext<PerpetratorFormValues>();
  const errors = formState.errors;
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
      {!compact && <PerpetratorPhotos perpetratorId={perpetratorId} />}
    </>
  );
}
