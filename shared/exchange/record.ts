/**
 * `sijill-record/1`: the JSON of one record entry in a partner bundle (docs/bundle-format.md,
 * "Records carried by the app"). The envelope names the record (type, id, the sender's version
 * and when it was saved); the body is exactly what the shared/domain schema of that type
 * parses, so the importer validates a received testimony with the same rules as a typed one.
 *
 * Bytes are canonical JSON: the same record always encodes to the same bytes (so its BLAKE2b in
 * the manifest is reproducible) and a reader refuses any other spelling of it, so two parsers
 * can never see two different records in one entry.
 */
import { z } from 'zod';
import { canonicalJsonBytes } from '../crypto/canonical-json';
import { consentRecordSchema } from '../domain/consent';
import { facilitySchema } from '../domain/facility';
import { idSchema } from '../domain/ids';
import { perpetratorSchema } from '../domain/perpetrator';
import { testimonySchema } from '../domain/testimony';
import { pseudonymCodeSchema, witnessSchema } from '../domain/witness';
import { BUNDLE_LIMITS } from '../bundle/limits';
import { attachmentInfoSchema, isoTimeSchema } from './attachment-info';
import { ExchangeRecordError } from './errors';

/** The `format` of every record entry. */
export const EXCHANGE_RECORD_FORMAT = 'sijill-record/1';

/** Record types, in the order their entries appear in a bundle. */
export const EXCHANGE_RECORD_TYPES = ['facility', 'perpetrator', 'testimony', 'witness', 'consent', 'attachment-info'] as const;
export type ExchangeRecordType = (typeof EXCHANGE_RECORD_TYPES)[number];

const envelope = <T extends ExchangeRecordType, B extends z.ZodType>(type: T, body: B) =>
  z.strictObject({
    format: z.literal(EXCHANGE_RECORD_FORMAT),
    type: z.literal(type),
    id: idSchema,
    version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
    saved_at: isoTimeSchema,
    body,
  });

/**
 * A testimony's envelope also names its witness's pseudonym code (`witness_code`, the witness
 * record's `pseudonymCode`): a pseudonymised bundle carries no witness record, and the witness
 * is known to the partner by that code only (DESIGN.md §5). It goes with the envelope, not the
 * body, because the body is exactly what the domain's testimony schema holds.
 */
const testimonyEnvelope = envelope('testimony', testimonySchema).extend({ witness_code: pseudonymCodeSchema.optional() });

/**
 * One record entry. A discriminated union on `type`; every object strict (unknown keys are
 * refused, not dropped); the body's id must be the envelope's id; a `witness_code` only with a
 * `witnessId` (the code stands for that witness).
 */
export const exchangeRecordSchema = z
  .discriminatedUnion('type', [
    envelope('facility', facilitySchema),
    envelope('perpetrator', perpetratorSchema),
    testimonyEnvelope,
    envelope('witness', witnessSchema),
    envelope('consent', consentRecordSchema),
    envelope('attachment-info', attachmentInfoSchema),
  ])
  .refine((record) => record.body.id === record.id, { message: 'body.id differs from id', path: ['body', 'id'] })
  .refine((record) => record.type !== 'testimony' || record.witness_code === undefined || record.body.witnessId !== undefined, {
    message: 'witness_code without a witnessId',
    path: ['witness_code'],
  });

/** A record entry as parsed (domain strings NFC-normalised). */
export type ExchangeRecord = z.output<typeof exchangeRecordSchema>;
/** A record entry as written (before the domain schemas normalise it). */
export type ExchangeRecordInput = z.input<typeof exchangeRecordSchema>;
/** The record entry of one type. */
export type ExchangeRecordOf<T extends ExchangeRecordType> = Extract<ExchangeRecord, { type: T }>;

/** Where the first problem is, as a field path: never the offending value. */
function where(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '(root)';
  return issue.path.map(String).join('.') || '(root)';
}

/**
 * Validates `record` and encodes it as canonical UTF-8 JSON. What is encoded is the parsed value
 * (normalised exactly as a reader will parse it), so `parseExchangeRecord(encode(r))` returns
 * the same record. Throws `ExchangeRecordError('schema' | 'too-large')`.
 */
export function encodeExchangeRecord(record: ExchangeRecordInput): Uint8Array {
  const parsed = exchangeRecordSchema.safeParse(record);
  if (!parsed.success) throw new ExchangeRecordError('schema', `record not writable: invalid at ${where(parsed.error)}`);
  try {
    return canonicalJsonBytes(parsed.data, BUNDLE_LIMITS.maxRecordBytes, 'finite');
  } catch {
    throw new ExchangeRecordError('too-large', 'record too large or not encodable');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads one record entry's bytes: size, strict UTF-8, JSON, format, the type the manifest entry
 * declared (`expectedType`), the schema, then canonical form. Throws `ExchangeRecordError`.
 */
export function parseExchangeRecord<T extends ExchangeRecordType>(bytes: Uint8Array, expectedType: T): ExchangeRecordOf<T> {
  if (bytes.length > BUNDLE_LIMITS.maxRecordBytes) throw new ExchangeRecordError('too-large', 'record larger than 16 MiB');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ExchangeRecordError('invalid-utf8', 'record is not valid UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ExchangeRecordError('invalid-json', 'record is not JSON');
  }
  if (!isObject(json) || json.format !== EXCHANGE_RECORD_FORMAT) throw new ExchangeRecordError('unsupported-format', `record is not ${EXCHANGE_RECORD_FORMAT}`);
  if (json.type !== expectedType) throw new ExchangeRecordError('type-mismatch', `record type differs from the manifest entry type "${expectedType}"`);
  const parsed = exchangeRecordSchema.safeParse(json);
  if (!parsed.success) throw new ExchangeRecordError('schema', `${expectedType} record invalid at ${where(parsed.error)}`);
  let canonical: Uint8Array;
  try {
    canonical = canonicalJsonBytes(json, BUNDLE_LIMITS.maxRecordBytes, 'finite');
  } catch {
    throw new ExchangeRecordError('not-canonical', 'record has no canonical form');
  }
  if (canonical.length !== bytes.length || canonical.some((byte, i) => byte !== bytes[i])) {
    throw new ExchangeRecordError('not-canonical', 'record is not in canonical JSON form');
  }
  return parsed.data as ExchangeRecordOf<T>;
}
