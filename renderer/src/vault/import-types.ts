/**
 * Importing partner bundles, as the UI and the vault worker both see it: the quarantine
 * summary, results, provenance and the worker calls. Types only, imported by both sides (like
 * attachment-types.ts). Never carries keys, row ids or record contents beyond provenance labels.
 *
 * The pipeline (worker/import/*): the main thread lends the worker a pull source over the
 * opened file; the worker opens the bundle with the device's X25519 key (which never leaves
 * it), verifies everything (shared/bundle readBundle) into a quarantine, and only on `merge`
 * writes the received records in one transaction.
 */
import type { Id } from '../../../shared/domain/ids';

/** Why a bundle was refused, by what a person needs to know (translated by the import feature). */
export type ImportProblem =
  /** None of this device's keys opens it: it was sealed for someone else. */
  | 'not-for-us'
  /** An authentication, signature, hash or length check failed: damaged or altered. */
  | 'damaged'
  /** Not a bundle this version reads (bad magic, version, stanza, manifest). */
  | 'malformed'
  /** Larger than a bundle (or its records) may be. */
  | 'too-large'
  /** Already imported (same bundle id or same sender sequence number). */
  | 'replayed'
  /** The signer is not a verified contact: inspect only. */
  | 'untrusted-signer'
  /** The signer's key changed since it was verified: compare the fingerprint again first. */
  | 'key-changed'
  /** Authentic, but a record breaks its schema or links to something the bundle does not carry. */
  | 'invalid-records'
  /** The disk is full; nothing was merged. */
  | 'storage-full'
  /** The file could not be read. */
  | 'unreadable-file'
  /** The quarantine is gone (discarded, merged, or the vault locked in between). */
  | 'expired';

/** How far the signer is trusted (by key, never by label). */
export type ImportTrust = 'verified' | 'unverified' | 'key-changed';

/** Record types a partner bundle carries (shared/exchange). */
export type ReceivedType = 'facility' | 'perpetrator' | 'testimony' | 'witness' | 'consent' | 'attachment-info';

/** What a verified bundle holds, shown in quarantine before anything is merged. */
export interface ImportSummary {
  readonly importId: string;
  /** base64url, as in the manifest. */
  readonly bundleId: string;
  /** The sender's (informational) creation time. */
  readonly created: string;
  readonly redaction: 'pseudonymised' | 'identified';
  readonly sender: {
    readonly label: string;
    /** 12 groups of 5 digits. */
    readonly fingerprint: string;
  };
  readonly trust: ImportTrust;
  /** Record entries per type (manifest entry types). */
  readonly records: Readonly<Record<string, number>>;
  readonly blobs: number;
  readonly blobBytes: number;
  /** True only for a verified signer whose records all parsed: merge is allowed. */
  readonly canMerge: boolean;
}

/** Progress of reading a bundle: bytes read of the file's size. */
export interface ImportProgress {
  readonly bytes: number;
  readonly total: number;
}

export type ImportOpenResult = { readonly ok: true; readonly summary: ImportSummary } | { readonly ok: false; readonly problem: ImportProblem; readonly code: string };

/** What a merge wrote. */
export interface ImportCounts {
  /** New local records (received for the first time). */
  readonly created: number;
  /** New local versions of records received before from the same sender. */
  readonly updated: number;
  /** Records skipped because this vault already holds that version or a later one. */
  readonly unchanged: number;
  readonly attachments: number;
}

/** Local ids of the records a merge created or gave a new version, by type (to refresh views). */
export type ImportChanges = Readonly<Partial<Record<Exclude<ReceivedType, 'attachment-info'>, readonly Id[]>>>;

export type ImportMergeResult = { readonly ok: true; readonly counts: ImportCounts; readonly changed: ImportChanges } | { readonly ok: false; readonly problem: ImportProblem; readonly code: string };

/** Where one version of a received record came from. */
export interface Provenance {
  readonly senderLabel: string;
  /** 12 groups of 5 digits. */
  readonly senderFingerprint: string;
  readonly bundleId: string;
  /** ISO time of the merge (device clock). */
  readonly receivedAt: string;
  /** True if the signer was a verified contact at import (merges require it). */
  readonly verified: boolean;
  /** The record's id and version on the sender's side. */
  readonly senderRecordId: Id;
  readonly senderVersion: number;
  readonly senderSavedAt: string;
  /** The local version this bundle wrote. */
  readonly localVersion: number;
  /**
   * For a testimony: the pseudonym code the sender knows its witness by (a pseudonymised bundle
   * carries no witness record, only this code). Absent if the sender gave none.
   */
  readonly witnessCode?: string;
}

/** Reads up to `length` bytes at `offset` of the opened file (lent to the worker through comlink). */
export type ImportSource = (offset: number, length: number) => Promise<Uint8Array>;

/** The worker's import calls (worker/import/import-api.ts). */
export interface ImportWorkerApi {
  /**
   * Opens and verifies a bundle of `size` bytes read through `read` into a quarantine named
   * `importId` (chosen by the caller). Blobs of a verified signer are stored as pending
   * (encrypted) attachments; nothing is merged.
   */
  importOpen(importId: string, read: ImportSource, size: number, onProgress?: (progress: ImportProgress) => void): Promise<ImportOpenResult>;
  /** Merges a verified quarantine in one transaction and audits it. */
  importMerge(importId: string): Promise<ImportMergeResult>;
  /** Drops a quarantine and every pending attachment row it wrote. */
  importDiscard(importId: string): Promise<void>;
  /** Provenance of each received version of a record, oldest first; null for a local record. */
  importProvenance(type: string, id: Id): Promise<Provenance[] | null>;
}
