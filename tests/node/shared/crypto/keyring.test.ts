import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KeyringStateError, PassphraseError, RecoveryKeyError, UnlockFailed, KdfError } from '../../../../shared/crypto/errors';
import { verifyIdentityBinding } from '../../../../shared/crypto/identity';
import {
  changePassphrase,
  createKeyring,
  disposeKeyring,
  removeRecoveryKey,
  replaceRecoveryKey,
  serialiseKeyring,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type CreatedKeyring,
} from '../../../../shared/crypto/keyring';
import { epochKey, rotateCompartmentKeys } from '../../../../shared/crypto/keyring-updates';
import { getSodium } from '../../../../shared/crypto/sodium';
import { aeadOpen } from '../../../../shared/crypto/aead';
import { argon2id } from '../../../../shared/crypto/kdf-params';
import { parseKeyring } from '../../../../shared/crypto/keyring-format';
import { passphraseBytes } from '../../../../shared/crypto/passphrase';
import { deriveSubkey, SUBKEYS } from '../../../../shared/crypto/subkeys';
import { toHex } from '../../../fixtures/crypto/fixed-random';
import { ARGON2_TESTS, ARGON2_TIMEOUT_MS, FAST, PASS, rejection, same } from './helpers';

const s = await getSodium();
let created: CreatedKeyring;

beforeAll(async () => {
  created = await createKeyring(PASS, FAST, { withRecoveryKey: true });
}, ARGON2_TIMEOUT_MS);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createKeyring', ARGON2_TESTS, () => {
  it('creates a vault with fresh keys at epoch 1, a bound identity and a recovery key', () => {
    const k = created.unlocked;
    expect(k.vaultId).toHaveLength(16);
    expect(k.generation).toBe(1);
    expect(k.senderSeq).toBe(0);
    expect(k.auditHead.seq).toBe(0);
    expect(s.is_zero(k.auditHead.hash)).toBe(true);
    expect(k.compartments.general.current.epoch).toBe(1);
    expect(k.compartments.witness.previous).toEqual([]);
    expect(same(k.compartments.general.current.key, k.compartments.witness.current.key)).toBe(false);
    expect(verifyIdentityBinding(s, k.identity.signPublicKey, k.identity.boxPublicKey, k.identity.binding)).toBe(true);
    expect(k.kdf).toEqual(FAST);
    expect(k.hasRecoveryKey).toBe(true);
    expect(created.recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){13}$/);
  });

  it('applies the passphrase policy and the Argon2 bounds before doing anything', async () => {
    const pwhash = vi.spyOn(s, 'crypto_pwhash');
    const random = vi.fn((length: number) => new Uint8Array(length));
    await rejection(() => createKeyring('too short', FAST, { random }), PassphraseError, 'too-short');
    await rejection(() => createKeyring('abc\uD800defghijklmn', FAST, { random }), PassphraseError, 'malformed');
    await rejection(() => createKeyring(PASS, { ops: 1, mem: FAST.mem }, { random }), KdfError, 'ops-out-of-range');
    await rejection(() => createKeyring(PASS, { ops: 2, mem: 2 * 1024 * 1024 * 1024 }, { random }), KdfError, 'mem-out-of-range');
    expect(random).not.toHaveBeenCalled();
    expect(pwhash).not.toHaveBeenCalled();
  });

  it('leaves no recovery slot unless asked', async () => {
    const plain = await createKeyring(PASS, FAST);
    expect(plain.recoveryKey).toBeUndefined();
    expect(plain.unlocked.hasRecoveryKey).toBe(false);
  });

  it('puts nothing readable in the file: no passphrase, no key, no vault text', () => {
    const hex = toHex(created.bytes);
    for (const secret of [created.unlocked.compartments.general.current.key, created.unlocked.auditKey, created.unlocked.identity.boxSecretKey]) {
      expect(hex).not.toContain(toHex(secret).slice(0, 16));
    }
    expect(hex).not.toContain(toHex(new TextEncoder().encode(PASS)));
  });
});

