// The injectable Argon2id of the keyring (KdfOptions.kdf): the vault passes one that runs in a
// short-lived worker. Whatever runs it, the keyring bytes must be the same, the parameters it
// gets must already be checked, and a KDF that answers nonsense must not unlock anything.
import { describe, expect, it } from 'vitest';
import { KdfError, UnlockFailed } from '../../../../shared/crypto/errors';
import { argon2id, type KdfParams } from '../../../../shared/crypto/kdf-params';
import { changePassphrase, createKeyring, disposeKeyring, unlockWithPassphrase, type PassphraseKdf } from '../../../../shared/crypto/keyring';
import { getSodium } from '../../../../shared/crypto/sodium';
import { fixedRandom } from '../../../fixtures/crypto/fixed-random';
import { ARGON2_TESTS, FAST, PASS, rejection } from './helpers';

const s = await getSodium();

/** Argon2id on this thread, recording what it was asked (copies: the caller wipes its bytes). */
function recordingKdf() {
  const calls: { passphrase: Uint8Array; params: KdfParams }[] = [];
  const kdf: PassphraseKdf = async (passphrase, salt, params) => {
    calls.push({ passphrase: passphrase.slice(), params });
    return argon2id(s, passphrase, salt, params);
  };
  return { kdf, calls };
}

describe('keyring with an injected Argon2id', ARGON2_TESTS, () => {
  it('writes the same bytes as Argon2id on this thread, and unlocks the same', async () => {
    const { kdf, calls } = recordingKdf();
    const injected = await createKeyring(PASS, FAST, { random: fixedRandom(s, 'kdf'), kdf });
    const local = await createKeyring(PASS, FAST, { random: fixedRandom(s, 'kdf') });
    expect(injected.bytes).toEqual(local.bytes);
    expect(calls).toEqual([{ passphrase: new TextEncoder().encode(PASS), params: FAST }]);

    const unlocked = await unlockWithPassphrase(local.bytes, PASS, { kdf });
    expect(unlocked.vaultId).toEqual(local.unlocked.vaultId);
    expect(calls).toHaveLength(2);
    await rejection(() => unlockWithPassphrase(local.bytes, 'not the passphrase at all', { kdf }), UnlockFailed);

    const changed = await changePassphrase(unlocked, 'a new passphrase, long enough', { kdf });
    expect(calls).toHaveLength(4);
    for (const k of [injected.unlocked, local.unlocked, unlocked, changed]) disposeKeyring(k);
  });

  it('never calls the KDF with parameters outside the policy', async () => {
    const { kdf, calls } = recordingKdf();
    await rejection(() => createKeyring(PASS, { ops: 1, mem: FAST.mem }, { kdf }), KdfError, 'ops-out-of-range');
    expect(calls).toHaveLength(0);
  });

  it('refuses a key of the wrong length from the KDF, and a KDF failure passes through', async () => {
    const { bytes, unlocked } = await createKeyring(PASS, FAST);
    disposeKeyring(unlocked);
    const short: PassphraseKdf = async () => new Uint8Array(16);
    await rejection(() => unlockWithPassphrase(bytes, PASS, { kdf: short }), KdfError, 'derivation-failed');
    const failing: PassphraseKdf = async () => {
      throw new KdfError('derivation-failed');
    };
    await rejection(() => createKeyring(PASS, FAST, { kdf: failing }), KdfError, 'derivation-failed');
  });
});
