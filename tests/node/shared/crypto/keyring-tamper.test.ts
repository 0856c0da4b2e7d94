/**
 * Tampering with a keyring file never yields a keyring: every change fails with a typed error.
 * The passphrase path runs Argon2id per attempt, so it gets one flip per field plus a small
 * random sample; the recovery-key path is cheap, so every single bit of the file is flipped there.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KdfError, KeyringFormatError, UnlockFailed } from '../../../../shared/crypto/errors';
import { createKeyring, serialiseKeyring, unlockWithPassphrase, unlockWithRecoveryKey, type CreatedKeyring } from '../../../../shared/crypto/keyring';
import { takeSenderSeq } from '../../../../shared/crypto/keyring-updates';
import { getSodium } from '../../../../shared/crypto/sodium';
import { ARGON2_TESTS, ARGON2_TIMEOUT_MS, FAST, flipBit, KEYRING_OFFSETS as at, PASS, rejection, withU32 } from './helpers';

const s = await getSodium();
let vault: CreatedKeyring;

beforeAll(async () => {
  vault = await createKeyring(PASS, FAST, { withRecoveryKey: true });
}, ARGON2_TIMEOUT_MS);

afterEach(() => {
  vi.restoreAllMocks();
});

function isTypedRefusal(error: unknown): boolean {
  return error instanceof KeyringFormatError || error instanceof UnlockFailed || error instanceof KdfError;
}

/** Bit positions of ops|mem: flipping them can ask for up to 1 GiB, covered below with a stub. */
const paramBits = { from: at.ops * 8, to: (at.mem + 4) * 8 };

