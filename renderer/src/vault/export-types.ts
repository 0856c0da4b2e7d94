/**
 * Partner export as the UI and the vault worker both see it: the request, the preview, and the
 * worker calls. Types only, imported by both sides (like attachment-types.ts). Never carries
 * keys: the bundle is built and signed in the worker (worker/export/), and only its ciphertext
 * crosses to the main thread, pulled piece by piece.
 *
 * Format of what is written: docs/bundle-format.md (§16 for the records).
 */
import type { ExportExclusionReason, Redaction } from '../../../shared/domain/consent-export';
import type { Id } from '../../../shared/domain/ids';

/** What the user chose in the wizard. */
export interface ExportRequest {
  /** The testimonies to consider (each is still gated by consent). */
  readonly testimonyIds: readonly Id[];
  /** Partner contacts the bundle is for; each must be verified and unchanged. */
  readonly recipientIds: readonly Id[];
  readonly redaction: Redaction;
  readonly includeAttachments: boolean;
}

/**
 * Why a testimony is left out: a consent rule (shared/domain/consent-export.ts), or
 * `not_found` (deleted or unreadable since it was chosen), or `witness_not_found` (an
 * identified export whose witness record cannot be read).
 */
export type ExportExclusionCode = ExportExclusionReason | 'not_found' | 'witness_not_found';

/** One testimony left out, and for which recipient (absent when it is not about a recipient). */
export interface ExportExclusion {
  readonly testimonyId: Id;
  /** Reference code like T-2026-0042, or null if the testimony could not be read. */
  readonly referenceCode: string | null;
  readonly reason: ExportExclusionCode;
  readonly contactId?: Id;
}

/** Why a recipient cannot receive a bundle. */
export type ExportRecipientProblem = 'not_found' | 'unverified' | 'key_changed' | 'fingerprint_mismatch';

/** A recipient as the worker found it. */
export interface ExportRecipientInfo {
  readonly contactId: Id;
  /** The contact's label, or null if it could not be read. */
  readonly label: string | null;
  /** 12 groups of 5 digits, or null. */
  readonly fingerprint: string | null;
  readonly problem: ExportRecipientProblem | null;
}

/** What an export would write, computed before anything is written. */
export interface ExportPreview {
  readonly included: readonly { readonly id: Id; readonly referenceCode: string; readonly reviewDue: boolean }[];
  readonly excluded: readonly ExportExclusion[];
  readonly recipients: readonly ExportRecipientInfo[];
  readonly facilities: number;
  readonly perpetrators: number;
  readonly witnesses: number;
  readonly attachments: number;
  /** Bytes of the attachments that would go (originals). */
  readonly attachmentBytes: number;
  /**
   * Among those attachments: recordings (recorded in the app, or audio or video files) and
   * photos (images). Both can identify a witness whatever the redaction: the review names them.
   */
  readonly recordings: number;
  readonly photos: number;
  /** Manifest entries the bundle would have. */
  readonly entryCount: number;
}

/** Why an export cannot start. */
export type ExportRefusal =
  /** No recipient, or one that is not verified, changed its keys, or is gone. */
  | 'recipients'
  /** No testimony is allowed for every recipient. */
  | 'nothing-to-export'
  /** The request itself is malformed (bad ids, duplicate ids, unknown redaction). */
  | 'invalid-request';

/** A bundle prepared in the worker, ready to be pulled. */
export interface ExportStarted {
  /** Base64url of the 16-byte bundle id. */
  readonly bundleId: string;
  /** Exact size of the bundle file in bytes. */
  readonly size: number;
  readonly entryCount: number;
  readonly senderSeq: number;
  /** The recipients' fingerprints, 12 groups of 5 digits, in request order. */
  readonly fingerprints: readonly string[];
  /** The preview the bundle was built from (what went, what was left out and why). */
  readonly preview: ExportPreview;
}

/** What `beginExport` answers: a prepared bundle, or why there is none. */
export type ExportBeginResult = { readonly ok: true; readonly started: ExportStarted } | { readonly ok: false; readonly refusal: ExportRefusal; readonly preview: ExportPreview | null };

/** One pull of bundle bytes. `bytes` is transferred (a fresh buffer each time). */
export interface ExportPiece {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly done: boolean;
}

/** What the audit trail recorded for a finished export. */
export interface ExportReceipt {
  readonly bundleId: string;
  readonly entryCount: number;
  readonly fingerprints: readonly string[];
  readonly redaction: Redaction;
}

/**
 * The worker's export calls (worker/export/export-api.ts). A job id is chosen by the main
 * thread; a job lives until finished or aborted, and dies with the worker at lock.
 */
export interface ExportWorkerApi {
  /** Evaluates the request (contacts, consent per testimony and per recipient) without writing anything. */
  previewExport(request: ExportRequest): Promise<ExportPreview>;
  /**
   * Prepares the bundle: hashes the attachments, reserves the sender sequence number (written
   * to the keyring first), signs the manifest. Nothing is handed out yet.
   */
  beginExport(jobId: string, request: ExportRequest): Promise<ExportBeginResult>;
  /** The next bytes of the bundle (about 1 MiB at most), `done` after the last. */
  pullExport(jobId: string): Promise<ExportPiece>;
  /** The file was saved: writes the audit entry and forgets the job. Only after `done`. */
  finishExport(jobId: string): Promise<ExportReceipt>;
  /** Stops the job and wipes its keys; nothing is audited. Idempotent. */
  abortExport(jobId: string): Promise<void>;
}
