/**
 * "Working, please wait" for slow operations (Argon2id runs for seconds). The indeterminate
 * <progress> animates on the compositor, and the work itself runs in the vault worker, so the
 * page keeps responding; the text is a live status so screen readers hear it once.
 */
import type { ReactNode } from 'react';
import './busy-notice.css';

export interface BusyNoticeProps {
  title: string;
  children?: ReactNode;
}

/** A titled status box with an indeterminate progress bar. */
export function BusyNotice({ title, children }: BusyNoticeProps) {
  return (
    <div className="busy-notice" role="status">
      <p className="busy-notice__title">{title}</p>
      <progress className="busy-notice__bar" aria-label={title} />
      {children}
    </div>
  );
}
