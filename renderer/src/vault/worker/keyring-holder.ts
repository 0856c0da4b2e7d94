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
 */
import {
  disposeKeyring,
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
   * Writes `next` (carrying the latest committed audit head) and switches to it. Takes
   * ownership of `next`. Call with the mutex held.
   */
  async replace(next: UnlockedKeyring): Promise<void> {
    let candidate = next;
    try {
      const head = this.auditHead();
      if (head.seq > candidate.auditHead.seq) {
        const moved = withAuditHead(candidate, head);
        disposeKeyring(candidate);
        candidate = moved;
      }
      const bytes = await serialiseKeyring(candidate);
      await this.writer(bytes);
      const old = this.current;
      this.current = candidate;
      this.fileBytes = bytes;
      disposeKeyring(old);
    } catch (error) {
      disposeKeyring(candidate);
      throw error;
    }
  }

  /** Writes the audit head now if it moved. Call with the mutex held. */
  async flushHead(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.disposed || this.auditHead().seq <= this.current.auditHead.seq) return;
    await this.replace(withAuditHead(this.current, this.auditHead()));
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
