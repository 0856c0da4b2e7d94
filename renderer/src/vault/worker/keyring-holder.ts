/**
 * The unlocked keyring of a session and every write of the keyring file. Runs in the vault
 * worker; the bytes go to the main thread's platform store through the lent `KeyringWriter`.
 *
 * Rule from keyring-state.ts: write the new file first, switch to the new keyring only once
 * the write succeeded, then dispose the old one. A failed write leaves the session exactly as
 * it was.
 *
 * Audit head batching: the chain head must reach the keyring for truncation to be detectable,
 * but an atomic file replace (temp file, fsync, rename) on every save would eat most of the
 * 30 ms save budget. So the head is written at most every HEAD_FLUSH_MS after a change, at
 * lock, and with every keyring write that happens anyway. The cost: entries written in the
 * last few seconds before a crash or a seizure are not anchored yet, so someone who can edit
 * the database could drop exactly those without a warning. Entries are never lost by a crash
 * itself: they are in the database, and unlock rolls a correct tail forward.
 *
 * Audit key rotation (audit-rekey.ts): once a new chain segment is committed under the next
 * audit key, every later entry is chained under that key and the next keyring write adopts it.
 * Until then the key is re-derived from the master key (`nextAuditKey`), so a failed write
 * costs nothing: the following write, or the next unlock, adopts it.
 */
import {
  adoptNextAuditKey,
  disposeKeyring,
  nextAuditKey,
  serialiseKeyring,
  withAuditHead,
  type AuditHead,
  type UnlockedKeyring,
} from '../../../../shared/crypto';
import type { KeyringWriter } from '../worker-api';
import type { Mutex } from './mutex';

/** Longest time a committed audit entry waits before its head is written to the keyring. */
export const HEAD_FLUSH_MS = 3000;

/** Owns the session's keyring. */
export class KeyringHolder {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private adoptPending = false;

  constructor(
    private current: UnlockedKeyring,
    /** The file bytes `current` was read from or last written as. */
    private fileBytes: Uint8Array,
    private readonly writer: KeyringWriter,
    private readonly mutex: Mutex,
    private readonly auditHead: () => AuditHead,
  ) {}

  /** The keyring in force. */
  get keyring(): UnlockedKeyring {
    return this.current;
  }

  /** The keyring file as last written (to re-check the passphrase against). */
  get bytes(): Uint8Array {
    return this.fileBytes;
  }

  /**
   * The key the chain continues under (a copy: the caller wipes it): the keyring's audit key,
   * or the next one while a new segment waits to be adopted.
   */
  async chainKey(): Promise<Uint8Array> {
    return this.adoptPending ? nextAuditKey(this.current) : this.current.auditKey.slice();
  }

  /**
   * A segment start under `nextAuditKey` was just committed: chain under that key from now on
   * and adopt it with the next keyring write. Call in the same step as the commit, with the mutex held.
   */
  markNextAuditKey(): void {
    this.adoptPending = true;
  }

  /**
   * Writes `next` (carrying the latest committed audit head, and the next audit key if one
   * waits) and switches to it. Takes ownership of `next`. Call with the mutex held; never with
   * a new master key while a key waits to be adopted (flush first: the key derives from it).
   */
  async replace(next: UnlockedKeyring): Promise<void> {
    let candidate = next;
    try {
      const head = this.auditHead();
      const target = head.seq > candidate.auditHead.seq ? head : candidate.auditHead;
      let finished = candidate;
      if (this.adoptPending) finished = await adoptNextAuditKey(candidate, target);
      else if (target !== candidate.auditHead) finished = withAuditHead(candidate, target);
      if (finished !== candidate) {
        disposeKeyring(candidate);
        candidate = finished;
      }
    } catch (error) {
      disposeKeyring(candidate);
      throw error;
    }
    await this.write(candidate);
  }

  /** Serialises and writes `candidate` (owned), then switches to it; disposes it on failure. */
  private async write(candidate: UnlockedKeyring): Promise<void> {
    try {
      const bytes = await serialiseKeyring(candidate);
      await this.writer(bytes);
      const old = this.current;
      this.current = candidate;
      this.fileBytes = bytes;
      // Every write while a key waits adopts it (replace and flushHead both see to that).
      this.adoptPending = false;
      disposeKeyring(old);
    } catch (error) {
      disposeKeyring(candidate);
      throw error;
    }
  }

  /** Writes the audit head now if it moved (and adopts a waiting audit key). Call with the mutex held. */
  async flushHead(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.disposed) return;
    const head = this.auditHead();
    if (this.adoptPending) {
      await this.write(await adoptNextAuditKey(this.current, head));
      return;
    }
    if (head.seq <= this.current.auditHead.seq) return;
    await this.write(withAuditHead(this.current, head));
  }

  /** After an audit commit: make sure the head is written within HEAD_FLUSH_MS. */
  scheduleHeadFlush(): void {
    if (this.timer !== null || this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      // A failed write is retried by the next save or at lock; the entries are safe in the database.
      this.mutex.run(() => this.flushHead()).catch(() => this.scheduleHeadFlush());
    }, HEAD_FLUSH_MS);
  }

  /** Zeroes every key. Later use throws `KeyringStateError('disposed')`. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    disposeKeyring(this.current);
  }
}
