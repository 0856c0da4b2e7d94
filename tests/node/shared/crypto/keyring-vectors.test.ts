/**
 * Frozen keyring vectors (tests/fixtures/crypto/keyring-v1.json, written once by generate.ts):
 * today's code must open yesterday's bytes to exactly the recorded keys, and, replaying the
 * same fixed randomness, write exactly the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { KDF_FLOOR } from '../../../../shared/crypto/kdf-params';
import { changePassphrase, createKeyring, serialiseKeyring, unlockWithPassphrase, unlockWithRecoveryKey } from '../../../../shared/crypto/keyring';
import { rotateCompartmentKeys, takeSenderSeq, withAuditHead } from '../../../../shared/crypto/keyring-updates';
import { generatePassphrase } from '../../../../shared/crypto/passphrase';
import { getSodium } from '../../../../shared/crypto/sodium';
import { fixedRandom, fromHex, toHex } from '../../../fixtures/crypto/fixed-random';
import { snapshotKeyring } from '../../../fixtures/crypto/keyring-snapshot';
import { VECTOR_PASSPHRASE } from '../../../fixtures/crypto/vector-inputs';
import vectors from '../../../fixtures/crypto/keyring-v1.json';
import { ARGON2_TESTS } from './helpers';

const s = await getSodium();
const rng = (label: string) => ({ random: fixedRandom(s, label) });
const { created, withoutRecovery, updated, changedPassphrase } = vectors.cases;

describe('keyring v1 known answers', ARGON2_TESTS, () => {
  it('uses the recorded passphrase and the Argon2 floor', () => {
    expect(vectors.passphrase).toBe(VECTOR_PASSPHRASE);
    expect(created.expect.kdf).toEqual(KDF_FLOOR);
  });

  it('opens the frozen files to exactly the recorded keys, by passphrase (NFC or NFD) and by recovery key', async () => {
    expect(snapshotKeyring(await unlockWithPassphrase(fromHex(created.bytes), VECTOR_PASSPHRASE))).toEqual(created.expect);
    expect(snapshotKeyring(await unlockWithPassphrase(fromHex(created.bytes), VECTOR_PASSPHRASE.normalize('NFD')))).toEqual(created.expect);
    expect(snapshotKeyring(await unlockWithRecoveryKey(fromHex(created.bytes), created.recoveryKey))).toEqual(created.expect);
    expect(snapshotKeyring(await unlockWithPassphrase(fromHex(withoutRecovery.bytes), VECTOR_PASSPHRASE))).toEqual(withoutRecovery.expect);
    expect(snapshotKeyring(await unlockWithPassphrase(fromHex(updated.bytes), VECTOR_PASSPHRASE))).toEqual(updated.expect);
    expect(snapshotKeyring(await unlockWithPassphrase(fromHex(changedPassphrase.bytes), changedPassphrase.newPassphrase))).toEqual(changedPassphrase.expect);
  });

  it('writes the same bytes again from the same randomness', async () => {
    const again = await createKeyring(VECTOR_PASSPHRASE, KDF_FLOOR, { withRecoveryKey: true, ...rng('keyring/create') });
    expect(toHex(again.bytes)).toBe(created.bytes);
    expect(again.recoveryKey).toBe(created.recoveryKey);
    const plain = await createKeyring(VECTOR_PASSPHRASE, KDF_FLOOR, rng('keyring/create-plain'));
    expect(toHex(plain.bytes)).toBe(withoutRecovery.bytes);

    const rotated = await rotateCompartmentKeys(again.unlocked, rng('keyring/rotate'));
    const audited = withAuditHead(rotated, { seq: 1, hash: fixedRandom(s, 'keyring/audit-head')(32) });
    const next = takeSenderSeq(audited).unlocked;
    expect(toHex(await serialiseKeyring(next, rng('keyring/serialise')))).toBe(updated.bytes);

    const newPassphrase = await generatePassphrase(rng('passphrase/generate'));
    expect(newPassphrase).toBe(changedPassphrase.newPassphrase);
    const changed = await changePassphrase(again.unlocked, newPassphrase, rng('keyring/change'));
    expect(toHex(await serialiseKeyring(changed, rng('keyring/change-serialise')))).toBe(changedPassphrase.bytes);
  });
});
