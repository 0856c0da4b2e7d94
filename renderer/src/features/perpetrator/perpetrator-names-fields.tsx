/**
 * The names of an alleged perpetrator: one row per name (text, kind, language, source), at
 * least one kept. Runs on the main thread, inside the perpetrator form's FormProvider.
 */
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { labelOf, personNameKinds } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Button } from '../../ui/button';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import { fieldErrorText } from '../facility/form-kit/field-errors';
import { languageLabel, languageOptions } from '../facility/form-kit/language-options';
import { personNameRow, type PerpetratorFormValues, type SourceValues } from './perpetrator-form-values';
import { SourceFields } from './source-fields';

export interface PerpetratorNamesFieldsProps {
  codesListId: string;
  /** The source a new row starts with. */
  defaultSource: SourceValues;
  disabled: boolean;
}

/** The names fieldset with its rows and "add another name". */
export function PerpetratorNamesFields({ codesListId, defaultSource, disabled }: PerpetratorNamesFieldsProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const { control, register, formState, getFieldState, setValue } = useFormContext<PerpetratorFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'names' });
  const langs = useWatch({ control, name: 'names' }).map((name) => name.lang);
  const errors = formState.errors.names;
  // Once a name is typed, guess its script and whether it is a kunya, unless the person chose.
  const guess = (index: number, text: string) => {
    const guessed = personNameRow(text);
    if (!getFieldState(`names.${index}.lang`).isTouched) setValue(`names.${index}.lang`, guessed.lang);
    if (!getFieldState(`names.${index}.kind`).isTouched && guessed.kind === 'kunya') setValue(`names.${index}.kind`, 'kunya');
  };
  return (
    <fieldset className="record-form__group" disabled={disabled}>
      <legend className="record-form__legend">{t('perpetrator.names')}</legend>
      <p className="field__hint">{t('perpetrator.namesHint')}</p>
      <ol className="record-form__rows">
        {fields.map((field, index) => {
          const number = index + 1;
          const textError = fieldErrorText(t, errors?.[index]?.text);
          const kindError = fieldErrorText(t, errors?.[index]?.kind);
          const errorId = `${field.id}-error`;
          return (
            <li key={field.id} className="record-form__item">
              <fieldset className="record-form__item-group" aria-label={t('perpetrator.nameNumber', { number })}>
                <div className="record-form__row">
                  <label className="record-form__cell record-form__cell--grow">
                    <span>{t('perpetrator.nameText')}</span>
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
                    <span>{t('perpetrator.nameKind')}</span>
                    <select {...register(`names.${index}.kind`)} className="input" aria-invalid={kindError ? true : undefined}>
                      {personNameKinds.entries.map((kind) => (
                        <option key={kind.code} value={kind.code}>
                          {labelOf(personNameKinds, kind.code, lang)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="record-form__cell">
                    <span>{t('perpetrator.nameLanguage')}</span>
                    <select {...register(`names.${index}.lang`)} className="input">
                      <option value="">{t('perpetrator.languageUnknown')}</option>
                      {languageOptions(langs[index] ?? '').map((tag) => (
                        <option key={tag} value={tag}>
                          {languageLabel(t, tag)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <Button variant="quiet" onClick={() => remove(index)} disabled={fields.length <= 1} aria-label={t('perpetrator.removeName', { number })}>
                    {t('recordForms.save.remove')}
                  </Button>
                </div>
                {(textError ?? kindError) && (
                  <p id={errorId} className="field__error" role="alert">
                    {textError ?? kindError}
                  </p>
                )}
                <SourceFields name={`names.${index}.source`} codesListId={codesListId} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      {errors?.root?.message !== undefined && (
        <p className="field__error" role="alert">
          {fieldErrorText(t, errors.root)}
        </p>
      )}
      <Button onClick={() => append(personNameRow('', defaultSource), { focusName: `names.${fields.length}.text` })}>{t('perpetrator.addName')}</Button>
    </fieldset>
  );
}
