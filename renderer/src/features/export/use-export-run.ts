/**
 * Writing the bundle: begin in the worker (attachments hashed, sequence number reserved,
 * manifest signed), then stream it through `platform.saveFile`, then finish (the audit entry).
 * Cancel aborts the save and the job: the platform leaves nothing half-written and nothing is
 * audited. Leaving the screen mid-write cancels too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePlatform } from '../../platform/platform-context';
import type { ExportJob } from '../../vault/client-export';
import type { ExportReceipt, ExportRequest } from '../../vault/export-types';
import { useVaultClient } from '../vault-session/vault-context';

export type ExportPhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'preparing' }
  | { readonly kind: 'writing'; readonly done: number; readonly total: number }
  | { readonly kind: 'done'; readonly name: string; readonly receipt: ExportReceipt }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'refused' }
  | { readonly kind: 'failed' };

/**
 * The file's suggested name: the date only. A file name is visible without any key (a
 * download list, a checkpoint search), so it never names a partner or a case.
 */
export function bundleFileName(now: Date = new Date()): string {
  return `sijill-export-${now.toISOString().slice(0, 10)}.sijill`;
}

export function useExportRun(fileType: string): { phase: ExportPhase; start(request: ExportRequest): Promise<void>; cancel(): void; reset(): void } {
  const client = useVaultClient();
  const platform = usePlatform();
  const [phase, setPhase] = useState<ExportPhase>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const job = useRef<ExportJob | null>(null);

  const cancel = useCallback(() => {
    controller.current?.abort();
    void job.current?.abort();
  }, []);
  useEffect(() => cancel, [cancel]);

  const start = useCallback(
    async (request: ExportRequest) => {
      const abort = new AbortController();
      controller.current = abort;
      setPhase({ kind: 'preparing' });
      let current: ExportJob | null = null;
      try {
        const begun = await client.exports.begin(request);
        if (!begun.ok) {
          setPhase({ kind: 'refused' });
          return;
        }
        current = begun.job;
        job.current = current;
        if (abort.signal.aborted) throw abort.signal.reason;
        const total = current.started.size;
        setPhase({ kind: 'writing', done: 0, total });
        const saved = await platform.saveFile({
          suggestedName: bundleFileName(),
          filters: [{ name: fileType, extensions: ['sijill'] }],
          chunks: current.chunks((done) => setPhase({ kind: 'writing', done, total })),
          signal: abort.signal,
        });
        if (saved.status === 'cancelled') {
          await current.abort();
          setPhase({ kind: 'cancelled' });
          return;
        }
        const receipt = await current.finish();
        setPhase({ kind: 'done', name: saved.name, receipt });
      } catch {
        await current?.abort();
        setPhase({ kind: abort.signal.aborted ? 'cancelled' : 'failed' });
      } finally {
        job.current = null;
        controller.current = null;
      }
    },
    [client, platform, fileType],
  );

  const reset = useCallback(() => setPhase({ kind: 'idle' }), []);
  return { phase, start, cancel, reset };
}
