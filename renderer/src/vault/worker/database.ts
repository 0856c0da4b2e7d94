/**
 * The vault's one IndexedDB database (Dexie). Runs in the vault worker only: the main thread
 * never opens it.
 *
 * What a seized disk shows (DESIGN.md §5): random ids, key epochs, and ciphertext. No record
 * types, names, dates, sizes or compartments in clear, and no index on anything but the
 * primary key, so nothing derived from plaintext can leak through an index either.
 *
 *   objects   record id (random)        → current version of a record
 *   versions  version row id (random)   → every version of every record (history)
 *   heads     shard number 0..63         → encrypted head-index shard (type, compartment,
 *                                          head version, history row ids, tombstones)
 *   audit     audit row id (random)      → encrypted, hash-chained audit entry
 *   vault     fixed name ("settings")    → encrypted vault-wide singletons
 *   meta      fixed name ("lockout")     → the only clear row: failed-unlock counter and the
 *                                          wipe policy it needs while locked (lockout.ts)
 *   chunks    keyed-hash id (v2)         → one attachment chunk, always 65553 bytes
 *   blobs     attachment id (v2)         → sealed pending marker of an unfinished import/delete
 *
 * Every sealed row is {id, epoch, key, body}: `key` is the data key wrapped by the compartment
 * key of `epoch`, `body` the envelope (shared/crypto/envelope.ts). The epoch is in clear because
 * the reader must pick the key before decrypting; it is bound into the wrapped key's associated
 * data, so changing it only makes the row unreadable. It says how often keys were rotated.
 *
 * Schema changes are new numbered versions here, each with its own test; never edit version 1.
 */
import Dexie, { type DBCore, type Middleware, type Table } from 'dexie';

/** A sealed row: the only shape that reaches IndexedDB (besides the lockout row). */
export interface StoredRow<K extends string | number = string> {
  readonly id: K;
  readonly epoch: number;
  readonly key: Uint8Array;
  readonly body: Uint8Array;
}

/** A record's current version, or one version of its history, or an audit entry. */
export type StoredObject = StoredRow<string>;
/** A head-index shard. */
export type StoredShard = StoredRow<number>;

/** The clear lockout row (see lockout.ts for why it cannot be encrypted). */
export interface StoredLockout {
  readonly id: 'lockout';
  readonly failedAttempts: number;
  readonly wipeAfter: number | null;
}

/** Tables a sealed row can live in; the name is bound into each row's associated data. */
export type SealedTable = 'objects' | 'versions' | 'heads' | 'audit' | 'vault' | 'blobs';

/**
 * One secretstream chunk of an attachment (version 2; docs/attachment-format.md): a keyed-hash
 * id that groups nothing and a body of exactly 65553 bytes, whatever the attachment.
 */
export interface StoredChunk {
  readonly id: string;
  readonly body: Uint8Array;
}

/** The vault database. */
export class VaultDatabase extends Dexie {
  // `declare`, not a field: a class field would overwrite the tables Dexie defines in super().
  declare objects: Table<StoredObject, string>;
  declare versions: Table<StoredObject, string>;
  declare heads: Table<StoredShard, number>;
  declare audit: Table<StoredObject, string>;
  declare vault: Table<StoredObject, string>;
  declare meta: Table<StoredLockout, string>;
  declare chunks: Table<StoredChunk, string>;
  declare blobs: Table<StoredObject, string>;

  constructor(name: string, middleware: readonly Middleware<DBCore>[] = []) {
    // Strict durability: a testimony reported as saved must survive a power cut. Every write
    // the vault makes is one the user (or the audit trail) relies on, so it is global here.
    // No Dexie query cache: nothing should hold extra copies of rows in memory.
    super(name, { chromeTransactionDurability: 'strict', cache: 'disabled' });
    this.version(1).stores({
      objects: 'id',
      versions: 'id',
      heads: 'id',
      audit: 'id',
      vault: 'id',
      meta: 'id',
    });
    // Attachments (worker/attachment-*.ts): chunk rows, and sealed pending markers of imports
    // and deletions not yet finished (swept at unlock). Primary keys only, like every table.
    this.version(2).stores({ chunks: 'id', blobs: 'id' });
    for (const layer of middleware) this.use(layer);
  }
}

/**
 * A copy of `bytes` that owns exactly its bytes. IndexedDB clones a view's *whole* buffer, so
 * a subarray stored as is would write whatever else that buffer holds to disk.
 */
export function exactBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

/** True if `error` (or the error it wraps) is the browser's quota error. */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    if (typeof e === 'object' && 'name' in e && (e as { name: unknown }).name === 'QuotaExceededError') return true;
    e = typeof e === 'object' && 'inner' in e ? (e as { inner: unknown }).inner : null;
  }
  return false;
}
