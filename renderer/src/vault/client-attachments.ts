/**
 * The main-thread attachment repository (`vault.attachments`). Runs on the renderer's main
 * thread: it moves bytes between the UI and the vault worker and never sees a key.
 *
 * - Files picked or dropped are File objects: they go to the worker as they are (a File is a
 *   handle, structured-cloned without its bytes) and the worker stream-reads them there.
 * - An OpenedFile from the platform port (the desktop's file dialog) is read here in 1 MiB
 *   slices and pushed through a writer, like a recording's chunks.
 * - Reads come back piece by piece; the caller decides what to show (see the features).
 *
 * Locking: a running import dies with the worker (its rows are swept at the next unlock). A
 * writer started with `sealOnLock` (a recording) is finished first: the client awaits
 * `sealForLock()` before the worker is told to close, so the recording is sealed, not lost.
 */
import { proxy, transfer } from 'comlink';
import type { Id } from '../../../shared/domain/ids';
import type { OpenedFile } from '../platform/platform';
import type { AttachmentDraft, AttachmentExtra, AttachmentInfo, AttachmentListing, AttachmentOwner, AttachmentPiece, AttachmentVerification } from './attachment-types';
import type { WorkerCall } from './client-records';
import type { ObjectUrlRegistry } from './object-urls';
import { AttachmentError, LockedError } from './vault-errors';

/** How long a lock waits for recordings to seal before closing the worker anyway. */
export const SEAL_TIMEOUT_MS = 10_000;
/** Slice size when reading an OpenedFile (desktop dialog). */
const SLICE_BYTES = 1024 * 1024;
/** Default piece size of a progressive read. */
export const READ_PIECE_BYTES = 1024 * 1024;

/** Progress and cancellation of an import. */
export interface ImportOptions {
  /** Bytes stored so far (about once per MiB, and once at the end). */
  readonly onProgress?: (bytes: number) => void;
  /** Aborting cancels the import; every row written so far is deleted. */
  readonly signal?: AbortSignal;
}

/** What a live writer's owner wants done when the vault locks or is wiped. */
export interface WriterHooks {
  /** Finish and seal the stream (a recording): awaited, bounded, before the worker closes. */
  readonly sealOnLock?: () => Promise<unknown>;
  /** Stop capturing at once (panic wipe: nothing is sealed). */
  readonly stopCapture?: () => void;
}

