/**
 * The strict header parse and the header MAC: bad magic, version and flags, stanza counts and
 * lengths, Argon2id parameters out of bounds (refused before Argon2id runs), truncation, and
 * every header byte flipped.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BundleError } from '../../../../shared/bundle/errors';
import { encodeHeader } from '../../../../shared/bundle/header';
import { MIN_BUNDLE_BYTES } from '../../../../shared/bundle/reader';
import { PASSPHRASE_STANZA, X25519_STANZA } from '../../../../shared/bundle/stanzas';
import { concat, failsWith, flipBit } from '../stream/helpers';
import { PASSPHRASE, bob, read, s, to, withPassphrase, writeBytes, BOB } from './helpers';

const MiB = 1024 * 1024;
const single = await writeBytes(); // header: 8 + 3 + 80 + 32 = 123 bytes
const backup = await writeBytes({ recipients: [to(BOB), withPassphrase()] }); // + 3 + 96
const HEADER = 123;

/** A copy of `bytes` with a big-endian u16/u32 written at `offset`. */
function setUint(bytes: Uint8Array, offset: number, value: number, size: 1 | 2 | 4): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  if (size === 1) view.setUint8(offset, value);
  else if (size === 2) view.setUint16(offset, value);
  else view.setUint32(offset, value);
  return out;
}

/** A header with `stanzas` (arbitrary bodies), followed by a bogus payload. */
function rawHeader(stanzas: { type: number; body: Uint8Array }[], fixed = { version: 1, flags: 0 }): Uint8Array {
  const header = encodeHeader(s, new Uint8Array(32), stanzas.length ? stanzas : [{ type: 1, body: new Uint8Array(80) }]);
  let out = setUint(header, 4, fixed.version, 1);
  out = setUint(out, 5, fixed.flags, 1);
  if (!stanzas.length) out = setUint(out, 6, 0, 2);
  return concat(out, new Uint8Array(200));
}

