/**
 * The app's button. Defaults to type="button" so no button submits a form by accident (form
 * submission is blocked by the CSP anyway, and would log an error).
 */
import type { ButtonHTMLAttributes } from 'react';
import './button.css';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'quiet' | 'danger';
}

/** A styled <button>; every other prop passes through. */
export function Button({ variant = 'secondary', type = 'button', className, ...rest }: ButtonProps) {
  const classes = ['button', `button--${variant}`, className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...rest} />;
}
