/**
 * The main-thread side of bundle import (`vault.imports`). Runs on the renderer's main thread:
 * it lends the worker a pull source over the opened file and relays progress; the bundle is
 * opened, verified and merged in the worker, where the device's keys are.
 */
import { proxy } from 'comlink';
import type { Id } from '../../../shared/domain/ids';
import type { OpenedFile } from '../platform/platform';
import type { WorkerCall } from './client-records';
import type { ImportMergeResult, ImportOpenResult, ImportProgress, Provenance } from './import-types';

/** Import of partner bundles, for the import feature and the testimony view. */
export interface ImportRepository {
  /**
   * Opens and verifies `file` into a quarantine. The file stays the caller's to close. A result,
   * not an exception, for every refusal of the bundle (`problem`); LockedError if the vault locks.
   */
  open(file: Pick<OpenedFile, 'size' | 'read'>, onProgress?: (progress: ImportProgress) => void): Promise<ImportOpenResult>;
  /** Merges an opened quarantine in one transaction (verified signers only). */
  merge(importId: string): Promise<ImportMergeResult>;
  /** Drops a quarantine and its pending attachments. */
  discard(importId: string): Promise<void>;
  /** Provenance of each received version of a record, oldest first; null for a local record. */
  provenance(type: string, id: Id): Promise<Provenance[] | null>;
}

/** Builds the repository over the unlocked worker. */
export function createImportClient(call: WorkerCall): ImportRepository {
  return {
    open(file, onProgress) {
      const importId = crypto.randomUUID();
      const read = proxy((offset: number, length: number) => file.read(offset, length));
      const progress = onProgress ? proxy(onProgress) : undefined;
      return call<ImportOpenResult>((api) => api.importOpen(importId, read, file.size, progress));
    },
    merge: (importId) => call<ImportMergeResult>((api) => api.importMerge(importId)),
    discard: (importId) => call((api) => api.importDiscard(importId)),
    provenance: (type, id) => call((api) => api.importProvenance(type, id)),
  };
}