/** An attachment being written from the main thread (a recording, a desktop file). */
export interface AttachmentWriterHandle {
  /** Appends original bytes; the array is transferred to the worker (do not reuse it). */
  append(bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  finish(extra?: AttachmentExtra): Promise<AttachmentInfo>;
  /** Deletes whatever was written. */
  abort(): Promise<void>;
}

/** A progressive read of one attachment. */
export interface AttachmentReader {
  readonly info: AttachmentInfo;
  /** The next piece; `done` once every check passed. Throws `AttachmentError` on a refused stream. */
  read(maxBytes?: number): Promise<AttachmentPiece>;
  close(): Promise<void>;
}

/** Attachments of testimonies and perpetrators. Every method rejects with `LockedError` while locked. */
export interface AttachmentRepository {
  list(owner: AttachmentOwner): Promise<AttachmentListing>;
  /** Stores a File or Blob (stream-read in the worker). */
  importFile(file: Blob, draft: AttachmentDraft, options?: ImportOptions): Promise<AttachmentInfo>;
  /** Stores a file opened through the platform port, read in slices. Closes it. */
  importOpenedFile(file: OpenedFile, draft: AttachmentDraft, options?: ImportOptions): Promise<AttachmentInfo>;
  /** Starts a stream pushed from here (a recording). */
  startWriter(draft: AttachmentDraft, hooks?: WriterHooks): Promise<AttachmentWriterHandle>;
  open(id: Id): Promise<AttachmentReader>;
  /** Re-decrypts every chunk and compares length and SHA-256 with the metadata. */
  verify(id: Id): Promise<AttachmentVerification>;
  delete(id: Id): Promise<void>;
  /** Registers an object URL made from decrypted bytes; it is revoked at lock at the latest. */
  trackUrl(url: string): string;
  /** Revokes it now (a viewer closed). */
  releaseUrl(url: string): void;
}

/** What the vault client gives the repository. */
export interface AttachmentDeps {
  /** Calls the unlocked worker; rejects once the vault locks. */
  readonly call: WorkerCall;
  /** A call bound to the worker live now, usable until that worker is closed (for sealing at lock). */
  readonly pin: () => WorkerCall;
  readonly urls: ObjectUrlRegistry;
}

/** The repository and the two lock-time duties the vault client performs. */
export interface AttachmentClient {
  readonly repository: AttachmentRepository;
  /** Seals every writer that asked for it (bounded by SEAL_TIMEOUT_MS), then forgets all writers. */
  sealForLock(timeoutMs?: number): Promise<void>;
  /** Panic wipe: stops every capture; nothing is sealed. */
  discardAll(): void;
}

const newHandleId = (): string => crypto.randomUUID();

/** Builds the attachment client over the vault client's worker access. */
export function createAttachmentClient({ call, pin, urls }: AttachmentDeps): AttachmentClient {
  const live = new Set<WriterHooks>();

  async function startWriter(draft: AttachmentDraft, hooks: WriterHooks = {}): Promise<AttachmentWriterHandle> {
    const pinned = pin();
    const writerId = newHandleId();
    await pinned((api) => api.beginAttachment(writerId, draft));
    live.add(hooks);
    const done = () => live.delete(hooks);
    return {
      append: (bytes) => pinned((api) => api.appendAttachment(writerId, transfer(bytes, [bytes.buffer]))),
      finish: (extra = {}) => pinned((api) => api.finishAttachment(writerId, extra)).finally(done),
      abort: () => pinned((api) => api.abortAttachment(writerId)).finally(done),
    };
  }

  async function importFile(file: Blob, draft: AttachmentDraft, options: ImportOptions = {}): Promise<AttachmentInfo> {
    const { signal, onProgress } = options;
    if (signal?.aborted) throw new AttachmentError('cancelled');
    const writerId = newHandleId();
    const cancel = () => void call((api) => api.abortAttachment(writerId)).catch(() => undefined);
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      return await call((api) => api.importAttachment(writerId, draft, file, onProgress ? proxy(onProgress) : undefined));
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }

  async function importOpenedFile(file: OpenedFile, draft: AttachmentDraft, options: ImportOptions = {}): Promise<AttachmentInfo> {
    const { signal, onProgress } = options;
    try {
      const writer = await startWriter(draft);
      try {
        for (let offset = 0; offset < file.size; ) {
          if (signal?.aborted) throw new AttachmentError('cancelled');
          const slice = await file.read(offset, Math.min(SLICE_BYTES, file.size - offset));
          if (slice.length === 0) break; // the file shrank while we read it: store what there was
          offset += slice.length;
          await writer.append(slice.byteOffset === 0 && slice.byteLength === slice.buffer.byteLength ? (slice as Uint8Array<ArrayBuffer>) : slice.slice());
          onProgress?.(offset);
        }
        if (signal?.aborted) throw new AttachmentError('cancelled');
        const info = await writer.finish();
        onProgress?.(info.size);
        return info;
      } catch (error) {
        await writer.abort().catch(() => undefined);
        throw error;
      }
    } finally {
      await file.close().catch(() => undefined);
    }
  }

  async function open(id: Id): Promise<AttachmentReader> {
    const readerId = newHandleId();
    const info = await call((api) => api.openAttachment(readerId, id));
    let finished = false;
    return {
      info,
      async read(maxBytes = READ_PIECE_BYTES) {
        if (finished) throw new AttachmentError('invalid-state');
        try {
          const piece = await call((api) => api.readAttachment(readerId, maxBytes));
          finished = piece.done;
          return piece;
        } catch (error) {
          finished = true;
          throw error;
        }
      },
      async close() {
        if (finished) return;
        finished = true;
        await call((api) => api.closeAttachment(readerId)).catch(() => undefined);
      },
    };
  }

  const repository: AttachmentRepository = {
    list: (owner) => call((api) => api.listAttachments(owner)),
    importFile,
    importOpenedFile,
    startWriter,
    open,
    verify: (id) => call((api) => api.verifyAttachment(id)),
    delete: (id) => call((api) => api.deleteAttachment(id)),
    trackUrl: (url) => urls.track(url),
    releaseUrl: (url) => urls.release(url),
  };

  return {
    repository,
    async sealForLock(timeoutMs = SEAL_TIMEOUT_MS) {
      const sealing = [...live].map((hooks) => (hooks.sealOnLock ? hooks.sealOnLock().catch(() => undefined) : Promise.resolve()));
      live.clear();
      if (sealing.length === 0) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([Promise.allSettled(sealing), deadline]);
      clearTimeout(timer);
    },
    discardAll() {
      for (const hooks of live) {
        try {
          hooks.stopCapture?.();
        } catch {
          // Stopping one capture must not keep the others running.
        }
      }
      live.clear();
    },
  };
}

/** A WorkerCall that always rejects: the vault is locked. */
export const lockedCall: WorkerCall = () => Promise.reject(new LockedError());
