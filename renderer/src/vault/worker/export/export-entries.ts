/**
 * The entries of a partner bundle, in the order docs/bundle-format.md §16 fixes: facilities,
 * perpetrators, testimonies, (identified only) witnesses and consents, attachment-info records,
 * then the blobs. Runs in the vault worker.
 *
 * Records are small canonical JSON (shared/exchange). The manifest needs each blob's BLAKE2b-256
 * before the first byte is encrypted, and the vault stores only the SHA-256, so a first pass
 * decrypts the attachment once to compute it (the strict reader checks the stored SHA-256 on the
 * way, so it is not computed twice, as describeEntry would). Up to HELD_BYTES of attachments
 * keep their verified bytes in worker memory for the writer; the others are decrypted again
 * while the bundle is written. Either way the writer refuses the bundle if the bytes it gets
 * differ from the first pass (length, BLAKE2b).
 */
import { recordEntry, type EntrySource } from '../../../../../shared/bundle/entries';
import { fromHex, toBase64url } from '../../../../../shared/bundle/encoding';
import { labelProblem } from '../../../../../shared/bundle/labels';
import { BUNDLE_LIMITS } from '../../../../../shared/bundle/limits';
import { getSodium } from '../../../../../shared/crypto';
import { IncrementalHasher } from '../../../../../shared/stream/hashing';
import { EXCHANGE_RECORD_FORMAT, encodeExchangeRecord, type ExchangeRecordInput, type ExchangeRecordType } from '../../../../../shared/exchange';
import { AttachmentError } from '../../vault-errors';
import { readAttachmentStream, type ChunkFetch } from '../attachment-reader';
import type { AttachmentRecord } from '../attachment-record';
import type { VaultDatabase } from '../database';
import { coalescedChunks } from './coalesced-chunks';
import type { ExportPlan } from './export-plan';
import type { Versioned } from './export-records';

