/**
 * "Working, please wait" for slow operations (Argon2id runs for seconds). The indeterminate
 * <progress> animates on the compositor, and the work itself runs in the vault worker, so the
 * page keeps responding; the text is a live status so screen readers hear it once.
 */
import type { ReactNode } from 'react';
import './busy-notice.css';

export interface BusyNoticeProps {
  title: string;
  /** How far the work got, when it can be counted; the bar is indeterminate without it. */
  progress?: { readonly done: number; readonly total: number } | null | undefined;
  children?: ReactNode;
}

/** A titled status box with a progress bar (determinate once `progress` is known). */
export function BusyNotice({ title, progress, children }: BusyNoticeProps) {
  const counted = progress && progress.total > 0 ? progress : null;
  return (
    <div className="busy-notice" role="status">
      <p className="busy-notice__title">{title}</p>
      {counted ? (
        <progress className="busy-notice__bar" aria-label={title} value={Math.min(counted.done, counted.total)} max={counted.total} />
      ) : (
        <progress className="busy-notice__bar" aria-label={title} />
      )}
      {children}
    </div>
  );
}
