/**
 * The small state machine of a settings form that saves: idle → saving → saved or failed.
 * A result is announced once and cleared by the next edit.
 */
import { useCallback, useState } from 'react';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/** `run(task)` tracks one save; `reset()` clears a shown result. */
export function useSaveStatus() {
  const [status, setStatus] = useState<SaveStatus>('idle');
  const run = useCallback(async (task: () => Promise<unknown>) => {
    setStatus('saving');
    try {
      await task();
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  }, []);
  const reset = useCallback(() => setStatus((current) => (current === 'saving' ? current : 'idle')), []);
  return { status, run, reset };
}
