/**
 * The entries of a partner bundle, in the order docs/bundle-format.md §16 fixes: facilities,
 * perpetrators, testimonies, (identified only) witnesses and consents, attachment-info records,
 * then the blobs. Runs in the vault worker.
 *
 * Records are small canonical JSON (shared/exchange). Blobs are never held whole: the manifest
 * needs each blob's BLAKE2b-256 before the first byte is encrypted, and the vault stores only
 * the SHA-256, so a first pass decrypts the attachment once to compute it (the strict reader
 * checks the stored SHA-256 on the way, so it is not computed twice, as describeEntry would),
 * and the writer decrypts it again while encrypting, refusing the bundle if the bytes changed.
 */
import { recordEntry, type EntrySource } from '../../../../../shared/bundle/entries';
import { fromHex, toBase64url } from '../../../../../shared/bundle/encoding';
import { labelProblem } from '../../../../../shared/bundle/labels';
import { BUNDLE_LIMITS } from '../../../../../shared/bundle/limits';
import { getSodium } from '../../../../../shared/crypto';
import { IncrementalHasher } from '../../../../../shared/stream/hashing';
import { EXCHANGE_RECORD_FORMAT, encodeExchangeRecord, type ExchangeRecordInput, type ExchangeRecordType } from '../../../../../shared/exchange';
import { AttachmentError } from '../../vault-errors';
import { readAttachmentStream } from '../attachment-reader';
import type { AttachmentRecord } from '../attachment-record';
import type { VaultDatabase } from '../database';
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
 * Decrypts an attachment once, computing the BLAKE2b-256 the manifest needs. The strict reader
 * refuses a stream whose length or SHA-256 differs from the metadata and returns the verified
 * SHA-256, which the blob entry carries (the partner compares it with attachment-info).
 */
async function firstPass(db: VaultDatabase, attachment: AttachmentRecord): Promise<{ blake2b: Uint8Array; sha256: Uint8Array }> {
  const hasher = new IncrementalHasher(await getSodium(), ['blake2b']);
  try {
    const stream = readAttachmentStream(db, attachment);
    for (;;) {
      const next = await stream.next();
      if (next.done) {
        const digests = hasher.digest();
        const sha256 = fromHex(next.value.sha256, 32);
        if (!digests.blake2b || !sha256 || digests.length !== attachment.info.size || next.value.sha256 !== attachment.info.sha256) throw new AttachmentError('hash-mismatch');
        return { blake2b: digests.blake2b, sha256 };
      }
      hasher.update(next.value);
    }
  } catch (error) {
    hasher.dispose();
    throw error;
  }
}

/** The attachment-info record and the blob of one attachment (hashed now: first pass). */
async function attachmentSources(db: VaultDatabase, attachment: AttachmentRecord): Promise<{ info: EntrySource; blob: EntrySource }> {
  const { info } = attachment;
  const entryId = await randomEntryId();
  const name = asLabel(info.name);
  const mediaType = entryMediaType(info.mediaType);
  const { blake2b, sha256 } = await firstPass(db, attachment);
  const blob: EntrySource = {
    id: entryId,
    kind: 'blob',
    type: 'attachment',
    length: info.size,
    blake2b,
    sha256,
    ...(name !== undefined ? { name } : {}),
    ...(mediaType !== undefined ? { mediaType } : {}),
    open: () => readAttachmentStream(db, attachment),
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
  const blobs: EntrySource[] = [];
  for (const attachment of plan.attachments) {
    const { info, blob } = await attachmentSources(db, attachment);
    entries.push(info);
    blobs.push(blob);
    onHashed?.(attachment.info.size);
  }
  return [...entries, ...blobs];
}
