/**
 * The manifest of `sijill-bundle/1`: schema, canonical encoding and strict decoding.
 *
 * On the wire the manifest is canonical JSON (shared/crypto/canonical-json.ts: no white space,
 * keys sorted, integers only, strings escaped as JSON.stringify does) in UTF-8. The reader
 * re-encodes what it parsed and requires the same bytes, so a manifest has one spelling: no
 * duplicate keys for two parsers to resolve differently, no BOM, no escapes hiding content.
 */
import { z } from 'zod';
import { canonicalJsonBytes } from '../crypto/canonical-json';
import { base64urlPattern, fromBase64url } from './encoding';
import { BundleError } from './errors';
import { labelProblem } from './labels';
import { BUNDLE_LIMITS } from './limits';

/** The format name in every manifest. */
export const BUNDLE_FORMAT = 'sijill-bundle/1';
/** What `recipients` lists for a passphrase stanza. */
export const PASSPHRASE_RECIPIENT = 'passphrase';
/** The `type` of every blob entry. */
export const BLOB_TYPE = 'attachment';
/** Record types, as in the record envelope. */
export const RECORD_TYPE = /^[a-z][a-z0-9-]{0,47}$/;

const b64 = (bytes: number) =>
  z
    .string()
    .regex(base64urlPattern(bytes), { message: `not base64url of ${bytes} bytes` })
    .refine((text) => fromBase64url(text, bytes) !== undefined, { message: 'non-canonical base64url' });
const hex32 = z.string().regex(/^[0-9a-f]{64}$/, { message: 'not 64 lowercase hex digits' });
const label = (max: number) =>
  z.string().superRefine((text, ctx) => {
    const problem = labelProblem(text, max);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** RFC 6838 type/subtype, lowercase, no parameters. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$/;
/** UTC time as toISOString writes it (fractions optional). Informational only. */
const CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

const entrySchema = z
  .strictObject({
    id: b64(16),
    kind: z.enum(['record', 'blob']),
    type: z.string().max(48),
    length: count,
    blake2b: hex32,
    sha256: hex32.optional(),
    name: label(BUNDLE_LIMITS.maxNameChars).optional(),
    media_type: z.string().regex(MEDIA_TYPE, { message: 'not a media type' }).optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'blob') {
      if (entry.type !== BLOB_TYPE) ctx.addIssue({ code: 'custom', message: `a blob's type is "${BLOB_TYPE}"`, path: ['type'] });
      if (entry.sha256 === undefined) ctx.addIssue({ code: 'custom', message: 'a blob needs its sha256', path: ['sha256'] });
      return;
    }
    if (!RECORD_TYPE.test(entry.type) || entry.type === BLOB_TYPE) ctx.addIssue({ code: 'custom', message: 'not a record type', path: ['type'] });
    if (entry.sha256 !== undefined) ctx.addIssue({ code: 'custom', message: 'records carry no sha256', path: ['sha256'] });
    if (entry.media_type !== undefined) ctx.addIssue({ code: 'custom', message: 'records carry no media_type', path: ['media_type'] });
    if (entry.length < 2 || entry.length > BUNDLE_LIMITS.maxRecordBytes) ctx.addIssue({ code: 'custom', message: 'record length out of range', path: ['length'] });
  });

/** The manifest schema: every field of DESIGN.md §6, strict (unknown keys refused) and bounded. */
export const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  bundle_id: b64(16),
  created: z.string().max(BUNDLE_LIMITS.maxCreatedChars).regex(CREATED, { message: 'not an ISO UTC time' }),
  sender: z.strictObject({
    label: label(BUNDLE_LIMITS.maxLabelChars),
    sign_pk: b64(32),
    box_pk: b64(32),
    fingerprint: b64(64),
  }),
  recipients: z
    .array(z.union([z.literal(PASSPHRASE_RECIPIENT), b64(64)]))
    .min(1)
    .max(BUNDLE_LIMITS.maxStanzas)
    .refine((list) => new Set(list).size === list.length, { message: 'recipients repeat' }),
  header_hash: hex32,
  sender_seq: count.min(1),
  redaction: z.enum(['pseudonymised', 'identified']),
  entries: z
    .array(entrySchema)
    .max(BUNDLE_LIMITS.maxEntries)
    .refine((list) => new Set(list.map((e) => e.id)).size === list.length, { message: 'entry ids repeat' }),
  audit_checkpoint: z.strictObject({ seq: count, head: hex32 }),
});

/** A manifest as decoded (text forms, snake_case as on the wire). */
export type Manifest = z.infer<typeof manifestSchema>;
/** One entry of a manifest. */
export type ManifestEntry = Manifest['entries'][number];

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid manifest';
  const path = issue.path.map(String).join('.') || '(root)';
  return `${path}: ${issue.message}`;
}

/** Omits keys whose value is undefined (canonical JSON has no `undefined`). */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Validates and encodes a manifest canonically. Throws `BundleError('invalid-input')`. */
export function encodeManifest(manifest: Manifest): Uint8Array {
  const clean = { ...manifest, entries: manifest.entries.map(withoutUndefined) };
  const parsed = manifestSchema.safeParse(clean);
  if (!parsed.success) throw new BundleError('invalid-input', `manifest not writable: ${firstIssue(parsed.error)}`);
  try {
    return canonicalJsonBytes(clean, BUNDLE_LIMITS.maxManifestBytes);
  } catch (cause) {
    throw new BundleError('invalid-input', 'manifest too large or not encodable', { cause });
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes manifest bytes: strict UTF-8 (a BOM is kept and then refused by JSON), JSON, the
 * schema, then the canonical-bytes check. Throws `BundleError` with a `manifest-*` code.
 */
export function decodeManifest(bytes: Uint8Array): Manifest {
  if (bytes.length > BUNDLE_LIMITS.maxManifestBytes) throw new BundleError('manifest-too-large', 'the manifest exceeds 16 MiB');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new BundleError('manifest-invalid-utf8', 'the manifest is not valid UTF-8');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BundleError('manifest-invalid-json', 'the manifest is not JSON');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new BundleError('manifest-schema', `the manifest breaks its schema at ${firstIssue(parsed.error)}`);
  let canonical: Uint8Array;
  try {
    canonical = canonicalJsonBytes(json, BUNDLE_LIMITS.maxManifestBytes);
  } catch {
    throw new BundleError('manifest-not-canonical', 'the manifest has no canonical form');
  }
  if (canonical.length !== bytes.length || canonical.some((byte, i) => byte !== bytes[i])) {
    throw new BundleError('manifest-not-canonical', 'the manifest is not in canonical form (spacing, key order, escapes or number format)');
  }
  return parsed.data;
}
