/**
 * Fields over a controlled vocabulary (shared/domain): a <select> for one code, checkboxes for
 * several. Labels come from the vocabulary in the UI language (`labelOf`); values are the
 * stable codes, so what is stored never depends on the language it was typed in.
 */
import type { ReactNode } from 'react';
import { useFormContext, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { labelOf, type Lang, type Vocabulary } from '../../../../../shared/domain';
import { toLanguage } from '../../../i18n/languages';
import { Field } from '../../../ui/field';
import { useFieldError } from './form-errors';
import { useReadOnly } from './read-only';

/** The UI language as a vocabulary language. */
export function useVocabularyLang(): Lang {
  const { i18n } = useTranslation();
  return toLanguage(i18n.resolvedLanguage);
}

export interface VocabularySelectProps<C extends string> {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  vocabulary: Vocabulary<C>;
  /** Adds a first, empty choice with this text (the field is optional). */
  emptyLabel?: string;
  disabled?: boolean;
}

/** One code from a vocabulary. */
export function VocabularySelect<C extends string>({ name, label, hint, vocabulary, emptyLabel, disabled = false }: VocabularySelectProps<C>) {
  const { register } = useFormContext<FieldValues>();
  const lang = useVocabularyLang();
  const error = useFieldError(name);
  const locked = useReadOnly() || disabled;
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <select {...control} {...register(name)} className="input" disabled={locked}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {vocabulary.entries.map((entry) => (
            <option key={entry.code} value={entry.code}>
              {labelOf(vocabulary, entry.code, lang)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface VocabularyCheckboxesProps<C extends string> {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  vocabulary: Vocabulary<C>;
  /** Only these codes (in vocabulary order); all by default. */
  codes?: readonly C[];
}

/** Any number of codes from a vocabulary, as a group of checkboxes sharing one name. */
export function VocabularyCheckboxes<C extends string>({ name, legend, hint, vocabulary, codes }: VocabularyCheckboxesProps<C>) {
  const { register } = useFormContext<FieldValues>();
  const lang = useVocabularyLang();
  const error = useFieldError(name);
  const locked = useReadOnly();
  const shown = codes ? vocabulary.entries.filter((entry) => codes.includes(entry.code)) : vocabulary.entries;
  return (
    <fieldset className="case-form__choices" aria-invalid={error ? true : undefined}>
      <legend className="field__label">{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <div className="case-form__choice-list">
        {shown.map((entry) => (
          <label key={entry.code} className="case-form__choice">
            <input type="checkbox" value={entry.code} {...register(name)} disabled={locked} />
            <span>{labelOf(vocabulary, entry.code, lang)}</span>
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
