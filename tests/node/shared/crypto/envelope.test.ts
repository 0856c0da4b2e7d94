import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EpochKey } from '../../../../shared/crypto/compartments';
import { newRecordId, rewrapDataKey, unwrapDataKey, wrapDataKey, type RecordLocation } from '../../../../shared/crypto/data-key';
import { MAX_RECORD_BODY_BYTES, openRecord, recordOpener, sealRecord } from '../../../../shared/crypto/envelope';
import { RecordError } from '../../../../shared/crypto/errors';
import { paddedLength } from '../../../../shared/crypto/padding';
import { getSodium } from '../../../../shared/crypto/sodium';
import { rejection, same } from './helpers';

const s = await getSodium();
const vaultId = s.randombytes_buf(16);
const key1: EpochKey = { epoch: 1, key: s.randombytes_buf(32) };
const key2: EpochKey = { epoch: 2, key: s.randombytes_buf(32) };
const witnessKey: EpochKey = { epoch: 1, key: s.randombytes_buf(32) };

afterEach(() => {
  vi.restoreAllMocks();
});

async function location(overrides: Partial<RecordLocation> = {}): Promise<RecordLocation> {
  return { vaultId, recordId: await newRecordId(), compartment: 'general', table: 'records', ...overrides };
}

describe('record envelope', () => {
  it('round-trips type, version and JSON body', async () => {
    const at = await location();
    const body = { ref: 'T-2026-0042', narrative: 'سُجِن في صيدنايا', nested: { list: [1, 2, 3], ok: true, none: null } };
    const sealed = await sealRecord(at, { type: 'testimony', version: 3, body }, key1);
    expect(await openRecord(at, sealed, key1, { type: 'testimony', headVersion: 3 })).toEqual({ type: 'testimony', version: 3, body });
  });

  it('opens a batch with one opener as openRecord does, and refuses what openRecord refuses', async () => {
    const rows = await Promise.all(
      [key1, key2, key1, witnessKey].map(async (key, n) => {
        const at = await location(key === witnessKey ? { compartment: 'witness' } : {});
        return { at, key, sealed: await sealRecord(at, { type: 'note', version: n + 1, body: { n } }, key) };
      }),
    );
    const opener = await recordOpener();
    try {
      for (const [n, { at, key, sealed }] of rows.entries()) {
        expect(opener.open(at, sealed, key, { type: 'note', headVersion: n + 1 })).toEqual({ type: 'note', version: n + 1, body: { n } });
      }
      const [first, second] = rows;
      if (!first || !second) throw new Error('rows missing');
      // Another row's key, another place, a wrong type, a replay: the same errors as openRecord.
      expect(() => opener.open(first.at, second.sealed, first.key, { type: 'note', headVersion: 1 })).toThrow(expect.objectContaining({ code: 'auth-failed' }));
      expect(() => opener.open(second.at, first.sealed, second.key, { type: 'note', headVersion: 1 })).toThrow(expect.objectContaining({ code: 'auth-failed' }));
      expect(() => opener.open(first.at, first.sealed, first.key, { type: 'other', headVersion: 1 })).toThrow(expect.objectContaining({ code: 'wrong-type' }));
      expect(() => opener.open(second.at, second.sealed, second.key, { type: 'note', headVersion: 3 })).toThrow(expect.objectContaining({ code: 'replayed' }));
      // A key wiped mid-batch (the vault locking) is refused even though its wrap key was derived.
      const wiped: EpochKey = { epoch: 1, key: key1.key.slice() };
      expect(opener.open(first.at, first.sealed, wiped, { type: 'note', headVersion: 1 })).toMatchObject({ body: { n: 0 } });
      wiped.key.fill(0);
      expect(() => opener.open(first.at, first.sealed, wiped, { type: 'note', headVersion: 1 })).toThrow(expect.objectContaining({ code: 'invalid-input' }));
    } finally {
      opener.dispose();
    }
  });

  it('wipes the wrap keys it derived when disposed', async () => {
    const at = await location();
    const sealed = await sealRecord(at, { type: 'note', version: 1, body: 'x' }, key1);
    const opener = await recordOpener();
    const derived: Uint8Array[] = [];
    const real = s.crypto_kdf_derive_from_key.bind(s) as (length: number, id: number, context: string, key: Uint8Array) => Uint8Array;
    const spy = (length: number, id: number, context: string, key: Uint8Array) => {
      const out = real(length, id, context, key);
      derived.push(out);
      return out;
    };
    vi.spyOn(s, 'crypto_kdf_derive_from_key').mockImplementation(spy as typeof s.crypto_kdf_derive_from_key);
    opener.open(at, sealed, key1, { type: 'note', headVersion: 1 });
    opener.open(at, sealed, key1, { type: 'note', headVersion: 1 });
    expect(derived).toHaveLength(1); // once per key for the batch, not per record
    expect(derived[0]?.some((byte) => byte !== 0)).toBe(true);
    opener.dispose();
    expect(derived[0]?.every((byte) => byte === 0)).toBe(true);
  });

  it('pads to Padmé buckets of at least 256 bytes, so sizes leak little', async () => {
    const at = await location();
    for (const length of [0, 1, 100, 199, 200, 1000, 5000, 50_000]) {
      const sealed = await sealRecord(at, { type: 'note', version: 1, body: 'x'.repeat(length) }, key1);
      const inner = 1 + 4 + 4 + 4 + length + 2; // type_len, "note", version, body_len, JSON quotes
      expect(sealed.envelope.length).toBe(1 + 24 + paddedLength(inner) + 16);
      expect(sealed.wrappedKey).toHaveLength(73);
    }
    const small = await sealRecord(at, { type: 'note', version: 1, body: '' }, key1);
    const larger = await sealRecord(at, { type: 'note', version: 1, body: 'y'.repeat(200) }, key1);
    expect(small.envelope.length).toBe(larger.envelope.length);
  });

  it('uses a fresh data key and nonce for every seal', async () => {
    const at = await location();
    const content = { type: 'note', version: 1, body: 'same' };
    const a = await sealRecord(at, content, key1);
    const b = await sealRecord(at, content, key1);
    expect(same(a.envelope, b.envelope)).toBe(false);
    expect(same(await unwrapDataKey(at, a.wrappedKey, key1), await unwrapDataKey(at, b.wrappedKey, key1))).toBe(false);
  });

  it('fails a record moved to another id, table, compartment, epoch or vault', async () => {
    const at = await location();
    const sealed = await sealRecord(at, { type: 'testimony', version: 1, body: {} }, key1);
    const expect1 = { type: 'testimony', headVersion: 1 };
    const moves: [RecordLocation, EpochKey][] = [
      [{ ...at, recordId: await newRecordId() }, key1],
      [{ ...at, table: 'heads' }, key1],
      [{ ...at, compartment: 'witness' }, key1],
      [{ ...at, compartment: 'witness' }, witnessKey],
      [{ ...at, vaultId: s.randombytes_buf(16) }, key1],
      [at, { epoch: 2, key: key1.key }],
      [at, key2],
    ];
    for (const [where, key] of moves) await rejection(() => openRecord(where, sealed, key, expect1), RecordError, 'auth-failed');
  });

  it('fails an envelope paired with another record’s wrapped key', async () => {
    const at = await location();
    const a = await sealRecord(at, { type: 'note', version: 1, body: 'a' }, key1);
    const b = await sealRecord(at, { type: 'note', version: 2, body: 'b' }, key1);
    await rejection(() => openRecord(at, { wrappedKey: a.wrappedKey, envelope: b.envelope }, key1, { type: 'note', headVersion: 1 }), RecordError, 'auth-failed');
  });

  it('rejects the wrong type and a replayed older version, accepts a version newer than the head', async () => {
    const at = await location();
    const v1 = await sealRecord(at, { type: 'witness', version: 1, body: { name: 'old' } }, key1);
    const v2 = await sealRecord(at, { type: 'witness', version: 2, body: { name: 'new' } }, key1);
    await rejection(() => openRecord(at, v2, key1, { type: 'testimony', headVersion: 2 }), RecordError, 'wrong-type');
    await rejection(() => openRecord(at, v1, key1, { type: 'witness', headVersion: 2 }), RecordError, 'replayed');
    expect((await openRecord(at, v2, key1, { type: 'witness', headVersion: 2 })).body).toEqual({ name: 'new' });
    expect((await openRecord(at, v2, key1, { type: 'witness', headVersion: 1 })).version).toBe(2);
  });

  it('rejects replays for any pair of versions (property)', async () => {
    const at = await location();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 0xffffffff }), fc.integer({ min: 1, max: 0xffffffff }), async (version, head) => {
        const sealed = await sealRecord(at, { type: 'note', version, body: null }, key1);
        const result = await openRecord(at, sealed, key1, { type: 'note', headVersion: head }).then(
          (content) => content.version,
          (error: unknown) => (error instanceof RecordError ? error.code : 'untyped'),
        );
        expect(result).toBe(version >= head ? version : 'replayed');
      }),
      { numRuns: 100 },
    );
  });

  it('refuses invalid input before encrypting anything', async () => {
    const at = await location();
    const content = { type: 'note', version: 1, body: 1 };
    const cases: [RecordLocation, typeof content | Record<string, unknown>, EpochKey][] = [
      [{ ...at, recordId: new Uint8Array(15) }, content, key1],
      [{ ...at, vaultId: new Uint8Array(17) }, content, key1],
      [{ ...at, table: 'Records' }, content, key1],
      [{ ...at, table: '' }, content, key1],
      [{ ...at, compartment: 'secret' as 'general' }, content, key1],
      [at, { ...content, type: 'Note' }, key1],
      [at, { ...content, version: 0 }, key1],
      [at, { ...content, version: 2 ** 32 }, key1],
      [at, { ...content, body: undefined }, key1],
      [at, { ...content, body: 10n }, key1],
      [at, content, { epoch: 0, key: key1.key }],
      [at, content, { epoch: 1, key: new Uint8Array(32) }],
      [at, content, { epoch: 1, key: new Uint8Array(31) }],
    ];
    const encrypt = vi.spyOn(s, 'crypto_aead_xchacha20poly1305_ietf_encrypt');
    for (const [where, what, key] of cases) {
      await rejection(() => sealRecord(where, what as typeof content, key), RecordError, 'invalid-input');
    }
    await rejection(() => sealRecord(at, { ...content, body: 'x'.repeat(MAX_RECORD_BODY_BYTES) }, key1), RecordError, 'too-large');
    expect(encrypt).not.toHaveBeenCalled();
  });

  it('authenticates before judging type or version: a moved record is auth-failed whatever the expectation', async () => {
    const at = await location();
    const sealed = await sealRecord(at, { type: 'witness', version: 1, body: {} }, key1);
    const elsewhere = { ...at, recordId: await newRecordId() };
    for (const expectation of [{ type: 'testimony', headVersion: 1 }, { type: 'witness', headVersion: 9 }, { type: 'testimony', headVersion: 9 }]) {
      await rejection(() => openRecord(elsewhere, sealed, key1, expectation), RecordError, 'auth-failed');
    }
  });

  it('refuses to seal or open under a wiped (all-zero) compartment key, as left by disposeKeyring', async () => {
    const at = await location();
    const sealed = await sealRecord(at, { type: 'note', version: 1, body: 1 }, key1);
    const wiped: EpochKey = { epoch: 1, key: new Uint8Array(32) };
    await rejection(() => openRecord(at, sealed, wiped, { type: 'note', headVersion: 1 }), RecordError, 'invalid-input');
    await rejection(() => unwrapDataKey(at, sealed.wrappedKey, wiped), RecordError, 'invalid-input');
  });
});

