/**
 * Attachments as the UI and the worker both see them: view models and the worker calls. Types
 * only, imported by both sides (like worker-api.ts). Never carries keys, row ids or ciphertext.
 *
 * Storage format: docs/attachment-format.md.
 */
import type { Id } from '../../../shared/domain/ids';

/** What an attachment belongs to. */
export type AttachmentOwnerKind = 'testimony' | 'perpetrator';

export interface AttachmentOwner {
  readonly kind: AttachmentOwnerKind;
  readonly id: Id;
}

/** How the bytes arrived: a file the user attached, or audio recorded in the app. */
export type AttachmentSource = 'file' | 'recording';

/** What the caller says about a new attachment (the rest is measured while it is stored). */
export interface AttachmentDraft {
  /** The original file name (a label only: never used as a path). */
  readonly name: string;
  /** Media type as reported by the browser or the recorder; '' if unknown. */
  readonly mediaType: string;
  readonly owner: AttachmentOwner;
  readonly source: AttachmentSource;
  /** ISO time of capture: the file's last-modified time, or the start of a recording. */
  readonly capturedAt: string;
  /** Who added it (a name or initials typed by the user); optional. */
  readonly addedBy?: string;
}

/** Measured at the end of a recording. */
export interface AttachmentExtra {
  readonly durationMs?: number;
}

/** A stored attachment (decrypted metadata). */
export interface AttachmentInfo {
  readonly id: Id;
  readonly name: string;
  readonly mediaType: string;
  readonly owner: AttachmentOwner;
  readonly source: AttachmentSource;
  /** Bytes of the original. */
  readonly size: number;
  /** SHA-256 of the original bytes, lowercase hex, computed while they were stored. */
  readonly sha256: string;
  readonly capturedAt: string;
  /** ISO time it was stored (device clock). */
  readonly addedAt: string;
  readonly addedBy?: string;
  readonly durationMs?: number;
}

/** Attachments of one owner, and those whose metadata could not be read. */
export interface AttachmentListing {
  readonly attachments: readonly AttachmentInfo[];
  readonly unreadable: readonly Id[];
}

/** Result of "verify integrity": every chunk decrypted again and the SHA-256 recomputed. */
export interface AttachmentVerification {
  readonly id: Id;
  readonly size: number;
  readonly sha256: string;
  /** ISO time of the check. */
  readonly checkedAt: string;
}

/** One piece of a progressive read: plaintext bytes (possibly empty) and whether it was the last. */
export interface AttachmentPiece {
  readonly bytes: Uint8Array;
  /** True once every check passed (FINAL seen, nothing after it, length and SHA-256 match). */
  readonly done: boolean;
}

/**
 * The worker's attachment calls (implemented in worker/attachment-api.ts). Writer and reader
 * handles are ids the main thread chooses, so it can cancel a call that has not returned yet.
 */
export interface AttachmentWorkerApi {
  /** Starts a stored stream: writes the pending marker. */
  beginAttachment(writerId: string, draft: AttachmentDraft): Promise<void>;
  /** Appends bytes of the original (any piece size). */
  appendAttachment(writerId: string, bytes: Uint8Array): Promise<void>;
  /** Seals the stream and commits the metadata record; the pending marker goes. */
  finishAttachment(writerId: string, extra: AttachmentExtra): Promise<AttachmentInfo>;
  /** Drops the stream and every row written for it (also cancels a running import). */
  abortAttachment(writerId: string): Promise<void>;
  /**
   * Reads `file` in the worker (File.stream()) into a new attachment. `onProgress` (a comlink
   * proxy) receives the bytes stored so far, about once per batch.
   */
  importAttachment(writerId: string, draft: AttachmentDraft, file: Blob, onProgress?: (bytes: number) => void): Promise<AttachmentInfo>;
  listAttachments(owner: AttachmentOwner): Promise<AttachmentListing>;
  /** Opens a progressive reader; the first `readAttachment` starts decrypting. */
  openAttachment(readerId: string, id: Id): Promise<AttachmentInfo>;
  /** The next piece of at most about `maxBytes` bytes. Throws `AttachmentError` on any broken rule. */
  readAttachment(readerId: string, maxBytes: number): Promise<AttachmentPiece>;
  closeAttachment(readerId: string): Promise<void>;
  /** Re-decrypts every chunk and recomputes the SHA-256 against the metadata. */
  verifyAttachment(id: Id): Promise<AttachmentVerification>;
  /** Deletes the metadata record, then the chunk rows (crash-safe through the pending marker). */
  deleteAttachment(id: Id): Promise<void>;
}
