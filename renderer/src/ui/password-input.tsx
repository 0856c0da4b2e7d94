/**
 * A passphrase input with a show/hide toggle. Hidden by default; showing is a deliberate act,
 * and the field hides again whenever it is unmounted (the state lives only here).
 *
 * Sensitive-text hygiene is built in (SENSITIVE_INPUT_PROPS), so no caller can forget it.
 * `dir="auto"` lets an Arabic passphrase read right to left inside an English UI and back.
 */
import { useState, type InputHTMLAttributes, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button';
import './password-input.css';
import { SENSITIVE_INPUT_PROPS } from './sensitive-input';

export interface PasswordInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  ref?: Ref<HTMLInputElement>;
  /** Monospaced text, for recovery keys. */
  code?: boolean;
}

/** `<input type="password">` plus a toggle button that reveals the text. */
export function PasswordInput({ ref, code = false, className, ...rest }: PasswordInputProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const classes = ['input', code ? 'input--code' : '', className].filter(Boolean).join(' ');
  return (
    <div className="password-input">
      {/* The hygiene attributes come last: no caller can switch them back on. */}
      <input ref={ref} type={visible ? 'text' : 'password'} {...rest} dir={rest.dir ?? 'auto'} className={classes} {...SENSITIVE_INPUT_PROPS} />
      <Button
        variant="quiet"
        className="password-input__toggle"
        aria-pressed={visible}
        aria-label={visible ? t('ui.hideText') : t('ui.showText')}
        disabled={rest.disabled}
        onClick={() => setVisible((shown) => !shown)}
      >
        {visible ? t('ui.hide') : t('ui.show')}
      </Button>
    </div>
  );
}
