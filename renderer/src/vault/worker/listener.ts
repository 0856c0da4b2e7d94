/**
 * Progress listeners handed to the vault worker arrive as comlink proxies. Reports to them must
 * never hold up or fail the work (a proxy answers asynchronously, and not at all once the main
 * thread has gone), and their channel must be freed when the call ends.
 */
import { releaseProxy } from 'comlink';

/** Calls `listener` with `value` without waiting on it or failing for it. */
export function notify<T>(listener: ((value: T) => unknown) | undefined, value: T): void {
  if (!listener) return;
  try {
    void Promise.resolve(listener(value)).catch(() => undefined);
  } catch {
    // A listener that throws only loses its reports.
  }
}

/** `listener` behind `notify`: a reporter the work can call freely (a no-op without a listener). */
export function progressSink<T>(listener: ((value: T) => unknown) | undefined): (value: T) => void {
  return (value) => notify(listener, value);
}

/** Frees the channel behind a comlink-proxied listener (a plain function or nothing has none). */
export function releaseListener(listener: unknown): void {
  if (typeof listener !== 'function') return;
  const release = (listener as { [releaseProxy]?: unknown })[releaseProxy];
  if (typeof release === 'function') (release as () => void)();
}
