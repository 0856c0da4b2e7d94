/**
 * A checkbox with its label and an optional explanation under it. The whole label is the
 * click target (larger than the box, easier on a trackpad in a moving vehicle).
 */
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import './checkbox.css';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  ref?: Ref<HTMLInputElement>;
  label: ReactNode;
  description?: ReactNode;
}

/** `<input type="checkbox">` with a label and a description tied to it. */
export function Checkbox({ ref, label, description, ...rest }: CheckboxProps) {
  const id = useId();
  const descriptionId = `${id}-description`;
  return (
    <div className="checkbox">
      <input ref={ref} id={id} type="checkbox" className="checkbox__box" aria-describedby={description ? descriptionId : undefined} {...rest} />
      <label htmlFor={id} className="checkbox__label">
        {label}
      </label>
      {description && (
        <div id={descriptionId} className="checkbox__description">
          {description}
        </div>
      )}
    </div>
  );
}
