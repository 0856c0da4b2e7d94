/**
 * A labelled form field: label, the control, an optional hint and an error. The control is a
 * render prop so the caller keeps its own input (react-hook-form registers it) while the ids
 * that tie label, hint and error to it are made here, once.
 */
import { useId, type ReactNode } from 'react';
import './field.css';

/** What the control needs to be wired to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Translated error text; when present the control is marked invalid. */
  error?: string | undefined;
  children(control: FieldControlProps): ReactNode;
}

/** One field: `<label>`, control, hint, then the error (announced when it appears). */
export function Field({ label, hint, error, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const control: FieldControlProps = { id };
  if (describedBy) control['aria-describedby'] = describedBy;
  if (error) control['aria-invalid'] = true;
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children(control)}
      {hint && (
        <div id={hintId} className="field__hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