const passphraseBody = (ops: number, mem: number) => concat(setUint(setUint(new Uint8Array(8), 0, ops, 4), 4, mem, 4), new Uint8Array(88));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('strict header parse', () => {
  it('refuses a wrong magic, version and flags', async () => {
    await failsWith(() => read(setUint(single, 0, 0x53, 1).map((b, i) => (i === 3 ? 0x32 : b))), BundleError, 'bad-magic');
    await failsWith(() => read(setUint(single, 4, 2, 1)), BundleError, 'unsupported-version');
    await failsWith(() => read(setUint(single, 4, 0, 1)), BundleError, 'unsupported-version');
    for (const flags of [1, 0x80, 0xff]) await failsWith(() => read(setUint(single, 5, flags, 1)), BundleError, 'bad-flags');
  });

  it('refuses 0 and 65 stanzas, and counts that run past the header', async () => {
    await failsWith(() => read(setUint(single, 6, 0, 2)), BundleError, 'bad-stanza-count');
    await failsWith(() => read(setUint(single, 6, 65, 2)), BundleError, 'bad-stanza-count');
    await failsWith(() => read(setUint(single, 6, 0xffff, 2)), BundleError, 'bad-stanza-count');
    await failsWith(() => read(setUint(single, 6, 2, 2)), BundleError, 'bad-stanza-type');
  });

  it('accepts 64 stanzas', async () => {
    const bytes = await writeBytes({ recipients: Array.from({ length: 64 }, (_, i) => (i === 63 ? to(BOB) : to({ ...BOB, boxPublicKey: s.crypto_scalarmult_base(new Uint8Array(32).fill(i + 1)) }))) });
    expect((await read(bytes)).openedWith).toEqual({ via: 'identity', stanza: 63 });
  });

  it.each([79, 81, 0, 96, 0xffff])('refuses an X25519 stanza of %i bytes', async (length) => {
    await failsWith(() => read(setUint(single, 9, length, 2)), BundleError, 'bad-stanza-length');
  });

  it.each([95, 97, 80, 0])('refuses a passphrase stanza of %i bytes', async (length) => {
    await failsWith(() => read(rawHeader([{ type: PASSPHRASE_STANZA, body: new Uint8Array(length) }])), BundleError, 'bad-stanza-length');
  });

  it.each([0, 3, 255])('refuses stanza type %i', async (type) => {
    await failsWith(() => read(setUint(single, 8, type, 1)), BundleError, 'bad-stanza-type');
  });

  it('refuses two passphrase stanzas', async () => {
    const body = passphraseBody(2, 19 * MiB);
    await failsWith(() => read(rawHeader([{ type: 2, body }, { type: 2, body }])), BundleError, 'duplicate-passphrase-stanza');
  });

  it.each([
    [1, 19 * MiB],
    [11, 19 * MiB],
    [0xffffffff, 19 * MiB],
    [2, 19 * MiB - 1024],
    [2, 1024 * MiB + 1024],
    [2, 0xffffffff],
    [3, 19 * MiB + 1],
  ])('refuses Argon2id ops %i, mem %i before running Argon2id', async (ops, mem) => {
    const pwhash = vi.spyOn(s, 'crypto_pwhash');
    await failsWith(() => read(rawHeader([{ type: 2, body: passphraseBody(ops, mem) }]), { unlock: { passphrase: PASSPHRASE } }), BundleError, 'bad-kdf-params');
    expect(pwhash).not.toHaveBeenCalled();
  });

  it('refuses tampered Argon2id parameters in a real backup before running Argon2id', async () => {
    const offset = 8 + 83 + 3; // the second stanza's body starts with ops u32, mem u32
    const pwhash = vi.spyOn(s, 'crypto_pwhash');
    await failsWith(() => read(setUint(backup, offset, 1, 4), { unlock: { passphrase: PASSPHRASE } }), BundleError, 'bad-kdf-params');
    await failsWith(() => read(setUint(backup, offset + 4, 4096 * MiB - 1024, 4), { unlock: { passphrase: PASSPHRASE } }), BundleError, 'bad-kdf-params');
    expect(pwhash).not.toHaveBeenCalled();
  });

  it('refuses a bundle cut anywhere inside the header', async () => {
    for (let length = 0; length < HEADER; length++) {
      await failsWith(() => read(single.subarray(0, length)), BundleError, 'header-truncated');
    }
  });

  it('refuses sizes outside the gate before reading a byte', async () => {
    await failsWith(() => read(single, { totalBytes: MIN_BUNDLE_BYTES - 1 }), BundleError, 'too-small');
    await failsWith(() => read(single, { totalBytes: single.length, maxBytes: single.length - 1 }), BundleError, 'too-large');
    await failsWith(() => read(single, { maxBytes: single.length - 1 }), BundleError, 'too-large');
  });
});

describe('header authentication', () => {
  it('refuses a bundle for another recipient', async () => {
    await failsWith(() => read(single, { unlock: { identity: { ...bob, boxSecretKey: s.crypto_box_keypair().privateKey } } }), BundleError, 'not-a-recipient');
  });

  it('refuses a changed MAC', async () => {
    for (let i = HEADER - 32; i < HEADER; i++) await failsWith(() => read(flipBit(single, i * 8 + 7)), BundleError, 'bad-mac');
  });

  it('fails on every header byte flipped (exhaustive), with the typed error of the first check it breaks', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < HEADER; i++) {
      const error = await read(setUint(single, i, (single[i] ?? 0) ^ 0x01, 1)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, `byte ${i}`).toBeInstanceOf(BundleError);
      codes.add((error as BundleError).code);
    }
    expect([...codes].sort()).toEqual(['bad-magic', 'bad-mac', 'bad-stanza-count', 'bad-stanza-length', 'bad-stanza-type', 'bad-flags', 'not-a-recipient', 'unsupported-version'].sort());
  });

  it('fails on any flipped bit of a two-stanza header (property; Bob never needs the passphrase stanza)', async () => {
    const header = 8 + 83 + 99 + 32;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: header * 8 - 1 }), async (bit) => {
        await expect(read(flipBit(backup, bit))).rejects.toBeInstanceOf(BundleError);
      }),
      { numRuns: 200 },
    );
  });

  it('uses the right stanza constants', () => {
    expect([X25519_STANZA, PASSPHRASE_STANZA]).toEqual([1, 2]);
  });
});
