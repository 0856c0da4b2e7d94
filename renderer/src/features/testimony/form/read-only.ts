/**
 * A read-only form (a sealed testimony): text stays focusable and readable (readOnly, not
 * disabled, so keyboard and screen-reader users can still read every field); choices that have
 * no read-only state (selects, checkboxes) are disabled. Runs on the main thread.
 */
import { createContext, use } from 'react';

export const ReadOnlyContext = createContext(false);

/** True inside a read-only form. */
export function useReadOnly(): boolean {
  return use(ReadOnlyContext);
}
