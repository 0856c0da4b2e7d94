/**
 * Enter in a one-line input of an embedded form (a `<div role="group">` inside another form)
 * submits the embedded form, and never the form around it. Runs on the main thread.
 */
import type { KeyboardEvent } from 'react';

/** Calls `submit` for Enter in an `<input>` (not a textarea, button or select) and stops the outer form seeing it. */
export function submitOnEnter(event: KeyboardEvent<HTMLElement>, submit: () => void): void {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  const target = event.target as HTMLElement;
  if (target.tagName !== 'INPUT' || (target as HTMLInputElement).type === 'checkbox') return;
  event.preventDefault();
  event.stopPropagation();
  submit();
}
