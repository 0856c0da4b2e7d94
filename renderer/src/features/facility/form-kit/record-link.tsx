/**
 * A record's name (or reference code) that opens it: a button that looks like a link, since
 * navigation is in-memory state, not a URL. Runs on the main thread.
 */
import type { ReactNode } from 'react';
import './record-list.css';

/** Calls `onOpen` when activated. */
export function RecordLink({ onOpen, children, label }: { onOpen(): void; children: ReactNode; label?: string }) {
  return (
    <button type="button" className="record-link" onClick={onOpen} aria-label={label}>
      {children}
    </button>
  );
}
