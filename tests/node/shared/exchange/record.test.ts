import { describe, expect, it } from 'vitest';
import { toBase64url } from '../../../../shared/bundle/encoding';
import {
  EXCHANGE_RECORD_FORMAT,
  ExchangeRecordError,
  encodeExchangeRecord,
  parseExchangeRecord,
  type ExchangeRecordErrorCode,
  type ExchangeRecordInput,
  type ExchangeRecordType,
} from '../../../../shared/exchange';
import { grant, record as consentRecord } from '../domain/consent-fixtures';
import { IDS, facility, perpetrator, testimony, witness } from '../domain/samples';

const SAVED_AT = '2026-03-15T09:30:00.000Z';

function envelope(type: ExchangeRecordType, id: string, body: unknown): ExchangeRecordInput {
  return { format: EXCHANGE_RECORD_FORMAT, type, id, version: 3, saved_at: SAVED_AT, body } as ExchangeRecordInput;
}

const attachmentInfo = () => ({
  id: IDS.attachment,
  entry: toBase64url(new Uint8Array(16).fill(7)),
  owner: { kind: 'testimony', id: IDS.testimony },
  name: 'drawing of the cell.jpg',
  media_type: 'image/jpeg',
  size: 123_456,
  sha256: 'ab'.repeat(32),
  captured_at: '2026-03-14T10:00:00.000Z',
  added_by: 'D-07',
});

const SAMPLES: readonly [ExchangeRecordType, string, () => unknown][] = [
  ['facility', IDS.facility, facility],
  ['perpetrator', IDS.perpetrator, perpetrator],
  ['testimony', IDS.testimony, testimony],
  ['witness', IDS.witness, witness],
  ['consent', IDS.consent, () => consentRecord(grant())],
  ['attachment-info', IDS.attachment, attachmentInfo],
];

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (value: string) => new TextEncoder().encode(value);

function codeOf(run: () => unknown): ExchangeRecordErrorCode | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof ExchangeRecordError) return error.code;
    throw error;
  }
  return undefined;
}