describe('keyring tampering', ARGON2_TESTS, () => {
  it('fails a flipped bit in every field a passphrase unlock reads', async () => {
    // One bit per field, so coverage does not depend on sampling luck. Flips that the parser
    // catches cost nothing; the others each cost one Argon2id run.
    const fields = [0, at.version, at.flags, at.vaultId, at.slotCount, at.passType, at.passLen, at.salt, at.salt + 16, at.salt + 40, at.recoveryType, at.recoveryLen, at.recoveryLen + 2, at.recoveryLen + 26, at.bodyLenWithRecovery, at.bodyLenWithRecovery + 4, at.bodyLenWithRecovery + 28, vault.bytes.length - 1];
    for (const byte of fields) {
      for (const bit of [byte * 8, byte * 8 + 7]) {
        const error = await unlockWithPassphrase(flipBit(vault.bytes, bit), PASS).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (!isTypedRefusal(error)) throw new Error(`bit ${bit} (byte ${byte}) was not refused`);
      }
    }
    expect((await unlockWithPassphrase(vault.bytes, PASS)).generation).toBe(1);
  });

  it('fails random single-bit flips outside the Argon2 parameters under the passphrase (sampled property)', async () => {
    // Each run costs an Argon2id derivation, and the recovery-key test below already flips every
    // bit of the file: a small sample shows the passphrase path refuses just the same.
    const bits = vault.bytes.length * 8;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: bits - 1 }).filter((bit) => bit < paramBits.from || bit >= paramBits.to),
        async (bit) => {
          const error = await unlockWithPassphrase(flipBit(vault.bytes, bit), PASS).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(isTypedRefusal(error)).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('fails every single-bit flip anywhere under the recovery key (exhaustive)', async () => {
    const key = vault.recoveryKey ?? '';
    for (let bit = 0; bit < vault.bytes.length * 8; bit++) {
      const error = await unlockWithRecoveryKey(flipBit(vault.bytes, bit), key).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!isTypedRefusal(error)) throw new Error(`bit ${bit} was not refused`);
    }
    expect((await unlockWithRecoveryKey(vault.bytes, key)).generation).toBe(1);
  });

  it('checks every flip of ops|mem before Argon2 runs, and binds in-range changes to the slot', async () => {
    // A stand-in KEK: in-range flips would otherwise run Argon2id with up to 1 GiB.
    const fakeKek = (() => s.randombytes_buf(32)) as unknown as typeof s.crypto_pwhash;
    const spy = vi.spyOn(s, 'crypto_pwhash').mockImplementation(fakeKek);
    for (let bit = paramBits.from; bit < paramBits.to; bit++) {
      spy.mockClear();
      const tampered = flipBit(vault.bytes, bit);
      const view = new DataView(tampered.buffer);
      const ops = view.getUint32(at.ops);
      const mem = view.getUint32(at.mem);
      const inRange = ops >= 2 && ops <= 10 && mem >= 19 * 1024 * 1024 && mem <= 1024 * 1024 * 1024 && mem % 1024 === 0;
      if (inRange) {
        await rejection(() => unlockWithPassphrase(tampered, PASS), UnlockFailed);
        expect(spy).toHaveBeenCalledTimes(1);
        expect(spy.mock.calls[0]?.slice(3, 5)).toEqual([ops, mem]);
      } else {
        await rejection(() => unlockWithPassphrase(tampered, PASS), KdfError);
        expect(spy).not.toHaveBeenCalled();
      }
    }
  });

  it('rejects Argon2 parameters too high or too low without calling crypto_pwhash', async () => {
    const spy = vi.spyOn(s, 'crypto_pwhash');
    for (const [offset, value] of [
      [at.ops, 1],
      [at.ops, 11],
      [at.ops, 1_000_000],
      [at.mem, 2 ** 31],
      [at.mem, 0xfffffc00],
      [at.mem, 8 * 1024 * 1024],
      [at.mem, 1024],
    ] as const) {
      await rejection(() => unlockWithPassphrase(withU32(vault.bytes, offset, value), PASS), KdfError);
    }
    expect(spy).not.toHaveBeenCalled();
  });

  it('gives a wrong passphrase and a tampered slot or body exactly the same error', async () => {
    const describeError = (e: unknown) => (e instanceof Error ? { type: e.constructor.name, message: e.message } : e);
    const wrong = await unlockWithPassphrase(vault.bytes, 'not the passphrase').catch(describeError);
    const slot = await unlockWithPassphrase(flipBit(vault.bytes, (at.salt + 40) * 8), PASS).catch(describeError);
    const body = await unlockWithPassphrase(flipBit(vault.bytes, vault.bytes.length * 8 - 1), PASS).catch(describeError);
    expect(wrong).toEqual({ type: 'UnlockFailed', message: 'the keyring could not be unlocked' });
    expect(slot).toEqual(wrong);
    expect(body).toEqual(wrong);
  });

  it('binds a passphrase slot to its vault: a slot moved from another vault fails', async () => {
    const other = await createKeyring(PASS, FAST);
    const spliced = vault.bytes.slice();
    spliced.set(other.bytes.subarray(at.passType, at.recoveryType), at.passType);
    await rejection(() => unlockWithPassphrase(spliced, PASS), UnlockFailed);
  });

  it('binds the body to the header: a body from another vault or another slot set fails', async () => {
    const other = await createKeyring(PASS, FAST, { withRecoveryKey: true });
    const bodyStart = at.bodyLenWithRecovery + 4;
    const spliced = vault.bytes.slice();
    spliced.set(other.bytes.subarray(bodyStart), bodyStart);
    await rejection(() => unlockWithPassphrase(spliced, PASS), UnlockFailed);
    await rejection(() => unlockWithRecoveryKey(spliced, vault.recoveryKey ?? ''), UnlockFailed);
  });

  it('opens an older genuine copy (whole-file rollback) and reports its older generation for the caller to refuse', async () => {
    const newer = takeSenderSeq(vault.unlocked).unlocked;
    const newerBytes = await serialiseKeyring(newer);
    const old = await unlockWithPassphrase(vault.bytes, PASS);
    expect(old.generation).toBeLessThan((await unlockWithPassphrase(newerBytes, PASS)).generation);
  });
});
