import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KdfError } from '../../../../shared/crypto/errors';
import { argon2id, KDF_CAP, KDF_FLOOR, KDF_PROFILES, resolveKdfParams, validateKdfParams } from '../../../../shared/crypto/kdf-params';
import { getSodium } from '../../../../shared/crypto/sodium';
import { ARGON2_TESTS, thrown } from './helpers';

const MiB = 1024 * 1024;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Argon2id parameters', ARGON2_TESTS, () => {
  it('has the documented profiles, floor and cap', () => {
    expect(KDF_PROFILES.moderate).toEqual({ ops: 3, mem: 256 * MiB });
    expect(KDF_PROFILES.sensitive).toEqual({ ops: 4, mem: 1024 * MiB });
    expect(KDF_FLOOR).toEqual({ ops: 2, mem: 19 * MiB });
    expect(KDF_CAP).toEqual({ ops: 10, mem: 1024 * MiB });
    expect(resolveKdfParams('moderate')).toEqual(KDF_PROFILES.moderate);
  });

  it('accepts the bounds themselves', () => {
    expect(validateKdfParams(KDF_FLOOR)).toEqual(KDF_FLOOR);
    expect(validateKdfParams(KDF_CAP)).toEqual(KDF_CAP);
  });

  it('refuses anything outside [floor, cap], non-integers and memory not in whole KiB', () => {
    const cases: [number, number, string][] = [
      [1, 19 * MiB, 'ops-out-of-range'],
      [11, 19 * MiB, 'ops-out-of-range'],
      [0xffffffff, 19 * MiB, 'ops-out-of-range'],
      [2.5, 19 * MiB, 'ops-out-of-range'],
      [Number.NaN, 19 * MiB, 'ops-out-of-range'],
      [2, 19 * MiB - 1024, 'mem-out-of-range'],
      [2, 1024 * MiB + 1024, 'mem-out-of-range'],
      [2, 0xffffffff, 'mem-out-of-range'],
      [2, 19 * MiB + 1, 'mem-out-of-range'],
      [2, 0, 'mem-out-of-range'],
    ];
    for (const [ops, mem, code] of cases) thrown(() => validateKdfParams({ ops, mem }), KdfError, code);
  });

  it('agrees with the bounds for any u32 pair (property)', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.nat(0xffffffff), (ops, mem) => {
        const inRange = ops >= 2 && ops <= 10 && mem >= 19 * MiB && mem <= 1024 * MiB && mem % 1024 === 0;
        let ok = true;
        try {
          validateKdfParams({ ops, mem });
        } catch (error) {
          expect(error).toBeInstanceOf(KdfError);
          ok = false;
        }
        expect(ok).toBe(inRange);
      }),
      { numRuns: 2000 },
    );
  });

  it('never calls crypto_pwhash with out-of-range parameters', async () => {
    const s = await getSodium();
    const spy = vi.spyOn(s, 'crypto_pwhash');
    for (const params of [{ ops: 1, mem: 19 * MiB }, { ops: 2, mem: 4096 * MiB }, { ops: 100, mem: 19 * MiB }, { ops: 2, mem: 1 * MiB }]) {
      thrown(() => argon2id(s, new Uint8Array(12), new Uint8Array(16), params), KdfError);
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('runs Argon2id13 with exactly the validated parameters', async () => {
    const s = await getSodium();
    const spy = vi.spyOn(s, 'crypto_pwhash');
    const key = argon2id(s, new TextEncoder().encode('passphrase'), new Uint8Array(16), KDF_FLOOR);
    expect(key).toHaveLength(32);
    expect(spy).toHaveBeenCalledTimes(1);
    const [length, , , ops, mem, alg] = spy.mock.calls[0] ?? [];
    expect({ length, ops, mem, alg }).toEqual({ length: 32, ops: 2, mem: 19 * MiB, alg: s.crypto_pwhash_ALG_ARGON2ID13 });
  });

  it('reports a failure inside libsodium (e.g. out of memory) as a typed error', async () => {
    const s = await getSodium();
    vi.spyOn(s, 'crypto_pwhash').mockImplementation(() => {
      throw new Error('internal error');
    });
    thrown(() => argon2id(s, new Uint8Array(12), new Uint8Array(16), KDF_FLOOR), KdfError, 'derivation-failed');
  });
});
