import { beforeAll, describe, expect, it } from 'vitest';
import { KeyringStateError } from '../../../../shared/crypto/errors';
import { createKeyring, serialiseKeyring, unlockWithPassphrase, type UnlockedKeyring } from '../../../../shared/crypto/keyring';
import { MAX_EPOCHS_HELD } from '../../../../shared/crypto/keyring-body';
import { epochKey, retirePreviousEpochs, rotateCompartmentKeys, takeSenderSeq, withAuditHead } from '../../../../shared/crypto/keyring-updates';
import { toHex } from '../../../fixtures/crypto/fixed-random';
import { ARGON2_TESTS, ARGON2_TIMEOUT_MS, FAST, PASS, rejection, thrown } from './helpers';

let base: UnlockedKeyring;

beforeAll(async () => {
  base = (await createKeyring(PASS, FAST)).unlocked;
}, ARGON2_TIMEOUT_MS);

describe('compartment key rotation', ARGON2_TESTS, () => {
  it('starts a new epoch and keeps the old key until retired', async () => {
    const rotated = await rotateCompartmentKeys(base);
    expect(rotated.generation).toBe(base.generation + 1);
    for (const c of ['general', 'witness'] as const) {
      expect(rotated.compartments[c].current.epoch).toBe(2);
      expect(toHex(rotated.compartments[c].current.key)).not.toBe(toHex(base.compartments[c].current.key));
      expect(toHex(epochKey(rotated, c, 1).key)).toBe(toHex(base.compartments[c].current.key));
    }
    const retired = retirePreviousEpochs(rotated, 'witness');
    thrown(() => epochKey(retired, 'witness', 1), KeyringStateError, 'unknown-epoch');
    expect(epochKey(retired, 'general', 1).epoch).toBe(1);
    expect(epochKey(retired, 'witness').epoch).toBe(2);
  });

  it('can rotate one compartment only', async () => {
    const rotated = await rotateCompartmentKeys(base, { compartments: ['witness'] });
    expect(rotated.compartments.witness.current.epoch).toBe(2);
    expect(rotated.compartments.general.current.epoch).toBe(1);
  });

  it('persists every held epoch through the file', async () => {
    let k = base;
    for (let i = 0; i < 3; i++) k = await rotateCompartmentKeys(k);
    const reopened = await unlockWithPassphrase(await serialiseKeyring(k), PASS);
    expect([reopened.compartments.general.current, ...reopened.compartments.general.previous].map((e) => e.epoch)).toEqual([4, 3, 2, 1]);
    expect(toHex(epochKey(reopened, 'general', 1).key)).toBe(toHex(base.compartments.general.current.key));
  });

  it('refuses to hold more than the bounded number of epochs', async () => {
    let k = base;
    for (let i = 1; i < MAX_EPOCHS_HELD; i++) k = await rotateCompartmentKeys(k);
    expect(k.compartments.general.previous).toHaveLength(MAX_EPOCHS_HELD - 1);
    await rejection(() => rotateCompartmentKeys(k), KeyringStateError, 'too-many-epochs');
    const retired = retirePreviousEpochs(retirePreviousEpochs(k, 'general'), 'witness');
    expect((await rotateCompartmentKeys(retired)).compartments.general.current.epoch).toBe(MAX_EPOCHS_HELD + 1);
  });

  it('refuses an unknown epoch', () => {
    thrown(() => epochKey(base, 'general', 7), KeyringStateError, 'unknown-epoch');
  });
});

describe('counters', ARGON2_TESTS, () => {
  it('advances the audit head and refuses to move it back or fork it', async () => {
    const head = { seq: 5, hash: new Uint8Array(32).fill(9) };
    const advanced = withAuditHead(base, head);
    expect(advanced.auditHead.seq).toBe(5);
    expect(withAuditHead(advanced, { seq: 5, hash: new Uint8Array(32).fill(9) }).auditHead.seq).toBe(5);
    thrown(() => withAuditHead(advanced, { seq: 4, hash: head.hash }), KeyringStateError, 'audit-rollback');
    thrown(() => withAuditHead(advanced, { seq: 5, hash: new Uint8Array(32) }), KeyringStateError, 'audit-rollback');
    const reopened = await unlockWithPassphrase(await serialiseKeyring(advanced), PASS);
    expect({ seq: reopened.auditHead.seq, hash: toHex(reopened.auditHead.hash) }).toEqual({ seq: 5, hash: toHex(head.hash) });
  });

  it('hands out strictly increasing sender sequence numbers and generations', async () => {
    const first = takeSenderSeq(base);
    const second = takeSenderSeq(first.unlocked);
    expect([first.senderSeq, second.senderSeq]).toEqual([1, 2]);
    expect(second.unlocked.generation).toBe(base.generation + 2);
    const reopened = await unlockWithPassphrase(await serialiseKeyring(second.unlocked), PASS);
    expect({ senderSeq: reopened.senderSeq, generation: reopened.generation }).toEqual({ senderSeq: 2, generation: 3 });
  });
});
