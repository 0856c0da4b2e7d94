/**
 * Text fields of the record forms, registered with the surrounding react-hook-form context.
 * Runs on the main thread.
 *
 * Everything typed into a record is sensitive, so the hygiene attributes (no autofill, no
 * spellchecker, no autocorrection) are applied after the caller's props and cannot be undone.
 * `dir="auto"` lets an Arabic name read right to left inside an English form and back.
 */
import type { ReactNode } from 'react';
import { useFormContext, type FieldValues } from 'react-hook-form';
import { Field } from '../../../ui/field';
import { SENSITIVE_INPUT_PROPS } from '../../../ui/sensitive-input';
import { useFieldError } from './form-errors';
import { useReadOnly } from './read-only';
import './case-form.css';

export interface TextFieldProps {
  /** Dotted path of the value in the form (`narrative.text`, `sessions.0.place`). */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number;
  /** `numeric` for years and minutes: shows a digit keyboard on touch screens. */
  inputMode?: 'numeric' | 'text';
  /** Input type for exact dates and times (their pickers need no typing in a given script). */
  type?: 'text' | 'date' | 'time';
  /** Narrow input (years, codes). */
  short?: boolean;
  /** Monospaced, for codes such as W-0042. */
  code?: boolean;
  readOnly?: boolean;
}

/** A labelled input or textarea with its translated error. */
export function TextField({ name, label, hint, rows, inputMode, type = 'text', short = false, code = false, readOnly = false }: TextFieldProps) {
  const { register } = useFormContext<FieldValues>();
  const error = useFieldError(name);
  const locked = useReadOnly() || readOnly;
  const classes = ['input', short ? 'input--short' : '', code ? 'input--code' : '', rows ? 'case-form__textarea' : ''].filter(Boolean).join(' ');
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) =>
        rows ? (
          <textarea {...control} {...register(name)} rows={rows} readOnly={locked} className={classes} dir="auto" {...SENSITIVE_INPUT_PROPS} />
        ) : (
          <input {...control} {...register(name)} type={type} inputMode={inputMode} readOnly={locked} className={classes} dir="auto" {...SENSITIVE_INPUT_PROPS} />
        )
      }
    </Field>
  );
}