describe('exchange records', () => {
  it.each(SAMPLES)('round-trips a %s record through canonical bytes', (type, id, body) => {
    const encoded = encodeExchangeRecord(envelope(type, id, body()));
    const parsed = parseExchangeRecord(encoded, type);
    expect(parsed.type).toBe(type);
    expect(parsed.id).toBe(id);
    expect(parsed.body).toEqual(body());
    // Same record, same bytes: the manifest hash is reproducible.
    expect(encodeExchangeRecord(parsed)).toEqual(encoded);
  });

  it('writes keys sorted, without spaces, and keeps coordinates as plain numbers', () => {
    const json = text(encodeExchangeRecord(envelope('facility', IDS.facility, facility())));
    expect(json.startsWith('{"body":{')).toBe(true);
    expect(json).toContain('"coordinates":{"lat":33.665,"lon":36.333,"precisionMetres":1000}');
    expect(json).toContain(`"format":"${EXCHANGE_RECORD_FORMAT}"`);
    expect(json).not.toMatch(/\s"|":\s/);
  });

  it('refuses a record whose type differs from the manifest entry', () => {
    const encoded = encodeExchangeRecord(envelope('witness', IDS.witness, witness()));
    expect(codeOf(() => parseExchangeRecord(encoded, 'testimony'))).toBe('type-mismatch');
  });

  it('refuses body.id differing from id, on both sides', () => {
    const wrong = envelope('facility', IDS.perpetrator, facility());
    expect(codeOf(() => encodeExchangeRecord(wrong))).toBe('schema');
    const good = text(encodeExchangeRecord(envelope('facility', IDS.facility, facility())));
    const forged = bytes(good.replace(`,"id":"${IDS.facility}","saved_at"`, `,"id":"${IDS.perpetrator}","saved_at"`));
    expect(forged.length).toBe(bytes(good).length);
    expect(text(forged)).not.toBe(good);
    expect(codeOf(() => parseExchangeRecord(forged, 'facility'))).toBe('schema');
  });

  it('refuses unknown keys in the envelope and in the body', () => {
    const good = text(encodeExchangeRecord(envelope('witness', IDS.witness, witness())));
    expect(codeOf(() => parseExchangeRecord(bytes(good.replace('{"body":', '{"extra":1,"body":')), 'witness'))).toBe('schema');
    expect(codeOf(() => parseExchangeRecord(bytes(good.replace('{"birthYear"', '{"aaa":1,"birthYear"')), 'witness'))).toBe('schema');
  });

  it('refuses non-canonical spellings of a valid record', () => {
    const good = text(encodeExchangeRecord(envelope('consent', IDS.consent, consentRecord(grant()))));
    expect(parseExchangeRecord(bytes(good), 'consent').id).toBe(IDS.consent);
    expect(codeOf(() => parseExchangeRecord(bytes(` ${good}`), 'consent'))).toBe('not-canonical');
    expect(codeOf(() => parseExchangeRecord(bytes(JSON.stringify(JSON.parse(good), null, 1)), 'consent'))).toBe('not-canonical');
    const reordered = JSON.stringify({ format: EXCHANGE_RECORD_FORMAT, ...(JSON.parse(good) as object) });
    expect(codeOf(() => parseExchangeRecord(bytes(reordered), 'consent'))).toBe('not-canonical');
  });

  it('refuses a float spelled other than the shortest form', () => {
    const good = text(encodeExchangeRecord(envelope('facility', IDS.facility, facility())));
    expect(codeOf(() => parseExchangeRecord(bytes(good.replace('33.665', '33.6650')), 'facility'))).toBe('not-canonical');
  });

  it('refuses bad bytes, bad JSON and another format with distinct codes', () => {
    expect(codeOf(() => parseExchangeRecord(new Uint8Array([0x7b, 0xff, 0x7d]), 'testimony'))).toBe('invalid-utf8');
    expect(codeOf(() => parseExchangeRecord(bytes('{"format":'), 'testimony'))).toBe('invalid-json');
    expect(codeOf(() => parseExchangeRecord(bytes('[]'), 'testimony'))).toBe('unsupported-format');
    expect(codeOf(() => parseExchangeRecord(bytes('{"format":"sijill-record/2","type":"testimony"}'), 'testimony'))).toBe('unsupported-format');
    expect(codeOf(() => parseExchangeRecord(new Uint8Array(16 * 1024 * 1024 + 1), 'testimony'))).toBe('too-large');
  });

  it('never echoes record contents in its messages', () => {
    const bad = { ...witness(), birthYear: 'Samer Jaber was born in 1988' };
    try {
      parseExchangeRecord(bytes(JSON.stringify(envelope('witness', IDS.witness, bad))), 'witness');
      expect.unreachable('a witness with a text birth year parsed');
    } catch (error) {
      expect(error).toBeInstanceOf(ExchangeRecordError);
      expect((error as Error).message).not.toContain('Samer');
      expect((error as Error).message).toContain('body.birthYear');
    }
  });

  it('checks the attachment-info body: entry id, hash and owner', () => {
    const withBadHash = { ...attachmentInfo(), sha256: 'AB'.repeat(32) };
    expect(codeOf(() => encodeExchangeRecord(envelope('attachment-info', IDS.attachment, withBadHash)))).toBe('schema');
    const withBadEntry = { ...attachmentInfo(), entry: 'not-an-entry-id' };
    expect(codeOf(() => encodeExchangeRecord(envelope('attachment-info', IDS.attachment, withBadEntry)))).toBe('schema');
    const withBadOwner = { ...attachmentInfo(), owner: { kind: 'witness', id: IDS.witness } };
    expect(codeOf(() => encodeExchangeRecord(envelope('attachment-info', IDS.attachment, withBadOwner)))).toBe('schema');
    const withoutAddedBy: Record<string, unknown> = attachmentInfo();
    delete withoutAddedBy.added_by;
    expect(parseExchangeRecord(encodeExchangeRecord(envelope('attachment-info', IDS.attachment, withoutAddedBy)), 'attachment-info').body).toEqual(withoutAddedBy);
  });

  it("carries a testimony's witness pseudonym code in the envelope, strictly", () => {
    const withCode = { ...envelope('testimony', IDS.testimony, testimony()), witness_code: 'W-0042' } as ExchangeRecordInput;
    const encoded = encodeExchangeRecord(withCode);
    expect(text(encoded)).toContain('"witness_code":"W-0042"');
    const parsed = parseExchangeRecord(encoded, 'testimony');
    expect(parsed.witness_code).toBe('W-0042');
    expect(encodeExchangeRecord(parsed)).toEqual(encoded);
    // Optional: a testimony without it still reads.
    expect(parseExchangeRecord(encodeExchangeRecord(envelope('testimony', IDS.testimony, testimony())), 'testimony').witness_code).toBeUndefined();
    // Not a pseudonym code (a name, say), no witnessId to stand for, or on another type: refused.
    expect(codeOf(() => encodeExchangeRecord({ ...withCode, witness_code: 'Witness W' } as ExchangeRecordInput))).toBe('schema');
    const { witnessId: _w, ...withoutWitness } = testimony();
    expect(codeOf(() => encodeExchangeRecord({ ...envelope('testimony', IDS.testimony, withoutWitness), witness_code: 'W-0042' } as ExchangeRecordInput))).toBe('schema');
    const good = text(encodeExchangeRecord(envelope('witness', IDS.witness, witness())));
    expect(codeOf(() => parseExchangeRecord(bytes(good.replace(',"version":3}', ',"version":3,"witness_code":"W-0042"}')), 'witness'))).toBe('schema');
  });

  it('refuses a version below 1 and a saved_at that is not an ISO UTC time', () => {
    const base = envelope('facility', IDS.facility, facility());
    expect(codeOf(() => encodeExchangeRecord({ ...base, version: 0 }))).toBe('schema');
    expect(codeOf(() => encodeExchangeRecord({ ...base, saved_at: '15/03/2026' }))).toBe('schema');
  });
});
