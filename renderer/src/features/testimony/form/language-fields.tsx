/**
 * Language choices of the case forms: one language (a select) or several (checkboxes).
 * A tag not in the usual list (from an imported record) is still offered, so opening a record
 * never silently changes its language.
 */
import type { ReactNode } from 'react';
import { useFormContext, useWatch, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/field';
import { useFieldError } from './form-errors';
import { useReadOnly } from './read-only';
import { CASE_LANGUAGES, isCaseLanguage } from './languages';

/** The label of a language tag in the UI language. */
export function useLanguageLabel(): (tag: string) => string {
  const { t } = useTranslation();
  return (tag: string) => (isCaseLanguage(tag) ? t(`recordForms.languages.${tag}`) : t('recordForms.languages.other', { tag }));
}

/** One language, as a select. */
export function LanguageSelect({ name, label, hint }: { name: string; label: ReactNode; hint?: ReactNode }) {
  const { register, control } = useFormContext<FieldValues>();
  const current = useWatch({ control, name }) as string | undefined;
  const labelOf = useLanguageLabel();
  const error = useFieldError(name);
  const locked = useReadOnly();
  const tags = current && !isCaseLanguage(current) ? [...CASE_LANGUAGES, current] : CASE_LANGUAGES;
  return (
    <Field label={label} hint={hint} error={error}>
      {(controlProps) => (
        <select {...controlProps} {...register(name)} className="input" disabled={locked}>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {labelOf(tag)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Several languages, as checkboxes sharing one name. */
export function LanguageCheckboxes({ name, legend, extra = [] }: { name: string; legend: ReactNode; extra?: readonly string[] }) {
  const { register } = useFormContext<FieldValues>();
  const labelOf = useLanguageLabel();
  const error = useFieldError(name);
  const locked = useReadOnly();
  const tags = [...CASE_LANGUAGES, ...extra.filter((tag) => !isCaseLanguage(tag))];
  return (
    <fieldset className="case-form__choices">
      <legend className="field__label">{legend}</legend>
      <div className="case-form__choice-list">
        {tags.map((tag) => (
          <label key={tag} className="case-form__choice">
            <input type="checkbox" value={tag} {...register(name)} disabled={locked} />
            <span>{labelOf(tag)}</span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A yes/no box registered in the surrounding form. */
export function BooleanField({ name, label, hint }: { name: string; label: ReactNode; hint?: ReactNode }) {
  const { register } = useFormContext<FieldValues>();
  const locked = useReadOnly();
  return (
    <label className="case-form__choice case-form__boolean">
      <input type="checkbox" {...register(name)} disabled={locked} />
      <span>{label}</span>
      {hint && <span className="case-form__muted">{hint}</span>}
    </label>
  );
}
