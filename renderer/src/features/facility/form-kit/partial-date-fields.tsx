/**
 * Year, month and day inputs plus "approximate", for one partial date inside a react-hook-form
 * form (read through useFormContext, so any form with a FormProvider can host it). Runs on the
 * main thread. Values are PartialDateValues at `name`; errors are shown under the group in
 * the UI language.
 */
import { useId } from 'react';
import { get, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SENSITIVE_INPUT_PROPS } from '../../../ui/sensitive-input';
import { fieldErrorText } from './field-errors';
import './form-kit.css';
import { monthNames } from './partial-date-text';

export interface PartialDateFieldsProps {
  /** Path of the PartialDateValues in the form ("operation.from", "positions.2.to"). */
  name: string;
  legend: string;
  disabled?: boolean;
}

/** A fieldset with the three parts of a date and the approximate box. */
export function PartialDateFields({ name, legend, disabled = false }: PartialDateFieldsProps) {
  const { t, i18n } = useTranslation();
  const { register, formState } = useFormContext();
  const id = useId();
  const errorOf = (part: string) => fieldErrorText(t, get(formState.errors, `${name}.${part}`) as { message?: string } | undefined);
  // An error on the date as a whole ("ends before it starts") sits at the group's own path.
  const groupError = (() => {
    const error = get(formState.errors, name) as { message?: unknown } | undefined;
    return typeof error?.message === 'string' ? fieldErrorText(t, { message: error.message }) : undefined;
  })();
  const errors = [errorOf('year'), errorOf('month') ?? errorOf('precision'), errorOf('day'), groupError].filter((text): text is string => text !== undefined);
  const errorId = `${id}-error`;
  const invalid = (part: string) => (errorOf(part) ? true : undefined);
  const describedBy = errors.length > 0 ? errorId : undefined;
  return (
    <fieldset className="date-fields" disabled={disabled}>
      <legend className="date-fields__legend">{legend}</legend>
      <div className="date-fields__row">
        <label className="date-fields__part">
          <span>{t('recordForms.date.year')}</span>
          <input
            {...register(`${name}.year`)}
            className="input date-fields__year"
            inputMode="numeric"
            maxLength={8}
            aria-invalid={invalid('year')}
            aria-describedby={describedBy}
            {...SENSITIVE_INPUT_PROPS}
          />
        </label>
        <label className="date-fields__part">
          <span>{t('recordForms.date.month')}</span>
          <select {...register(`${name}.month`)} className="input date-fields__month" aria-invalid={invalid('month')} aria-describedby={describedBy}>
            <option value="">{t('recordForms.date.unknownPart')}</option>
            {monthNames(i18n.resolvedLanguage).map((month, index) => (
              <option key={month} value={String(index + 1)}>
                {month}
              </option>
            ))}
          </select>
        </label>
        <label className="date-fields__part">
          <span>{t('recordForms.date.day')}</span>
          <input
            {...register(`${name}.day`)}
            className="input date-fields__day"
            inputMode="numeric"
            maxLength={4}
            aria-invalid={invalid('day')}
            aria-describedby={describedBy}
            {...SENSITIVE_INPUT_PROPS}
          />
        </label>
        <label className="date-fields__approximate">
          <input type="checkbox" {...register(`${name}.approximate`)} />
          <span>{t('recordForms.date.approximateLabel')}</span>
        </label>
      </div>
      {errors.length > 0 && (
        <p id={errorId} className="field__error" role="alert">
          {errors.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