describe('data keys', () => {
  it('re-wraps to a new epoch without touching the envelope', async () => {
    const at = await location();
    const sealed = await sealRecord(at, { type: 'testimony', version: 4, body: { ok: 1 } }, key1);
    const wrappedKey = await rewrapDataKey(at, sealed.wrappedKey, key1, key2);
    const moved = { wrappedKey, envelope: sealed.envelope };
    expect((await openRecord(at, moved, key2, { type: 'testimony', headVersion: 4 })).body).toEqual({ ok: 1 });
    await rejection(() => openRecord(at, moved, key1, { type: 'testimony', headVersion: 4 }), RecordError, 'auth-failed');
    await rejection(() => rewrapDataKey(at, sealed.wrappedKey, key2, key1), RecordError, 'auth-failed');
  });

  it('wraps and unwraps an attachment key bound to its location', async () => {
    const at = await location({ table: 'blobs', compartment: 'witness' });
    const blobKey = s.randombytes_buf(32);
    const wrapped = await wrapDataKey(at, blobKey, witnessKey);
    expect(same(await unwrapDataKey(at, wrapped, witnessKey), blobKey)).toBe(true);
    await rejection(() => unwrapDataKey({ ...at, table: 'records' }, wrapped, witnessKey), RecordError, 'auth-failed');
    await rejection(() => wrapDataKey(at, new Uint8Array(16), witnessKey), RecordError, 'invalid-input');
  });
});
