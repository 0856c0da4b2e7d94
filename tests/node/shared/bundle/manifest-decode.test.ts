/**
 * The manifest's text layer: invalid UTF-8, lone surrogates, BOM, non-canonical JSON
 * (spacing, key order, duplicate keys, escapes, number forms), unknown and missing fields,
 * oversized fields and counts. Inside a signed bundle and against the decoder directly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../../shared/bundle/errors';
import { decodeManifest, encodeManifest, manifestSchema, type Manifest } from '../../../../shared/bundle/manifest';
import { toBase64url } from '../../../../shared/bundle/encoding';
import { failsWith, pattern } from '../stream/helpers';
import { craftBundle } from './craft';
import { read } from './helpers';

const { manifest } = await craftBundle();
const utf8 = (text: string) => new TextEncoder().encode(text);
const canonical = encodeManifest(manifest);
const text = new TextDecoder().decode(canonical);

function decodeFails(bytes: Uint8Array, code: string) {
  let caught: unknown;
  try {
    decodeManifest(bytes);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BundleError);
  expect((caught as BundleError).code).toBe(code);
}

const edit = (change: (m: Manifest & Record<string, unknown>) => void): unknown => {
  const copy = structuredClone(manifest) as Manifest & Record<string, unknown>;
  change(copy);
  return copy;
};

describe('manifest text', () => {
  it('round-trips canonically', () => {
    expect(decodeManifest(canonical)).toEqual(manifest);
  });

  it('refuses invalid UTF-8 (inside a signed bundle too)', async () => {
    const bad = (bytes: Uint8Array) => Uint8Array.from([...bytes.subarray(0, 30), 0xc3, 0x28, ...bytes.subarray(30)]);
    decodeFails(bad(canonical), 'manifest-invalid-utf8');
    decodeFails(Uint8Array.from([...canonical.subarray(0, 30), 0xed, 0xa0, 0x80, ...canonical.subarray(30)]), 'manifest-invalid-utf8'); // an encoded surrogate
    const { bytes } = await craftBundle({ manifestBytes: bad });
    await failsWith(() => read(bytes), BundleError, 'manifest-invalid-utf8');
  });

  it('refuses lone surrogates written as JSON escapes', async () => {
    const { bytes } = await craftBundle({ manifest: (m) => ((m.sender.label = 'Team \uD800'), m) });
    await failsWith(() => read(bytes), BundleError, 'manifest-schema');
    decodeFails(utf8(text.replace('"Documentation Team A"', '"Team \\udc00"')), 'manifest-schema');
  });

  it('refuses a BOM, white space, reordered keys, duplicate keys, needless escapes and number forms', () => {
    decodeFails(utf8('\uFEFF' + text), 'manifest-invalid-json');
    decodeFails(utf8(text.replace('{', '{ ')), 'manifest-not-canonical');
    decodeFails(utf8(text + '\n'), 'manifest-not-canonical');
    decodeFails(utf8(text.replace('"sender_seq":3', '"sender_seq":3.0')), 'manifest-not-canonical');
    decodeFails(utf8(text.replace('"sender_seq":3', '"sender_seq":3e0')), 'manifest-not-canonical');
    decodeFails(utf8(text.replace('"Documentation', '"\\u0044ocumentation')), 'manifest-not-canonical');
    decodeFails(utf8(text.replace('"redaction":"pseudonymised"', '"redaction":"identified","redaction":"pseudonymised"')), 'manifest-not-canonical');
    decodeFails(utf8('not json'), 'manifest-invalid-json');
  });

  it('refuses a signed manifest that is not canonical', async () => {
    const { bytes } = await craftBundle({ manifestBytes: (c) => utf8(' ' + new TextDecoder().decode(c)) });
    await failsWith(() => read(bytes), BundleError, 'manifest-not-canonical');
  });
});

describe('manifest schema', () => {
  it.each([
    ['an unknown field', edit((m) => (m.extra = 1))],
    ['a missing field', edit((m) => delete (m as Record<string, unknown>).redaction)],
    ['another format', edit((m) => ((m as Record<string, unknown>).format = 'sijill-bundle/2'))],
    ['padded base64url', edit((m) => (m.bundle_id = m.bundle_id + '=='))],
    ['non-canonical base64url bits', edit((m) => (m.bundle_id = m.bundle_id.slice(0, 21) + 'B'))],
    ['uppercase hex', edit((m) => (m.header_hash = m.header_hash.toUpperCase()))],
    ['a label of 201 characters', edit((m) => (m.sender.label = 'x'.repeat(201)))],
    ['a label with a newline', edit((m) => (m.sender.label = 'Team\nA'))],
    ['a label with a bidi override', edit((m) => (m.sender.label = 'Team \u202Eevil'))],
    ['a name with NUL', edit((m) => ((m.entries[1] as { name?: string }).name = 'a\u0000.jpg'))],
    ['a name of 256 characters', edit((m) => ((m.entries[1] as { name?: string }).name = 'n'.repeat(256)))],
    ['a sequence of 0', edit((m) => (m.sender_seq = 0))],
    ['a length above 2^53', edit((m) => ((m.entries[1] as { length: number }).length = 2 ** 53))],
    ['a negative audit seq', edit((m) => (m.audit_checkpoint.seq = -1))],
    ['a blob without sha256', edit((m) => delete (m.entries[1] as { sha256?: string }).sha256)],
    ['a record with sha256', edit((m) => ((m.entries[0] as { sha256?: string }).sha256 = 'a'.repeat(64)))],
    ['a blob of a record type', edit((m) => ((m.entries[1] as { type: string }).type = 'testimony'))],
    ['a bad media type', edit((m) => ((m.entries[1] as { media_type?: string }).media_type = 'Image/JPEG; q=1'))],
    ['repeated entry ids', edit((m) => m.entries.push(m.entries[0] as Manifest['entries'][number]))],
    ['repeated recipients', edit((m) => m.recipients.push(m.recipients[0] as string))],
    ['no recipients', edit((m) => (m.recipients = []))],
    ['65 recipients', edit((m) => (m.recipients = Array.from({ length: 65 }, (_, i) => toBase64url(pattern(64, i + 1)))))],
    ['a local time', edit((m) => (m.created = '2026-03-01 10:00'))],
  ])('refuses %s', (_, value) => {
    expect(manifestSchema.safeParse(value).success).toBe(false);
  });

  it('accepts 64 recipients and 50,000 entries, refuses 65 and 50,001', () => {
    const entry = manifest.entries[0] as Manifest['entries'][number];
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ ...entry, id: entry.id.slice(0, 16) + i.toString(36).padStart(5, '0') + 'A' }));
    const recipients = (n: number) => Array.from({ length: n }, (_, i) => toBase64url(pattern(64, i + 1)));
    expect(manifestSchema.safeParse(edit((m) => (m.entries = entries(50_000)))).success).toBe(true);
    expect(manifestSchema.safeParse(edit((m) => (m.entries = entries(50_001)))).success).toBe(false);
    expect(manifestSchema.safeParse(edit((m) => (m.recipients = recipients(64)))).success).toBe(true);
    expect(manifestSchema.safeParse(edit((m) => (m.recipients = recipients(65)))).success).toBe(false);
  });

  it('never throws anything but BundleError on arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(() => decodeManifest(bytes)).toThrow(BundleError);
      }),
    );
    fc.assert(
      fc.property(fc.json(), (json) => {
        expect(() => decodeManifest(utf8(json))).toThrow(BundleError);
      }),
    );
  });
});