describe('unlocking', ARGON2_TESTS, () => {
  it('unlocks with the passphrase and with the recovery key to the same keys', async () => {
    const byPass = await unlockWithPassphrase(created.bytes, PASS);
    const byRecovery = await unlockWithRecoveryKey(created.bytes, created.recoveryKey ?? '');
    for (const k of [byPass, byRecovery]) {
      expect(toHex(k.vaultId)).toBe(toHex(created.unlocked.vaultId));
      expect(toHex(k.compartments.witness.current.key)).toBe(toHex(created.unlocked.compartments.witness.current.key));
      expect(toHex(k.identity.signSecretKey)).toBe(toHex(created.unlocked.identity.signSecretKey));
    }
  });

  it('fails a wrong passphrase with the one generic error and changes nothing', async () => {
    const before = created.bytes.slice();
    for (const wrong of ['correct horse battery stapl', 'Correct horse battery staple', `${PASS} `, 'x']) {
      await rejection(() => unlockWithPassphrase(created.bytes, wrong), UnlockFailed);
    }
    expect(same(created.bytes, before)).toBe(true);
    expect((await unlockWithPassphrase(created.bytes, PASS)).generation).toBe(1);
  });

  it('fails a wrong recovery key generically, and a typo before any decryption', async () => {
    const other = await createKeyring(PASS, FAST, { withRecoveryKey: true });
    await rejection(() => unlockWithRecoveryKey(created.bytes, other.recoveryKey ?? ''), UnlockFailed);
    const text = created.recoveryKey ?? '';
    const typo = (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    const decrypt = vi.spyOn(s, 'crypto_aead_xchacha20poly1305_ietf_decrypt');
    await rejection(() => unlockWithRecoveryKey(created.bytes, typo), RecoveryKeyError);
    await rejection(() => unlockWithRecoveryKey(other.bytes, 'not a key'), RecoveryKeyError, 'malformed');
    expect(decrypt).not.toHaveBeenCalled();
  });

  it('fails the recovery path on a keyring without a recovery slot', async () => {
    const plain = await createKeyring(PASS, FAST);
    await rejection(() => unlockWithRecoveryKey(plain.bytes, created.recoveryKey ?? ''), UnlockFailed);
  });

  it('derives the same key from NFC and NFD forms of a passphrase', async () => {
    const nfc = 'Ḥamā café أمل 🌿';
    const k = await createKeyring(nfc.normalize('NFD'), FAST);
    expect((await unlockWithPassphrase(k.bytes, nfc)).generation).toBe(1);
  });

  it('works with a 1000-character passphrase and an emoji-only passphrase', async () => {
    for (const passphrase of ['ش'.repeat(1000), '🔐🗝️🌿🕊️🌙⭐🌊🍊🐢🎻🧵📜']) {
      const k = await createKeyring(passphrase, FAST);
      expect((await unlockWithPassphrase(k.bytes, passphrase)).generation).toBe(1);
    }
  });
});

describe('changing keys', ARGON2_TESTS, () => {
  it('re-wraps the master key under a new passphrase; the recovery key still works', async () => {
    const changed = await changePassphrase(created.unlocked, 'a brand new passphrase');
    const bytes = await serialiseKeyring(changed);
    await rejection(() => unlockWithPassphrase(bytes, PASS), UnlockFailed);
    const reopened = await unlockWithPassphrase(bytes, 'a brand new passphrase');
    expect(reopened.generation).toBe(2);
    expect(toHex(reopened.compartments.general.current.key)).toBe(toHex(created.unlocked.compartments.general.current.key));
    expect((await unlockWithRecoveryKey(bytes, created.recoveryKey ?? '')).generation).toBe(2);
    await rejection(() => changePassphrase(created.unlocked, 'short'), PassphraseError, 'too-short');
  });

  it('without rotateMasterKey, an old file plus the old passphrase still opens every later file', async () => {
    // What "my passphrase may be compromised" must account for: the old passphrase unwraps the
    // master key from any old copy of the file, and a plain change keeps that master key.
    const masterFrom = (bytes: Uint8Array, passphrase: string): Uint8Array | null => {
      const parsed = parseKeyring(bytes);
      const kek = argon2id(s, passphraseBytes(passphrase, 'unlock'), parsed.passphrase.salt, parsed.passphrase.kdf);
      return aeadOpen(s, deriveSubkey(s, kek, SUBKEYS.passphraseSlot), parsed.passphrase.nonce, parsed.passphrase.wrapped, parsed.passphrase.ad);
    };
    const bodyOpens = (bytes: Uint8Array, master: Uint8Array): boolean => {
      const parsed = parseKeyring(bytes);
      return aeadOpen(s, deriveSubkey(s, master, SUBKEYS.keyringBody), parsed.bodyNonce, parsed.bodyCiphertext, parsed.header) !== null;
    };
    const oldMaster = masterFrom(created.bytes, PASS);
    if (!oldMaster) throw new Error('the old passphrase must open the old file');
    const kept = await serialiseKeyring(await changePassphrase(created.unlocked, 'a brand new passphrase'));
    const replaced = await serialiseKeyring(await changePassphrase(created.unlocked, 'a brand new passphrase', { rotateMasterKey: true }));
    expect(bodyOpens(kept, oldMaster)).toBe(true);
    expect(bodyOpens(replaced, oldMaster)).toBe(false);
  });

  it('can also replace the master key, which retires the old recovery key', async () => {
    const changed = await changePassphrase(created.unlocked, 'a brand new passphrase', { rotateMasterKey: true });
    expect(changed.hasRecoveryKey).toBe(false);
    const bytes = await serialiseKeyring(changed);
    await rejection(() => unlockWithRecoveryKey(bytes, created.recoveryKey ?? ''), UnlockFailed);
    const reissued = await replaceRecoveryKey(changed);
    const withRecovery = await serialiseKeyring(reissued.unlocked);
    expect((await unlockWithRecoveryKey(withRecovery, reissued.recoveryKey)).hasRecoveryKey).toBe(true);
    await rejection(() => unlockWithRecoveryKey(withRecovery, created.recoveryKey ?? ''), UnlockFailed);
  });

  it('can change the Argon2 cost with the passphrase', async () => {
    const changed = await changePassphrase(created.unlocked, PASS, { profile: { ops: 3, mem: FAST.mem } });
    expect(changed.kdf).toEqual({ ops: 3, mem: FAST.mem });
    expect((await unlockWithPassphrase(await serialiseKeyring(changed), PASS)).kdf.ops).toBe(3);
  });

  it('replaces and removes the recovery slot', async () => {
    const replaced = await replaceRecoveryKey(created.unlocked);
    expect(replaced.recoveryKey).not.toBe(created.recoveryKey);
    const bytes = await serialiseKeyring(replaced.unlocked);
    await rejection(() => unlockWithRecoveryKey(bytes, created.recoveryKey ?? ''), UnlockFailed);
    expect((await unlockWithRecoveryKey(bytes, replaced.recoveryKey)).vaultId).toEqual(created.unlocked.vaultId);
    const removed = removeRecoveryKey(replaced.unlocked);
    await rejection(async () => unlockWithRecoveryKey(await serialiseKeyring(removed), replaced.recoveryKey), UnlockFailed);
  });
});

describe('serialising and disposing', ARGON2_TESTS, () => {
  it('uses a fresh body nonce every time; every copy unlocks', async () => {
    const a = await serialiseKeyring(created.unlocked);
    const b = await serialiseKeyring(created.unlocked);
    expect(toHex(a)).not.toBe(toHex(b));
    expect(a.length).toBe(b.length);
    for (const bytes of [a, b]) expect((await unlockWithPassphrase(bytes, PASS)).generation).toBe(1);
  });

  it('never changes the keyring an operation started from', async () => {
    const before = toHex(created.unlocked.compartments.general.current.key);
    const rotated = await rotateCompartmentKeys(created.unlocked);
    disposeKeyring(rotated);
    expect(toHex(created.unlocked.compartments.general.current.key)).toBe(before);
    expect(created.unlocked.generation).toBe(1);
  });

  it('wipes every key on dispose and refuses later use', async () => {
    const k = await unlockWithPassphrase(created.bytes, PASS);
    const keys = [k.auditKey, k.identity.signSecretKey, k.identity.boxSecretKey, k.compartments.general.current.key, k.compartments.witness.current.key];
    disposeKeyring(k);
    disposeKeyring(k);
    for (const key of keys) expect(s.is_zero(key)).toBe(true);
    await rejection(() => serialiseKeyring(k), KeyringStateError, 'disposed');
    await rejection(() => rotateCompartmentKeys(k), KeyringStateError, 'disposed');
    await rejection(async () => epochKey(k, 'general'), KeyringStateError, 'disposed');
  });
});
