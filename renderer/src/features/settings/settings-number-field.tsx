/**
 * A whole-number setting with bounds (idle-lock minutes, wipe-after attempts): the same short
 * numeric input, so every bounded setting looks and validates alike.
 */
import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from '../../ui/field';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';

/** Props of {@link SettingsNumberField}; `registration` comes from `register(name, { valueAsNumber: true })`. */
export interface SettingsNumberFieldProps {
  label: string;
  hint: string;
  error: string | undefined;
  min: number;
  max: number;
  registration: UseFormRegisterReturn;
}

/** A labelled, bounded whole-number input inside a {@link Field}. */
export function SettingsNumberField({ label, hint, error, min, max, registration }: SettingsNumberFieldProps) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <input
          {...control}
          {...registration}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          className="input input--short"
          {...SENSITIVE_INPUT_PROPS}
        />
      )}
    </Field>
  );
}
