/**
 * Sealing and opening rows: the storage boundary between live values and stored ciphertext.
 * Runs in the vault worker. Repositories call only these two functions to touch ciphertext.
 *
 * The associated data is recomputed from where a row sits (vault id, row id, table,
 * compartment; the epoch through the wrapped key), never read from the row, so a row copied
 * under another id, into another table or compartment fails to open.
 */
import {
  epochKey,
  KeyringStateError,
  RecordError,
  recordOpener,
  sealRecord,
  type Compartment,
  type EpochKey,
  type RecordContent,
  type RecordExpectation,
  type RecordLocation,
  type UnlockedKeyring,
} from '../../../../shared/crypto';
import { idToBytes } from '../../../../shared/domain/ids';
import { RecordIntegrityError, RecordValidationError } from '../vault-errors';
import { exactBytes, type SealedTable, type StoredRow } from './database';

/** Where a row sits, in the terms the reader knows before decrypting. */
export interface RowPlace<K extends string | number> {
  readonly table: SealedTable;
  readonly id: K;
  readonly compartment: Compartment;
}

/**
 * The 16 location bytes of a row id. Random ids (records, versions, audit rows) are their own
 * bytes; structural ids (shard numbers, singleton names) get fixed bytes that cannot collide
 * with each other, and need not avoid random ids because the table name is bound too.
 */
export function locationId(id: string | number): Uint8Array {
  if (typeof id === 'number') {
    const bytes = new Uint8Array(16);
    bytes[14] = (id >>> 8) & 0xff;
    bytes[15] = id & 0xff;
    return bytes;
  }
  if (id === 'settings') return Uint8Array.of(0xff, ...new Uint8Array(14), 1);
  return idToBytes(id);
}

function location(keys: { readonly vaultId: Uint8Array }, place: RowPlace<string | number>): RecordLocation {
  return { vaultId: keys.vaultId, recordId: locationId(place.id), compartment: place.compartment, table: place.table };
}

/**
 * What opening rows needs: the vault id and the compartments' epoch keys. The keyring gives
 * them in the vault worker (`heldRowKeys`); the list reader thread gets copies of the epoch
 * keys alone (list-lane.ts).
 */
export interface RowKeys {
  readonly vaultId: Uint8Array;
  /** The key of `compartment` at `epoch`; `KeyringStateError('unknown-epoch')` if not held. */
  epochKey(compartment: Compartment, epoch: number): EpochKey;
  /** The current key of `compartment` (what a new row is sealed under). */
  currentKey(compartment: Compartment): EpochKey;
}

/** The row keys of an unlocked keyring. */
function keyringRowKeys(keyring: UnlockedKeyring): RowKeys {
  return { vaultId: keyring.vaultId, epochKey: (compartment, epoch) => epochKey(keyring, compartment, epoch), currentKey: (compartment) => epochKey(keyring, compartment) };
}

/** `source` as row keys (an unlocked keyring's, or the row keys given). */
function rowKeysOf(source: UnlockedKeyring | RowKeys): RowKeys {
  return 'epochKey' in source ? source : keyringRowKeys(source);
}

/**
 * The row keys of the keyring `holder` holds *when a row is opened*, not when this is called:
 * the session's keyring object is replaced (and the old one wiped) at every audit-head write,
 * so code that awaits a read before opening must not hold on to the keyring it started with.
 */
export function heldRowKeys(holder: { readonly keyring: UnlockedKeyring }): RowKeys {
  return {
    get vaultId() {
      return holder.keyring.vaultId;
    },
    epochKey: (compartment, epoch) => epochKey(holder.keyring, compartment, epoch),
    currentKey: (compartment) => epochKey(holder.keyring, compartment),
  };
}

/** Seals `content` for `place` under the compartment's current epoch. */
export async function sealRow<K extends string | number>(source: UnlockedKeyring | RowKeys, place: RowPlace<K>, content: RecordContent): Promise<StoredRow<K>> {
  const keys = rowKeysOf(source);
  const key = keys.currentKey(place.compartment);
  let sealed;
  try {
    sealed = await sealRecord(location(keys, place), content, key);
  } catch (error) {
    // invalid-input here means the body is not JSON-serialisable or too large.
    if (error instanceof RecordError) throw new RecordValidationError();
    throw error;
  }
  return { id: place.id, epoch: key.epoch, key: exactBytes(sealed.wrappedKey), body: exactBytes(sealed.envelope) };
}

/**
 * Opens a stored row found at `place`. Every failure becomes a `RecordIntegrityError`:
 * tampered, moved, under an epoch we no longer hold (`tampered`), of another type
 * (`wrong-type`), or older than the head (`replayed`).
 */
export async function openRow(keys: UnlockedKeyring | RowKeys, place: RowPlace<string | number>, row: StoredRow<string | number>, expect: RecordExpectation): Promise<RecordContent> {
  return withRowOpener(keys, (opener) => opener.open(place, row, expect));
}

/** Opens many rows in a row (`rowOpener`). */
export interface RowOpener {
  /** `openRow`, synchronously: same checks, same errors. */
  open(place: RowPlace<string | number>, row: StoredRow<string | number>, expect: RecordExpectation): RecordContent;
  /** Wipes the keys derived for the batch. */
  dispose(): void;
}

/**
 * An opener for a batch of rows (shared/crypto `recordOpener`: key derivations shared by the
 * batch, no await per row). Dispose it in a `finally`.
 */
export async function rowOpener(source: UnlockedKeyring | RowKeys): Promise<RowOpener> {
  const keys = rowKeysOf(source);
  const opener = await recordOpener();
  return {
    open(place, row, expect) {
      try {
        const key = keys.epochKey(place.compartment, row.epoch);
        return opener.open(location(keys, place), { wrappedKey: row.key, envelope: row.body }, key, expect);
      } catch (error) {
        throw integrityError(error);
      }
    },
    dispose: () => opener.dispose(),
  };
}

/** Runs `task` with a row opener for `keyring`, disposed when it settles. */
export async function withRowOpener<T>(keys: UnlockedKeyring | RowKeys, task: (opener: RowOpener) => T | Promise<T>): Promise<T> {
  const opener = await rowOpener(keys);
  try {
    return await task(opener);
  } finally {
    opener.dispose();
  }
}

/** What an opening failure is reported as; errors that are not about the row pass unchanged. */
function integrityError(error: unknown): unknown {
  // A row id that is not an id at all (planted row) cannot even be located.
  if (error instanceof RangeError) return new RecordIntegrityError('tampered');
  if (error instanceof RecordError) {
    if (error.code === 'wrong-type') return new RecordIntegrityError('wrong-type');
    if (error.code === 'replayed') return new RecordIntegrityError('replayed');
    return new RecordIntegrityError('tampered');
  }
  if (error instanceof KeyringStateError && error.code === 'unknown-epoch') return new RecordIntegrityError('tampered');
  return error;
}

/** True if `value` is a plain JSON object (what every vault-internal body is). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
