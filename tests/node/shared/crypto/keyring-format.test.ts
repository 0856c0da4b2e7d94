import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KdfError, KeyringFormatError } from '../../../../shared/crypto/errors';
import { KDF_FLOOR } from '../../../../shared/crypto/kdf-params';
import { readKeyringInfo } from '../../../../shared/crypto/keyring';
import { MAX_KEYRING_BYTES, parseKeyring } from '../../../../shared/crypto/keyring-format';
import { fromHex, toHex } from '../../../fixtures/crypto/fixed-random';
import vectors from '../../../fixtures/crypto/keyring-v1.json';
import { KEYRING_OFFSETS as at, thrown, withByte, withU32 } from './helpers';

const withRecovery = fromHex(vectors.cases.created.bytes);
const withoutRecovery = fromHex(vectors.cases.withoutRecovery.bytes);

function formatError(bytes: Uint8Array, code?: string): void {
  thrown(() => parseKeyring(bytes), KeyringFormatError, code);
}

describe('keyring file parser', () => {
  it('parses both vector files into views of the input', () => {
    const parsed = parseKeyring(withRecovery);
    expect(toHex(parsed.vaultId)).toBe(vectors.cases.created.expect.vaultId);
    expect(parsed.passphrase.kdf).toEqual(KDF_FLOOR);
    expect(parsed.recovery).not.toBeNull();
    expect(toHex(parsed.header)).toBe(toHex(withRecovery.subarray(0, at.bodyLenWithRecovery + 4)));
    expect(parsed.bodyCiphertext.length + parsed.header.length + 24).toBe(withRecovery.length);
    expect(parseKeyring(withoutRecovery).recovery).toBeNull();
  });

  it('tells the Argon2 cost and whether a recovery slot exists without unlocking', () => {
    expect(readKeyringInfo(withRecovery)).toEqual({ kdf: KDF_FLOOR, hasRecoveryKey: true });
    expect(readKeyringInfo(withoutRecovery)).toEqual({ kdf: KDF_FLOOR, hasRecoveryKey: false });
    thrown(() => readKeyringInfo(withRecovery.subarray(0, 30)), KeyringFormatError, 'truncated');
  });

  it('refuses empty and oversized input before reading it', () => {
    formatError(new Uint8Array(0), 'empty');
    const huge = new Uint8Array(MAX_KEYRING_BYTES + 1);
    huge.set(withRecovery);
    formatError(huge, 'too-large');
  });

  it('refuses every truncation of a valid file', () => {
    for (const file of [withRecovery, withoutRecovery]) {
      for (let length = 1; length < file.length; length++) formatError(file.subarray(0, length), 'truncated');
    }
  });

  it('refuses trailing bytes', () => {
    formatError(Uint8Array.from([...withRecovery, 0]), 'trailing-bytes');
    formatError(Uint8Array.from([...withoutRecovery, ...withoutRecovery]), 'trailing-bytes');
  });

  it('refuses bad magic, unknown versions and non-zero flags', () => {
    formatError(withByte(withRecovery, 0, 0x54), 'bad-magic');
    formatError(Uint8Array.from([...new TextEncoder().encode('SJB1'), ...withRecovery.subarray(4)]), 'bad-magic');
    formatError(new TextEncoder().encode('{"json":true}'), 'bad-magic');
    formatError(withByte(withRecovery, at.version, 0), 'unsupported-version');
    formatError(withByte(withRecovery, at.version, 2), 'unsupported-version');
    formatError(withByte(withRecovery, at.flags, 1), 'bad-flags');
  });

  it('refuses wrong slot counts, types, order and lengths', () => {
    formatError(withByte(withRecovery, at.slotCount, 0), 'bad-slot-count');
    formatError(withByte(withRecovery, at.slotCount, 3), 'bad-slot-count');
    formatError(withByte(withRecovery, at.slotCount, 255), 'bad-slot-count');
    formatError(withByte(withRecovery, at.passType, 2), 'bad-slot-type');
    formatError(withByte(withRecovery, at.passType, 0), 'bad-slot-type');
    formatError(withByte(withRecovery, at.recoveryType, 1), 'bad-slot-type');
    formatError(withByte(withoutRecovery, at.slotCount, 2));
    formatError(withByte(withRecovery, at.slotCount, 1));
    for (const [offset, value] of [
      [at.passLen + 1, 95],
      [at.passLen + 1, 97],
      [at.passLen, 0xff],
      [at.recoveryLen + 1, 71],
      [at.recoveryLen, 0xff],
    ] as const) {
      formatError(withByte(withRecovery, offset, value), 'bad-slot-length');
    }
  });

  it('refuses out-of-range or oversized body lengths before slicing', () => {
    for (const value of [0, 16, 271, 273, 4112 + 256, 0x7fffffff, 0xffffffff]) {
      formatError(withU32(withRecovery, at.bodyLenWithRecovery, value), 'bad-body-length');
    }
    const actual = new DataView(withRecovery.buffer).getUint32(at.bodyLenWithRecovery);
    formatError(withU32(withRecovery, at.bodyLenWithRecovery, actual + 256), 'truncated');
    formatError(withU32(withRecovery, at.bodyLenWithRecovery, actual - 256), 'trailing-bytes');
  });

  it('refuses Argon2 parameters out of range while parsing', () => {
    for (const [offset, value, code] of [
      [at.ops, 1, 'ops-out-of-range'],
      [at.ops, 11, 'ops-out-of-range'],
      [at.ops, 0xffffffff, 'ops-out-of-range'],
      [at.mem, 19 * 1024 * 1024 - 1024, 'mem-out-of-range'],
      [at.mem, 1024 * 1024 * 1024 + 1024, 'mem-out-of-range'],
      [at.mem, 0xffffffff, 'mem-out-of-range'],
      [at.mem, 0, 'mem-out-of-range'],
    ] as const) {
      thrown(() => parseKeyring(withU32(withRecovery, offset, value)), KdfError, code);
    }
  });

  it('survives mutations of real files: parses consistently or throws a typed error (property)', () => {
    // Random bytes rarely get past the magic; mutating valid files reaches every later branch.
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 300 }) }),
    );
    fc.assert(
      fc.property(fc.boolean(), fc.array(mutation, { minLength: 1, maxLength: 4 }), (recovery, mutations) => {
        let bytes = Array.from(recovery ? withRecovery : withoutRecovery);
        for (const m of mutations) {
          const at = m.at % (bytes.length + 1);
          if (m.kind === 'set') bytes[at % bytes.length] = m.value;
          else if (m.kind === 'cut') bytes = [...bytes.slice(0, at), ...bytes.slice(at + m.length)];
          else bytes = [...bytes.slice(0, at), ...m.bytes, ...bytes.slice(at)];
        }
        const input = Uint8Array.from(bytes);
        let parsed;
        try {
          parsed = parseKeyring(input);
        } catch (error) {
          expect(error instanceof KeyringFormatError || error instanceof KdfError).toBe(true);
          return;
        }
        // Whatever parses accounts for every byte exactly once.
        expect(parsed.header.length + 24 + parsed.bodyCiphertext.length).toBe(input.length);
        expect(parsed.header.length).toBe(parsed.recovery ? at.bodyLenWithRecovery + 4 : at.bodyLenWithoutRecovery + 4);
      }),
      { numRuns: 3000 },
    );
  });

  it('throws only typed format errors on arbitrary bytes (property)', () => {
    const magic = new TextEncoder().encode('SJK1');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1200 }), fc.boolean(), (random, withMagic) => {
        const input = withMagic ? Uint8Array.from([...magic, 1, 0, ...random]) : random;
        try {
          parseKeyring(input);
        } catch (error) {
          expect(error instanceof KeyringFormatError || error instanceof KdfError).toBe(true);
          return;
        }
        throw new Error('random bytes parsed as a keyring');
      }),
      { numRuns: 1000 },
    );
  });
});
