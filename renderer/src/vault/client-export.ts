/**
 * The main-thread side of partner export (`vault.exports`). Runs on the renderer's main thread:
 * it only moves ciphertext from the vault worker to the platform's `saveFile`, pulling about
 * 1 MiB at a time (each buffer transferred, not copied), so a bundle of several GiB never sits
 * in memory here. The bundle is planned, signed and encrypted in the worker (worker/export/).
 *
 * Locking mid-export ends the worker: the next pull rejects, saveFile stops, and the platform
 * leaves nothing half-written. The sequence number the job reserved is simply never used.
 */
import type { ExportBeginResult, ExportPreview, ExportReceipt, ExportRefusal, ExportRequest, ExportStarted } from './export-types';
import type { WorkerCall } from './client-records';

/** A bundle prepared in the worker: pull its bytes once, then finish (saved) or abort. */
export interface ExportJob {
  readonly started: ExportStarted;
  /**
   * The bundle's bytes for `platform.saveFile`, pulled on demand. `onBytes` hears the running
   * total after each pull. Leaving the loop early aborts the job.
   */
  chunks(onBytes?: (written: number) => void): AsyncIterable<Uint8Array>;
  /** The file was saved: writes the audit entry. Only after every byte was pulled. */
  finish(): Promise<ExportReceipt>;
  /** Stops the job and wipes its keys (idempotent; nothing is audited). */
  abort(): Promise<void>;
}

/** Result of `begin`: a job, or why none was started (with the preview when there is one). */
export type ExportBegin = { readonly ok: true; readonly job: ExportJob } | { readonly ok: false; readonly refusal: ExportRefusal; readonly preview: ExportPreview | null };

/** Partner export. Every method rejects with `LockedError` while locked. */
export interface ExportRepository {
  /** What `request` would export, and every exclusion with its reason; writes nothing. */
  preview(request: ExportRequest): Promise<ExportPreview>;
  /** Prepares the bundle (hashes attachments, reserves the sender sequence number, signs). */
  begin(request: ExportRequest): Promise<ExportBegin>;
}

const newJobId = (): string => crypto.randomUUID();

/** Builds the export client over the vault client's worker access. */
export function createExportClient(call: WorkerCall): ExportRepository {
  function job(jobId: string, started: ExportStarted): ExportJob {
    let finished = false;
    const abort = async () => {
      if (finished) return;
      finished = true;
      await call((api) => api.abortExport(jobId)).catch(() => undefined);
    };
    return {
      started,
      chunks: (onBytes) => ({
        async *[Symbol.asyncIterator]() {
          let written = 0;
          let complete = false;
          try {
            while (!complete) {
              const piece = await call((api) => api.pullExport(jobId));
              complete = piece.done;
              written += piece.bytes.length;
              if (piece.bytes.length > 0) yield piece.bytes;
              onBytes?.(written);
            }
          } finally {
            // Cancelled, failed or abandoned before the end: nothing may stay prepared in the worker.
            if (!complete) await abort();
          }
        },
      }),
      finish: async () => {
        const receipt = await call((api) => api.finishExport(jobId));
        finished = true;
        return receipt;
      },
      abort,
    };
  }

  return {
    preview: (request) => call((api) => api.previewExport(request)),
    async begin(request) {
      const jobId = newJobId();
      const result = await call<ExportBeginResult>((api) => api.beginExport(jobId, request));
      if (!result.ok) return result;
      return { ok: true, job: job(jobId, result.started) };
    },
  };
}