/** The manifest's media-type rule (RFC 6838, lowercase, no parameters): others are left out. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$/;
/** Characters a manifest label may not hold (labels.ts refuses them): dropped from a file name. */
const NOT_IN_LABEL = /[\p{Cc}\u2028\u2029\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/**
 * Text as a manifest label (an attachment's name, the sender's label): what a label may not
 * hold removed, trimmed, cut to `max` UTF-16 units without splitting a character. Undefined if
 * nothing usable remains (the partner's tool then names the file by type and id). An
 * attachment's full name still travels in its attachment-info record.
 */
export function asLabel(text: string, max: number = BUNDLE_LIMITS.maxNameChars): string | undefined {
  let label = text.replace(NOT_IN_LABEL, '').trim();
  if (label.length > max) {
    const cut = label.slice(0, max);
    label = (/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut).trim();
  }
  return labelProblem(label, max) === undefined ? label : undefined;
}

/** The manifest's media type: the captured one without parameters, lowercase, if it is valid. */
export function entryMediaType(mediaType: string): string | undefined {
  const bare = (mediaType.split(';')[0] ?? '').trim().toLowerCase();
  return MEDIA_TYPE.test(bare) && bare.length <= BUNDLE_LIMITS.maxMediaTypeChars ? bare : undefined;
}

async function randomEntryId(): Promise<Uint8Array> {
  return (await getSodium()).randombytes_buf(16);
}

/** One record entry; `extra` holds the envelope fields of its type beyond the common ones (a testimony's `witness_code`). */
async function recordSource(type: ExchangeRecordType, record: Versioned<unknown>, extra: Record<string, string> = {}): Promise<EntrySource> {
  const input = { format: EXCHANGE_RECORD_FORMAT, type, id: record.id, version: record.version, saved_at: record.savedAt, body: record.body, ...extra } as ExchangeRecordInput;
  return recordEntry({ id: await randomEntryId(), type, json: encodeExchangeRecord(input), name: `${type}-${record.id}` });
}

/**
 * Attachment bytes one export may keep in worker memory from the first pass to the writer. The
 * bytes of an attachment kept are not read and decrypted a second time (IndexedDB reads of its
 * 64 KiB rows are most of what an attachment costs); larger attachments, and those past the
 * budget, are read again while the bundle is written, as before. Bounded so an export of hours
 * of recordings still holds at most this much.
 */
export const HELD_BYTES = 32 * 1024 * 1024;

/** What is left of HELD_BYTES for one export. Reserved in bundle order, before each first pass starts. */
class HeldBudget {
  private left = HELD_BYTES;

  /** True (and the bytes counted) if `size` more bytes may be held. */
  take(size: number): boolean {
    if (size > this.left) return false;
    this.left -= size;
    return true;
  }
}

/** The result of the first pass: the digests, and the verified bytes when they were kept. */
interface FirstPass {
  readonly blake2b: Uint8Array;
  readonly sha256: Uint8Array;
  readonly held: Uint8Array[] | null;
}

/**
 * Decrypts an attachment once, computing the BLAKE2b-256 the manifest needs. The strict reader
 * refuses a stream whose length or SHA-256 differs from the metadata and returns the verified
 * SHA-256, which the blob entry carries (the partner compares it with attachment-info). With
 * `keep`, the pieces read are kept (fresh arrays the reader never touches again) for the writer.
 */
async function firstPass(db: VaultDatabase, attachment: AttachmentRecord, keep: boolean, fetchRows: ChunkFetch): Promise<FirstPass> {
  const hasher = new IncrementalHasher(await getSodium(), ['blake2b']);
  const held: Uint8Array[] | null = keep ? [] : null;
  try {
    const stream = readAttachmentStream(db, attachment, fetchRows);
    for (;;) {
      const next = await stream.next();
      if (next.done) {
        const digests = hasher.digest();
        const sha256 = fromHex(next.value.sha256, 32);
        if (!digests.blake2b || !sha256 || digests.length !== attachment.info.size || next.value.sha256 !== attachment.info.sha256) throw new AttachmentError('hash-mismatch');
        return { blake2b: digests.blake2b, sha256, held };
      }
      hasher.update(next.value);
      held?.push(next.value);
    }
  } catch (error) {
    hasher.dispose();
    throw error;
  }
}

/**
 * The blob's bytes for the writer: the pieces kept by the first pass, handed over once and then
 * let go (the writer opens each entry once; should it open one again, the attachment is read
 * from the vault again), or the attachment read again. The writer checks length and BLAKE2b
 * against the first pass either way.
 */
function blobOpener(db: VaultDatabase, attachment: AttachmentRecord, held: Uint8Array[] | null): () => AsyncIterable<Uint8Array> {
  let pieces = held;
  return () => {
    const kept = pieces;
    pieces = null;
    if (!kept) return readAttachmentStream(db, attachment);
    return (async function* () {
      // Yielded as they are (the writer's framing may still hold a piece after the next is asked for).
      for (let piece = kept.shift(); piece !== undefined; piece = kept.shift()) yield piece;
    })();
  };
}

/** The attachment-info record and the blob of one attachment (hashed now: first pass). */
async function attachmentSources(db: VaultDatabase, attachment: AttachmentRecord, keep: boolean, fetchRows: ChunkFetch): Promise<{ info: EntrySource; blob: EntrySource }> {
  const { info } = attachment;
  const entryId = await randomEntryId();
  const name = asLabel(info.name);
  const mediaType = entryMediaType(info.mediaType);
  const { blake2b, sha256, held } = await firstPass(db, attachment, keep, fetchRows);
  const blob: EntrySource = {
    id: entryId,
    kind: 'blob',
    type: 'attachment',
    length: info.size,
    blake2b,
    sha256,
    ...(name !== undefined ? { name } : {}),
    ...(mediaType !== undefined ? { mediaType } : {}),
    open: blobOpener(db, attachment, held),
  };
  const body = {
    id: info.id,
    entry: toBase64url(entryId),
    owner: { kind: info.owner.kind, id: info.owner.id },
    name: info.name,
    media_type: info.mediaType,
    size: info.size,
    sha256: info.sha256,
    captured_at: info.capturedAt,
    ...(info.addedBy !== undefined && info.addedBy !== '' ? { added_by: info.addedBy } : {}),
  };
  const record = await recordSource('attachment-info', { id: info.id, version: attachment.version, savedAt: info.addedAt, body });
  return { info: record, blob };
}

/**
 * Attachments hashed at once in the first pass. Each one's steps are small and sequential (key
 * derivation, its rows, a digest from the hashing worker); several in flight keep the vault
 * worker decrypting while the others wait, and let their row reads share one IndexedDB request
 * (coalesced-chunks.ts). Memory: at most two batches of rows (4 MiB) per attachment in flight.
 */
const HASHING_AT_ONCE = 6;

/**
 * `task` of every item, at most `limit` at once, results in the items' order. After a failure
 * no further item starts, and the first error is thrown only once every started task has
 * settled (none is left running on keys its caller is about to wipe).
 */
async function inOrder<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  const errors: unknown[] = [];
  // One iterator shared by the lanes: each item is taken by exactly one of them.
  const queue = items.entries();
  const lane = async (): Promise<void> => {
    for (const [index, item] of queue) {
      if (errors.length > 0) return;
      try {
        results[index] = await task(item);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (errors.length > 0) throw errors[0];
  return results;
}

/**
 * Every entry of the plan, in bundle order. `onHashed` hears about each attachment hashed (the
 * slow part of preparing a bundle with large attachments).
 */
export async function exportEntries(db: VaultDatabase, plan: ExportPlan, onHashed?: (bytes: number) => void): Promise<EntrySource[]> {
  const entries: EntrySource[] = [];
  for (const f of plan.facilities) entries.push(await recordSource('facility', f));
  for (const p of plan.perpetrators) entries.push(await recordSource('perpetrator', p));
  for (const t of plan.testimonies) {
    const code = plan.witnessCodes.get(t.id);
    entries.push(await recordSource('testimony', t, code === undefined ? {} : { witness_code: code }));
  }
  for (const w of plan.witnesses) entries.push(await recordSource('witness', w));
  for (const c of plan.consents) entries.push(await recordSource('consent', c));
  const budget = new HeldBudget();
  const fetchRows = coalescedChunks(db);
  const sources = await inOrder(plan.attachments, HASHING_AT_ONCE, async (attachment) => {
    const sourced = await attachmentSources(db, attachment, budget.take(attachment.info.size), fetchRows);
    onHashed?.(attachment.info.size);
    return sourced;
  });
  return [...entries, ...sources.map((s) => s.info), ...sources.map((s) => s.blob)];
}
