/**
 * A boxed note: explanations, warnings, errors and confirmations. The box marks its start
 * edge, which is the right edge in Arabic.
 */
import type { ReactNode } from 'react';
import './notice.css';

export interface NoticeProps {
  tone?: 'info' | 'danger' | 'success';
  id?: string;
  /** `alert` for errors the user must hear now, `status` for results; static by default. */
  role?: 'alert' | 'status';
  className?: string;
  children: ReactNode;
}

/** A styled block of text. */
export function Notice({ tone = 'info', id, role, className, children }: NoticeProps) {
  const classes = ['notice', tone === 'info' ? '' : `notice--${tone}`, className].filter(Boolean).join(' ');
  return (
    <div id={id} role={role} className={classes}>
      {children}
    </div>
  );
}
