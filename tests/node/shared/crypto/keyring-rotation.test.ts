/**
 * The compromise rotation of the audit key and the device identity (keyring-rotation.ts):
 * new keys, nothing else touched, and both survive the keyring file round trip.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { KeyringStateError } from '../../../../shared/crypto/errors';
import { verifyIdentityBinding } from '../../../../shared/crypto/identity';
import { changePassphrase, createKeyring, serialiseKeyring, unlockWithPassphrase, type CreatedKeyring } from '../../../../shared/crypto/keyring';
import { adoptNextAuditKey, nextAuditKey, rotateDeviceIdentity } from '../../../../shared/crypto/keyring-rotation';
import { secretsOf } from '../../../../shared/crypto/keyring-state';
import { withAuditHead } from '../../../../shared/crypto/keyring-updates';
import { getSodium } from '../../../../shared/crypto/sodium';
import { toHex } from '../../../fixtures/crypto/fixed-random';
import { snapshotKeyring } from '../../../fixtures/crypto/keyring-snapshot';
import { ARGON2_TESTS, ARGON2_TIMEOUT_MS, FAST, PASS, rejection } from './helpers';

const s = await getSodium();
let created: CreatedKeyring;

beforeAll(async () => {
  created = await createKeyring(PASS, FAST, { withRecoveryKey: true });
}, ARGON2_TIMEOUT_MS);

describe('rotateDeviceIdentity', ARGON2_TESTS, () => {
  it('draws new signing and box keys with a valid binding and changes nothing else', async () => {
    const before = created.unlocked;
    const rotated = await rotateDeviceIdentity(before);
    const { identity } = rotated;
    expect(toHex(identity.signPublicKey)).not.toBe(toHex(before.identity.signPublicKey));
    expect(toHex(identity.boxPublicKey)).not.toBe(toHex(before.identity.boxPublicKey));
    expect(verifyIdentityBinding(s, identity.signPublicKey, identity.boxPublicKey, identity.binding)).toBe(true);
    // The old binding does not vouch for the new keys: nothing links the two identities.
    expect(verifyIdentityBinding(s, identity.signPublicKey, identity.boxPublicKey, before.identity.binding)).toBe(false);
    const { identity: _new, generation, ...rest } = snapshotKeyring(rotated);
    const { identity: _old, generation: oldGeneration, ...restBefore } = snapshotKeyring(before);
    expect(rest).toEqual(restBefore);
    expect(generation).toBe(oldGeneration + 1);
  });

  it('survives the keyring file round trip', async () => {
    const rotated = await rotateDeviceIdentity(created.unlocked);
    const reopened = await unlockWithPassphrase(await serialiseKeyring(rotated), PASS);
    expect(snapshotKeyring(reopened).identity).toEqual(snapshotKeyring(rotated).identity);
  });
});

describe('nextAuditKey and adoptNextAuditKey', ARGON2_TESTS, () => {
  it('derive the next audit key from the master key with kdf(·, 1, "SJK1audt"), deterministically', async () => {
    const master = secretsOf(created.unlocked).masterKey;
    const next = await nextAuditKey(created.unlocked);
    expect(toHex(next)).toBe(toHex(s.crypto_kdf_derive_from_key(32, 1, 'SJK1audt', master)));
    expect(toHex(await nextAuditKey(created.unlocked))).toBe(toHex(next));
    expect(toHex(next)).not.toBe(toHex(created.unlocked.auditKey));
  });

  it('give a different key once the master key is replaced', async () => {
    const rotated = await changePassphrase(created.unlocked, 'a brand new passphrase', { rotateMasterKey: true });
    expect(toHex(await nextAuditKey(rotated))).not.toBe(toHex(await nextAuditKey(created.unlocked)));
  });

  it('adopt the next key with the head of the new segment, forward only, and survive the round trip', async () => {
    const head = { seq: 4, hash: s.randombytes_buf(32) };
    const adopted = await adoptNextAuditKey(created.unlocked, head);
    expect(toHex(adopted.auditKey)).toBe(toHex(await nextAuditKey(created.unlocked)));
    expect({ seq: adopted.auditHead.seq, hash: toHex(adopted.auditHead.hash) }).toEqual({ seq: 4, hash: toHex(head.hash) });
    expect(adopted.generation).toBe(created.unlocked.generation + 1);
    // Adopting again keeps the key and only records the head.
    const again = await adoptNextAuditKey(adopted, { seq: 5, hash: s.randombytes_buf(32) });
    expect(toHex(again.auditKey)).toBe(toHex(adopted.auditKey));
    await rejection(() => adoptNextAuditKey(adopted, { seq: 3, hash: s.randombytes_buf(32) }), KeyringStateError, 'audit-rollback');
    const reopened = await unlockWithPassphrase(await serialiseKeyring(adopted), PASS);
    expect(toHex(reopened.auditKey)).toBe(toHex(adopted.auditKey));
    expect(() => withAuditHead(adopted, { seq: 4, hash: s.randombytes_buf(32) })).toThrow(KeyringStateError);
  });
});
