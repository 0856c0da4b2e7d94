/**
 * An attachment's metadata record: an ordinary vault record of the vault-internal type
 * `attachment` (sealed, versioned, audited, re-wrapped by rotation like every record), whose
 * body also carries the blob key and the stream header. Runs in the vault worker: the body
 * never leaves it; the main thread gets `AttachmentInfo` only.
 *
 * Because the blob key lives inside the record, deleting the record crypto-erases the chunks,
 * and "my passphrase may be compromised" re-wraps it with no attachment-specific code.
 */
import { getSodium } from '../../../../shared/crypto';
import { isId, type Id } from '../../../../shared/domain/ids';
import { STREAM_HEADER_BYTES } from '../../../../shared/stream';
import type { AttachmentDraft, AttachmentExtra, AttachmentInfo, AttachmentOwnerKind, AttachmentSource } from '../attachment-types';
import { RecordIntegrityError, RecordNotFoundError, RecordValidationError } from '../vault-errors';
import type { DecryptedRecord } from '../worker-api';
import { ATTACHMENT_TYPE, MAX_ATTACHMENT_BYTES, PENDING_TYPE } from './attachment-format';
import { isPlainRecord } from './sealed-rows';

/** Body format of the metadata record. */
const BODY_FORMAT = 1;
/** Longest name, media type and "added by" kept (labels; longer input is refused). */
export const MAX_NAME_CHARS = 1000;
export const MAX_MEDIA_TYPE_CHARS = 255;
export const MAX_ADDED_BY_CHARS = 200;
const OWNER_KINDS: readonly AttachmentOwnerKind[] = ['testimony', 'perpetrator'];
const SOURCES: readonly AttachmentSource[] = ['file', 'recording'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const HEX64 = /^[0-9a-f]{64}$/;

/** A decrypted metadata record with its secrets (worker only). */
export interface AttachmentRecord {
  readonly info: AttachmentInfo;
  readonly version: number;
  readonly blobKey: Uint8Array;
  readonly header: Uint8Array;
}

/**
 * `type` if the main thread may use it through the generic record calls. Attachment records
 * carry their blob key, so only this module's callers may read them: to everyone else they do
 * not exist.
 */
export function publicType(type: string): string {
  if (type === ATTACHMENT_TYPE || type === PENDING_TYPE) throw new RecordNotFoundError();
  return type;
}

function isLabel(value: unknown, max: number, allowEmpty: boolean): value is string {
  return typeof value === 'string' && value.length <= max && (allowEmpty || value.length > 0);
}

/** Throws `RecordValidationError` unless `draft` is well-formed (it crossed from the main thread). */
export function checkDraft(draft: AttachmentDraft): AttachmentDraft {
  const ok =
    isPlainRecord(draft) &&
    isLabel(draft.name, MAX_NAME_CHARS, false) &&
    isLabel(draft.mediaType, MAX_MEDIA_TYPE_CHARS, true) &&
    isPlainRecord(draft.owner) &&
    OWNER_KINDS.includes(draft.owner.kind) &&
    isId(draft.owner.id) &&
    SOURCES.includes(draft.source) &&
    typeof draft.capturedAt === 'string' &&
    ISO.test(draft.capturedAt) &&
    (draft.addedBy === undefined || isLabel(draft.addedBy, MAX_ADDED_BY_CHARS, true));
  if (!ok) throw new RecordValidationError();
  return draft;
}

/** The record body of a finished attachment. */
export async function encodeAttachmentBody(draft: AttachmentDraft, extra: AttachmentExtra, sealed: { blobKey: Uint8Array; header: Uint8Array; size: number; sha256: string }): Promise<Record<string, unknown>> {
  const s = await getSodium();
  const duration = extra.durationMs;
  return {
    f: BODY_FORMAT,
    k: s.to_base64(sealed.blobKey, s.base64_variants.ORIGINAL),
    h: s.to_base64(sealed.header, s.base64_variants.ORIGINAL),
    name: draft.name,
    mediaType: draft.mediaType,
    owner: { kind: draft.owner.kind, id: draft.owner.id },
    source: draft.source,
    size: sealed.size,
    sha256: sealed.sha256,
    capturedAt: draft.capturedAt,
    addedAt: new Date().toISOString(),
    ...(draft.addedBy ? { addedBy: draft.addedBy } : {}),
    ...(duration !== undefined && Number.isSafeInteger(duration) && duration >= 0 ? { durationMs: duration } : {}),
  };
}

function bytesOf(s: Awaited<ReturnType<typeof getSodium>>, text: unknown, length: number): Uint8Array {
  if (typeof text !== 'string') throw new RecordIntegrityError('tampered');
  let bytes: Uint8Array;
  try {
    bytes = s.from_base64(text, s.base64_variants.ORIGINAL);
  } catch {
    throw new RecordIntegrityError('tampered');
  }
  if (bytes.length !== length) throw new RecordIntegrityError('tampered');
  return bytes;
}

/** Parses a decrypted metadata record; anything malformed is `RecordIntegrityError('tampered')`. */
export async function decodeAttachment(record: DecryptedRecord): Promise<AttachmentRecord> {
  const s = await getSodium();
  const b = record.body;
  if (!isPlainRecord(b) || b['f'] !== BODY_FORMAT) throw new RecordIntegrityError('tampered');
  const { name, mediaType, owner, source, size, sha256, capturedAt, addedAt, addedBy, durationMs } = b;
  const valid =
    isLabel(name, MAX_NAME_CHARS, false) &&
    isLabel(mediaType, MAX_MEDIA_TYPE_CHARS, true) &&
    isPlainRecord(owner) &&
    OWNER_KINDS.includes(owner['kind'] as AttachmentOwnerKind) &&
    isId(owner['id']) &&
    SOURCES.includes(source as AttachmentSource) &&
    typeof size === 'number' &&
    Number.isSafeInteger(size) &&
    size >= 0 &&
    size <= MAX_ATTACHMENT_BYTES &&
    typeof sha256 === 'string' &&
    HEX64.test(sha256) &&
    typeof capturedAt === 'string' &&
    typeof addedAt === 'string' &&
    (addedBy === undefined || isLabel(addedBy, MAX_ADDED_BY_CHARS, true)) &&
    (durationMs === undefined || (typeof durationMs === 'number' && Number.isSafeInteger(durationMs) && durationMs >= 0));
  if (!valid) throw new RecordIntegrityError('tampered');
  const info: AttachmentInfo = {
    id: record.id,
    name,
    mediaType,
    owner: { kind: owner['kind'] as AttachmentOwnerKind, id: owner['id'] as Id },
    source: source as AttachmentSource,
    size,
    sha256,
    capturedAt,
    addedAt,
    ...(addedBy !== undefined ? { addedBy } : {}),
    ...(durationMs !== undefined ? { durationMs: durationMs as number } : {}),
  };
  return { info, version: record.version, blobKey: bytesOf(s, b['k'], 32), header: bytesOf(s, b['h'], STREAM_HEADER_BYTES) };
}
