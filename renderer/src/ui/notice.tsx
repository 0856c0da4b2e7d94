/**
 * A boxed note: "not available yet" placeholders and errors. The box marks its start edge,
 * which is the right edge in Arabic.
 */
import type { ReactNode } from 'react';
import './notice.css';

export interface NoticeProps {
  tone?: 'info' | 'danger';
  id?: string;
  children: ReactNode;
}

/** A styled block of text; its role is left to the caller (static by default). */
export function Notice({ tone = 'info', id, children }: NoticeProps) {
  return (
    <div id={id} className={tone === 'danger' ? 'notice notice--danger' : 'notice'}>
      {children}
    </div>
  );
}
