/**
 * Where a name or a position comes from: a testimony (by reference code, suggested from the
 * case file through a shared `<datalist>`) and/or a note. Runs on the main thread, inside the
 * perpetrator form's FormProvider.
 */
import { get, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import { fieldErrorText } from '../facility/form-kit/field-errors';
import type { PerpetratorFormValues } from './perpetrator-form-values';

export interface SourceFieldsProps {
  /** Path of the SourceValues (`names.0.source`, `positions.2.source`). */
  name: `names.${number}.source` | `positions.${number}.source`;
  /** Id of the `<datalist>` of reference codes. */
  codesListId: string;
}

/** Testimony code and note, side by side, with the source's errors under them. */
export function SourceFields({ name, codesListId }: SourceFieldsProps) {
  const { t } = useTranslation();
  const { register, formState, getValues } = useFormContext<PerpetratorFormValues>();
  const testimonyError = get(formState.errors, `${name}.testimonyId`) as { message?: string } | undefined;
  const noteError = fieldErrorText(t, get(formState.errors, `${name}.note`) as { message?: string } | undefined);
  // "A source needs a testimony, an attachment or a note" sits on the source itself.
  const sourceError = (() => {
    const error = get(formState.errors, name) as { message?: unknown } | undefined;
    return typeof error?.message === 'string' ? fieldErrorText(t, { message: error.message }) : undefined;
  })();
  const errors = [testimonyError ? t('perpetrator.sourceUnknownTestimony') : undefined, noteError, sourceError].filter((text): text is string => text !== undefined);
  const hasAttachment = getValues(`${name}.attachmentId`) !== '';
  return (
    <fieldset className="record-form__group">
      <legend className="record-form__legend">{t('perpetrator.source')}</legend>
      <div className="record-form__row">
        <label className="record-form__cell">
          <span>{t('perpetrator.sourceTestimony')}</span>
          <input
            {...register(`${name}.testimonyId`)}
            className="input input--code"
            dir="ltr"
            list={codesListId}
            aria-invalid={testimonyError ? true : undefined}
            {...SENSITIVE_INPUT_PROPS}
          />
        </label>
        <label className="record-form__cell record-form__cell--grow">
          <span>{t('perpetrator.sourceNote')}</span>
          <input {...register(`${name}.note`)} className="input" dir="auto" placeholder={t('perpetrator.sourceNoteHint')} aria-invalid={noteError ? true : undefined} {...SENSITIVE_INPUT_PROPS} />
        </label>
      </div>
      {hasAttachment && <p className="field__hint">{t('perpetrator.sourceAttachment')}</p>}
      {errors.length > 0 && (
        <p className="field__error" role="alert">
          {errors.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
