/**
 * The persisted search index: an opaque byte string (the search worker's serialized index,
 * features/records/search/search-snapshot.ts) kept encrypted so unlock need not re-index every
 * testimony. Runs in the vault worker, which never looks inside the bytes.
 *
 * Layout (docs/vault-format.md, "Persisted search index"): the bytes are cut into parts of at
 * most PART_CHARS characters, each an ordinary sealed row in `vault` under a fresh random id,
 * type `search-index-part`, body `{"i": index, "t": text}`; a manifest row
 * under one fixed structural id (SEARCH_INDEX_ID: meaningless bytes, like the settings row's)
 * of type `search-index` lists the part ids. A save writes the new parts and manifest and
 * removes the old parts in one transaction. Nothing in clear says what the rows are.
 *
 * The index is a cache derived from records, not a record: it has no history, no audit entry
 * and no head version. An older genuine copy put back, a missing part or an unreadable row is
 * harmless: the reader reports "no index", or the index's own list of (testimony, version)
 * pairs shows what is stale, and the search worker re-indexes those from the records.
 */
import { newRecordId, type RecordContent } from '../../../../shared/crypto';
import { Utf8Sink } from '../../../../shared/stream/utf8-sink';
import { idFromBytes, isId, type Id } from '../../../../shared/domain/ids';
import { RecordIntegrityError, RecordValidationError } from '../vault-errors';
import type { StoredObject, VaultDatabase } from './database';
import { onReader } from './list-lane';
import { heldRowKeys, isPlainRecord, openRow, sealRow, type RowKeys } from './sealed-rows';
import type { Session } from './session';

/** Envelope types (vault-internal; never a record kind). */
export const SEARCH_INDEX_TYPE = 'search-index';
export const SEARCH_INDEX_PART_TYPE = 'search-index-part';

/** Row id of the manifest: fixed bytes that no random id will draw in practice (2^-128). */
export const SEARCH_INDEX_ID: Id = idFromBytes(Uint8Array.of(0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2));

/**
 * Characters per part. A UTF-8 character is at most 4 bytes and JSON escaping at most 6, so a
 * part's body stays below the envelope's 4 MiB limit whatever the text.
 */
export const PART_CHARS = 512 * 1024;
/** Most parts one index may have (512 MiB of text): a bound checked before reading. */
const MAX_PARTS = 1024;

/** The generation last read or written in this session (the next save writes one more). */
const generations = new WeakMap<Session, number>();

const manifestPlace = { table: 'vault', id: SEARCH_INDEX_ID, compartment: 'general' } as const;
const partPlace = (id: Id) => ({ table: 'vault', id, compartment: 'general' }) as const;

interface Manifest {
  readonly generation: number;
  readonly parts: readonly Id[];
}

async function readManifest(db: VaultDatabase, keys: RowKeys): Promise<Manifest | null> {
  const row = await db.vault.get(SEARCH_INDEX_ID);
  if (!row) return null;
  const content = await openRow(keys, manifestPlace, row, { type: SEARCH_INDEX_TYPE, headVersion: 1 });
  const body = content.body;
  if (!isPlainRecord(body) || !Array.isArray(body['p']) || body['p'].length > MAX_PARTS || !body['p'].every(isId)) throw new RecordIntegrityError('tampered');
  return { generation: content.version, parts: body['p'] };
}

/** The stored index and the generation of its manifest. */
export interface StoredIndex {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly generation: number;
}

/**
 * The stored index bytes, or null if there is none or any row of it is missing, unreadable
 * or out of order (the caller then rebuilds it). Runs on the list reader thread
 * (list-lane.ts `onReader`: at 100,000 testimonies the ~45 parts' ciphertext,
 * JSON and text are ~100 MB of garbage, returned when that thread ends) or, where it cannot
 * run, in the vault worker.
 *
 * The reader works from copies of the epoch keys: a key rotation that re-seals the parts while
 * they are read makes this "no index", and the search worker rebuilds it (slow, never wrong).
 *
 * Part by part: each row is read, opened and its text encoded into the output before the next
 * is read, so the thread never holds every part's ciphertext, every part's text and their
 * concatenation at once.
 */
export async function readSearchIndex(db: VaultDatabase, keys: RowKeys): Promise<StoredIndex | null> {
  try {
    const manifest = await readManifest(db, keys);
    if (!manifest) return null;
    // Garbage here ends with the list reader thread this runs on (list-lane.ts).
    const out = new Utf8Sink();
    for (const [index, id] of manifest.parts.entries()) {
      const row = await db.vault.get(id);
      if (!row) return null;
      const content = await openRow(keys, partPlace(id), row, { type: SEARCH_INDEX_PART_TYPE, headVersion: 1 });
      const body = content.body;
      // The manifest names each part by its random id (bound into the part's associated data), so a
      // part cannot come from another save; the index only guards against reordering.
      if (!isPlainRecord(body) || body['i'] !== index || typeof body['t'] !== 'string') return null;
      out.append(body['t']);
    }
    return { bytes: out.finish(), generation: manifest.generation };
  } catch (error) {
    if (error instanceof RecordIntegrityError) return null;
    throw error;
  }
}

/** The stored index bytes for the search worker (see `readSearchIndex`), or null. */
export async function loadSearchIndex(session: Session): Promise<Uint8Array<ArrayBuffer> | null> {
  session.checkOpen();
  // The reader answers an index request with the index or null (list-reader.worker.ts); without a reader, read it here.
  const done = await onReader(session, { kind: 'search-index' });
  const stored = done ? (done.reply as StoredIndex | null) : await readSearchIndex(session.db, heldRowKeys(session.holder));
  if (!stored) return null;
  generations.set(session, Math.max(generations.get(session) ?? 0, stored.generation));
  return stored.bytes;
}

/**
 * Replaces the stored index with `bytes` (UTF-8 text). The parts are sealed first, outside the
 * session's write lock; under it, the manifest is read and sealed (small) and one transaction
 * writes the new rows and removes the previous parts, so two saves never strand each other's.
 */
export async function saveSearchIndex(session: Session, bytes: Uint8Array): Promise<void> {
  session.checkOpen();
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RecordValidationError();
  }
  if (text.length > PART_CHARS * MAX_PARTS) throw new RecordValidationError();
  const keyring = session.holder.keyring;
  const rows: StoredObject[] = [];
  const ids: Id[] = [];
  for (let from = 0, index = 0; from < text.length || index === 0; from += PART_CHARS, index += 1) {
    const id = idFromBytes(await newRecordId());
    const content: RecordContent = { type: SEARCH_INDEX_PART_TYPE, version: 1, body: { i: index, t: text.slice(from, from + PART_CHARS) } };
    rows.push(await sealRow(keyring, partPlace(id), content));
    ids.push(id);
  }
  await session.exclusive(async () => {
    let previous: Manifest | null = null;
    try {
      previous = await readManifest(session.db, heldRowKeys(session.holder));
    } catch (error) {
      if (!(error instanceof RecordIntegrityError)) throw error; // an unreadable manifest is simply replaced
    }
    const generation = Math.max(generations.get(session) ?? 0, previous?.generation ?? 0) + 1;
    const manifest = await sealRow(session.holder.keyring, manifestPlace, { type: SEARCH_INDEX_TYPE, version: generation, body: { p: ids } });
    const db = session.db;
    await db.transaction('rw', db.vault, async () => {
      await db.vault.bulkPut([...rows, manifest]);
      if (previous?.parts.length) await db.vault.bulkDelete([...previous.parts]);
    });
    generations.set(session, generation);
  });
}
