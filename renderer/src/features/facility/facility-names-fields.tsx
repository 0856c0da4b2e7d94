/**
 * The names of a facility: one row per name (text, language or script, kind), rows added and
 * removed freely, at least one kept. Runs on the main thread, inside the facility form's
 * FormProvider.
 */
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { facilityNameKinds, labelOf } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Button } from '../../ui/button';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import type { FacilityFormValues } from './facility-form-values';
import { nameRow } from './facility-form-values';
import { fieldErrorText } from './form-kit/field-errors';
import { languageLabel, languageOptions } from './form-kit/language-options';

/** The names fieldset with its rows and the "add another name" button. */
export function FacilityNamesFields({ disabled = false }: { disabled?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const { control, register, formState, getFieldState, setValue } = useFormContext<FacilityFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'names' });
  const langs = useWatch({ control, name: 'names' }).map((name) => name.lang);
  const errors = formState.errors.names;
  // Once a name is typed, guess its script (Arabic or Latin letters), unless the person chose.
  const guess = (index: number, text: string) => {
    if (text.trim() !== '' && !getFieldState(`names.${index}.lang`).isTouched) setValue(`names.${index}.lang`, nameRow(text).lang);
  };
  return (
    <fieldset className="record-form__group" disabled={disabled}>
      <legend className="record-form__legend">{t('facility.names')}</legend>
      <p className="field__hint">{t('facility.namesHint')}</p>
      <ol className="record-form__rows">
        {fields.map((field, index) => {
          const rowErrors = errors?.[index];
          const number = index + 1;
          const textError = fieldErrorText(t, rowErrors?.text);
          const errorId = `${field.id}-error`;
          return (
            <li key={field.id} className="record-form__item">
              <fieldset className="record-form__row" aria-label={t('facility.nameNumber', { number })}>
                <label className="record-form__cell record-form__cell--grow">
                  <span>{t('facility.nameText')}</span>
                  <input
                    {...register(`names.${index}.text`, { onBlur: (event: { target: { value: string } }) => guess(index, event.target.value) })}
                    className="input"
                    dir="auto"
                    aria-invalid={textError ? true : undefined}
                    aria-describedby={textError ? errorId : undefined}
                    {...SENSITIVE_INPUT_PROPS}
                  />
                </label>
                <label className="record-form__cell">
                  <span>{t('facility.nameLanguage')}</span>
                  <select {...register(`names.${index}.lang`)} className="input">
                    {languageOptions(langs[index] ?? '').map((tag) => (
                      <option key={tag} value={tag}>
                        {languageLabel(t, tag)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="record-form__cell">
                  <span>{t('facility.nameKind')}</span>
                  <select {...register(`names.${index}.kind`)} className="input">
                    {facilityNameKinds.entries.map((kind) => (
                      <option key={kind.code} value={kind.code}>
                        {labelOf(facilityNameKinds, kind.code, lang)}
                      </option>
                    ))}
                  </select>
                </label>
                <Button variant="quiet" onClick={() => remove(index)} disabled={fields.length <= 1} aria-label={t('facility.removeName', { number })}>
                  {t('recordForms.save.remove')}
                </Button>
              </fieldset>
              {textError && (
                <p id={errorId} className="field__error" role="alert">
                  {textError}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      {errors?.root?.message !== undefined || errors?.message !== undefined ? (
        <p className="field__error" role="alert">
          {fieldErrorText(t, errors.root ?? { message: errors.message ?? '' })}
        </p>
      ) : null}
      <Button onClick={() => append(nameRow(), { focusName: `names.${fields.length}.text` })}>{t('facility.addName')}</Button>
    </fieldset>
  );
}
