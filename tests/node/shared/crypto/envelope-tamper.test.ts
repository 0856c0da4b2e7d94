/** Tampering with a stored record never yields plaintext: every change fails with a typed RecordError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EpochKey } from '../../../../shared/crypto/compartments';
import type { RecordLocation } from '../../../../shared/crypto/data-key';
import { MAX_ENVELOPE_BYTES, openRecord, sealRecord, type SealedRecord } from '../../../../shared/crypto/envelope';
import { RecordError } from '../../../../shared/crypto/errors';
import { getSodium } from '../../../../shared/crypto/sodium';
import { flipBit } from './helpers';

const s = await getSodium();
const key: EpochKey = { epoch: 3, key: s.randombytes_buf(32) };
const at: RecordLocation = { vaultId: s.randombytes_buf(16), recordId: s.randombytes_buf(16), compartment: 'witness', table: 'records' };
const expectation = { type: 'witness', headVersion: 1 };

async function outcome(sealed: SealedRecord): Promise<string> {
  return openRecord(at, sealed, key, expectation).then(
    () => 'opened',
    (error: unknown) => (error instanceof RecordError ? error.code : `untyped: ${String(error)}`),
  );
}

/** Flips `bit` counted across wrappedKey then envelope. */
function flipped(sealed: SealedRecord, bit: number): SealedRecord {
  const inKey = sealed.wrappedKey.length * 8;
  return bit < inKey
    ? { wrappedKey: flipBit(sealed.wrappedKey, bit), envelope: sealed.envelope }
    : { wrappedKey: sealed.wrappedKey, envelope: flipBit(sealed.envelope, bit - inKey) };
}

describe('record tampering', () => {
  it('fails any single-bit flip of any record in the wrapped key or the envelope (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), fc.nat(), async (body, seed) => {
        const sealed = await sealRecord(at, { type: 'witness', version: 1, body }, key);
        const bit = seed % ((sealed.wrappedKey.length + sealed.envelope.length) * 8);
        expect(['auth-failed', 'unsupported-format']).toContain(await outcome(flipped(sealed, bit)));
      }),
      { numRuns: 500 },
    );
  });

  it('fails every single-bit flip of one small record (exhaustive)', async () => {
    const sealed = await sealRecord(at, { type: 'witness', version: 1, body: { pseudonym: 'W-017' } }, key);
    const bits = (sealed.wrappedKey.length + sealed.envelope.length) * 8;
    const results = new Set<string>();
    for (let bit = 0; bit < bits; bit++) results.add(await outcome(flipped(sealed, bit)));
    expect([...results].sort()).toEqual(['auth-failed', 'unsupported-format']);
    expect(await outcome(sealed)).toBe('opened');
  });

  it('fails truncated, extended, empty and oversized records', async () => {
    const sealed = await sealRecord(at, { type: 'witness', version: 1, body: 'x'.repeat(300) }, key);
    const { wrappedKey, envelope } = sealed;
    const cases: [SealedRecord, string][] = [
      [{ wrappedKey, envelope: new Uint8Array(0) }, 'malformed'],
      [{ wrappedKey, envelope: envelope.subarray(0, 100) }, 'malformed'],
      [{ wrappedKey, envelope: envelope.subarray(0, envelope.length - 1) }, 'auth-failed'],
      [{ wrappedKey, envelope: Uint8Array.from([...envelope, 0]) }, 'auth-failed'],
      [{ wrappedKey, envelope: new Uint8Array(MAX_ENVELOPE_BYTES + 1).fill(1) }, 'too-large'],
      [{ wrappedKey: wrappedKey.subarray(0, 72), envelope }, 'malformed'],
      [{ wrappedKey: Uint8Array.from([...wrappedKey, 0]), envelope }, 'malformed'],
      [{ wrappedKey: new Uint8Array(0), envelope }, 'malformed'],
    ];
    for (const [record, code] of cases) expect(await outcome(record)).toBe(code);
  });
});
