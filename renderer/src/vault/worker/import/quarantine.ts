/**
 * The quarantine of one bundle being opened. Runs in the vault worker.
 *
 * `readBundle` streams every entry here while nothing is verified yet:
 * - record entries (JSON, at most 16 MiB each) are kept in worker memory, bounded in total;
 * - blob entries go straight into the attachment writer as PENDING attachments: encrypted
 *   chunk rows under a sealed pending marker, never plaintext at rest. The start-up sweep
 *   removes them if the app dies before a merge or a discard.
 * When the signer is not a verified contact the bundle can only be inspected: from `begin` on,
 * bytes are verified and dropped, nothing is written.
 * On any failure, and on discard, `dispose` deletes every pending attachment it wrote.
 *
 * A blob's last rows are still being committed (and its SHA-256 computed) while the next
 * entries are read: up to FINISHING_AT_ONCE blobs finish in the background, so IndexedDB writes
 * one while the reader decrypts the next. `settle` waits for them all, and must succeed before
 * anything is read from `blobs`.
 */
import type { Manifest, ManifestEntry, QuarantineSink } from '../../../../../shared/bundle';
import { BundleError } from '../../../../../shared/bundle';
import type { BundleSender } from '../../../../../shared/bundle/manifest-checks';
import { concatBytes } from '../../../../../shared/crypto/bytes';
import { newRecordId } from '../../../../../shared/crypto';
import { idFromBytes } from '../../../../../shared/domain/ids';
import { AttachmentWriter } from '../attachment-writer';
import type { Session } from '../session';

/** Blobs whose last rows may still be committing while the next entries are read (memory: two 2 MiB batches each at most). */
const FINISHING_AT_ONCE = 4;

/** Record bytes one quarantine may hold in memory (the format allows 16 MiB per record). */
export const MAX_QUARANTINE_RECORD_BYTES = 256 * 1024 * 1024;

/** One record entry as received (unparsed: parsing waits until the whole bundle verified). */
export interface QuarantinedRecord {
  readonly entry: ManifestEntry;
  readonly bytes: Uint8Array;
}

/** One blob entry, stored as a pending attachment. */
export interface QuarantinedBlob {
  readonly entry: ManifestEntry;
  readonly writer: AttachmentWriter;
  readonly size: number;
  readonly sha256: string;
}

/** The quarantine sink plus what it collected. */
export class Quarantine implements QuarantineSink {
  readonly records: QuarantinedRecord[] = [];
  readonly blobs = new Map<string, QuarantinedBlob>();
  sender: BundleSender | null = null;
  manifest: Manifest | null = null;
  private parts: Uint8Array[] = [];
  private held = 0;
  private writer: AttachmentWriter | null = null;
  /** Blobs finishing in the background, in bundle order; moved to `blobs` by `settle`. */
  private finishing: { readonly entry: ManifestEntry; readonly writer: AttachmentWriter; readonly sealed: Promise<{ readonly size: number; readonly sha256: string }> }[] = [];
  /** False once the signer turned out not to be verified: inspection only. */
  private keep = true;
  private disposed = false;

  constructor(private readonly session: Session) {}

  /** True if entries were kept (a verified signer); false for an inspect-only quarantine. */
  get kept(): boolean {
    return this.keep;
  }

  begin(manifest: Manifest, sender: BundleSender): void {
    this.manifest = manifest;
    this.sender = sender;
    this.keep = sender.trust.status === 'verified';
  }

  async beginEntry(entry: ManifestEntry): Promise<void> {
    this.session.checkOpen();
    this.parts = [];
    if (!this.keep || entry.kind !== 'blob') return;
    // The owner is only known once the attachment-info records are parsed, after verification:
    // this placeholder draft is never stored (the merge seals the body with the real one).
    this.writer = await AttachmentWriter.begin(this.session, {
      name: 'attachment',
      mediaType: '',
      owner: { kind: 'testimony', id: idFromBytes(await newRecordId()) },
      source: 'file',
      capturedAt: new Date().toISOString(),
    });
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.keep) return;
    if (this.writer) return this.writer.append(bytes);
    this.held += bytes.length;
    if (this.held > MAX_QUARANTINE_RECORD_BYTES) throw new BundleError('too-large', 'the records of this bundle exceed what one import may hold');
    this.parts.push(bytes);
  }

  async endEntry(entry: ManifestEntry): Promise<void> {
    if (!this.keep) return;
    const writer = this.writer;
    if (writer) {
      this.writer = null;
      const sealed = writer.finishDeferred();
      sealed.catch(() => undefined); // awaited by `settle` (or here, or by `dispose`): never unhandled
      this.finishing.push({ entry, writer, sealed });
      // Bounded: past FINISHING_AT_ONCE, the oldest must be done (a failure stops the read here).
      const oldest = this.finishing.length > FINISHING_AT_ONCE ? this.finishing[this.finishing.length - FINISHING_AT_ONCE - 1] : undefined;
      if (oldest) await oldest.sealed;
      return;
    }
    this.records.push({ entry, bytes: concatBytes(...this.parts) });
    this.parts = [];
  }

  /**
   * Waits for every blob still finishing and records it in `blobs`, in bundle order. Throws the
   * first failure (the caller then disposes the quarantine). Call once `readBundle` resolved.
   */
  async settle(): Promise<void> {
    const finishing = this.finishing;
    this.finishing = [];
    const results = await Promise.allSettled(finishing.map((f) => f.sealed));
    for (const [index, result] of results.entries()) {
      const { entry, writer } = finishing[index] ?? {};
      if (!entry || !writer) continue;
      // A failed one already aborted itself (finishDeferred); the others are kept for dispose.
      if (result.status === 'fulfilled') this.blobs.set(entry.id, { entry, writer, ...result.value });
    }
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** Deletes every pending attachment and drops the records. Safe to call more than once. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    // Blobs still finishing end first: their rows are then all counted and deleted by abort.
    await this.settle().catch(() => undefined);
    const writers = [...this.blobs.values()].map((blob) => blob.writer);
    if (this.writer) writers.push(this.writer);
    this.writer = null;
    this.blobs.clear();
    this.records.length = 0;
    this.parts = [];
    for (const writer of writers) await writer.abort().catch(() => undefined);
  }

  /** After a merge committed: the attachments are complete, their keys are dropped. */
  released(): void {
    this.disposed = true;
    for (const blob of this.blobs.values()) blob.writer.release();
    this.blobs.clear();
    this.records.length = 0;
  }
}
