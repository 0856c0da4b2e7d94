/**
 * "My passphrase may be compromised" replaces the audit key and the device identity as well
 * (worker/compromise.ts, worker/audit-rekey.ts): the old keyring copy and passphrase no longer
 * let anyone append to the trail or sign as this device, the trail stays verifiable, progress
 * is reported, and a crash between the new audit segment and the keyring write is finished at unlock.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fingerprint, humanFingerprint } from '../../../shared/bundle/fingerprint';
import {
  appendAudit,
  disposeKeyring,
  getSodium,
  newRecordId,
  nextAuditKey,
  unlockWithPassphrase,
  verifyIdentityBinding,
  type UnlockedKeyring,
} from '../../../shared/crypto';
import { idFromBytes } from '../../../shared/domain/ids';
import type { RotationProgress } from '../../../renderer/src/vault/vault-client';
import { AUDIT_TYPE, loadAudit } from '../../../renderer/src/vault/worker/audit-log';
import { VaultDatabase } from '../../../renderer/src/vault/worker/database';
import type { FaultStep } from '../../../renderer/src/vault/worker/faults';
import { sealRow } from '../../../renderer/src/vault/worker/sealed-rows';
import type { WorkerEndpoint } from '../../../renderer/src/vault/worker-connection';
import { BACKGROUND_WAIT, defined, deleteTestDatabases, inProcessWorkers, makeHarness, makeUnlockedVault, noteKind, PASSPHRASE, VAULT_TESTS, type SpawnLog } from './support/vault-harness';

afterEach(deleteTestDatabases);

const NEW_PASSPHRASE = 'a completely different passphrase';
const s = await getSodium();

const hex = (bytes: Uint8Array) => s.to_hex(bytes);
const humanOf = async (k: UnlockedKeyring) => humanFingerprint(await fingerprint(k.identity.signPublicKey, k.identity.boxPublicKey));

/**
 * Appends an entry chained under `chainKey` after the last stored one, sealed under `keyring`'s
 * current compartment key, straight into the database: what someone holding those keys could do.
 */
async function forgeAuditEntry(databaseName: string, keyring: UnlockedKeyring, chainKey: Uint8Array): Promise<void> {
  const db = new VaultDatabase(databaseName);
  await db.open();
  try {
    const chain = (await loadAudit(db, keyring)).map((row) => defined(row.chained, 'audit entry'));
    const last = defined(chain[chain.length - 1], 'last entry');
    const forged = await appendAudit(chainKey, { seq: last.seq, hash: last.hash }, { action: 'record.delete', at: new Date().toISOString(), data: { id: 'forged' } });
    const id = idFromBytes(await newRecordId());
    const body = { s: forged.seq, a: forged.entry.action, at: forged.entry.at, d: forged.entry.data, h: hex(forged.hash) };
    await db.audit.add(await sealRow(keyring, { table: 'audit', id, compartment: 'general' }, { type: AUDIT_TYPE, version: 1, body }));
  } finally {
    db.close();
  }
}

describe('compromised passphrase: audit key and device identity', VAULT_TESTS, () => {
  it('replaces both, records both fingerprints, keeps the trail verifiable and reports progress', async () => {
    const { client, keyring } = await makeUnlockedVault();
    for (let i = 0; i < 5; i++) await client.records.create(noteKind, { title: `n${i}`, text: '' });
    const before = await unlockWithPassphrase(defined(keyring.bytes), PASSPHRASE);

    const progress: RotationProgress[] = [];
    expect(await client.reportCompromised(PASSPHRASE, NEW_PASSPHRASE, { onProgress: (p) => progress.push(p) })).toEqual({ ok: true, recoveryKey: null });
    const after = await unlockWithPassphrase(defined(keyring.bytes), NEW_PASSPHRASE);
    expect(hex(after.auditKey)).not.toBe(hex(before.auditKey));
    expect(hex(after.auditKey)).toBe(hex(await nextAuditKey(after)));
    expect(hex(after.identity.signPublicKey)).not.toBe(hex(before.identity.signPublicKey));
    expect(hex(after.identity.boxPublicKey)).not.toBe(hex(before.identity.boxPublicKey));
    expect(verifyIdentityBinding(s, after.identity.signPublicKey, after.identity.boxPublicKey, after.identity.binding)).toBe(true);

    const trail = await client.auditTrail();
    expect(trail.warning).toBeNull();
    const identity = trail.rows.find((row) => row.action === 'vault.identity-rotate');
    expect(identity?.data).toEqual({ previous: await humanOf(before), current: await humanOf(after) });
    const rekey = defined(trail.rows.find((row) => row.action === 'audit.rekey'));
    // The UI sees where the segment starts, never the retired key it reveals.
    expect(rekey.data).toEqual({ afterSeq: rekey.seq - 1 });

    // Progress arrives over its own channel: wait for the last report.
    await vi.waitFor(() => expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total), BACKGROUND_WAIT);
    const last = defined(progress.at(-1));
    expect(last.total).toBeGreaterThan(5);
    expect(progress.every((p, i) => i === 0 || p.done >= (progress[i - 1]?.done ?? 0))).toBe(true);

    await client.lock('manual');
    expect(await client.unlock(NEW_PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: null });
    for (const k of [before, after]) disposeKeyring(k);
    await client.dispose();
  });

  it('refuses an entry appended with the retired audit key after the rotation, and only that', async () => {
    const { client, keyring, databaseName } = await makeUnlockedVault();
    const before = await unlockWithPassphrase(defined(keyring.bytes), PASSPHRASE);
    await client.reportCompromised(PASSPHRASE, NEW_PASSPHRASE);
    await client.lock('manual');
    const after = await unlockWithPassphrase(defined(keyring.bytes), NEW_PASSPHRASE);

    // Even with the new compartment key to seal it, the old audit key does not make it verify.
    await forgeAuditEntry(databaseName, after, before.auditKey);
    expect(await client.unlock(NEW_PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: { problem: 'hash' } });
    await client.dispose();

    // Control: the same forgery under the current audit key is accepted as a genuine tail.
    const control = await makeUnlockedVault();
    await control.client.reportCompromised(PASSPHRASE, NEW_PASSPHRASE);
    await control.client.lock('manual');
    const current = await unlockWithPassphrase(defined(control.keyring.bytes), NEW_PASSPHRASE);
    await forgeAuditEntry(control.databaseName, current, current.auditKey);
    expect(await control.client.unlock(NEW_PASSPHRASE)).toEqual({ ok: true });
    await control.client.auditChecked();
    expect(control.client.getState()).toMatchObject({ auditWarning: null });
    for (const k of [before, after, current]) disposeKeyring(k);
    await control.client.dispose();
  });

  it('a rotation killed after the new audit segment, before the keyring adopted its key, finishes at unlock', async () => {
    const log: SpawnLog = { spawned: [], terminated: [] };
    let armed = true;
    const faults = {
      step(name: FaultStep) {
        if (armed && name === 'rotation:audit-segment-written') {
          armed = false;
          throw new Error('simulated crash');
        }
      },
    };
    const first = await makeHarness({ spawnWorker: inProcessWorkers({ faults }, log) });
    await first.client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
    await first.client.records.create(noteKind, { title: 'kept', text: '' });
    await expect(first.client.reportCompromised(PASSPHRASE, NEW_PASSPHRASE)).rejects.toThrow('simulated crash');
    const stranded = await unlockWithPassphrase(defined(first.keyring.bytes), NEW_PASSPHRASE);
    expect(hex(stranded.auditKey)).not.toBe(hex(await nextAuditKey(stranded)));
    for (const endpoint of log.spawned) (endpoint as WorkerEndpoint).terminate();

    const second = await makeHarness({ keyring: first.keyring, databaseName: first.databaseName });
    expect(await second.client.unlock(NEW_PASSPHRASE)).toEqual({ ok: true });
    await second.client.auditChecked();
    expect(second.client.getState()).toMatchObject({ auditWarning: null });
    const adopted = await unlockWithPassphrase(defined(first.keyring.bytes), NEW_PASSPHRASE);
    expect(hex(adopted.auditKey)).toBe(hex(await nextAuditKey(adopted)));
    await vi.waitFor(async () => {
      expect((await second.client.auditTrail()).rows.map((row) => row.action)).toEqual(expect.arrayContaining(['audit.rekey', 'vault.rotate-complete']));
    }, BACKGROUND_WAIT);
    expect((await second.client.auditTrail()).warning).toBeNull();
    for (const k of [stranded, adopted]) disposeKeyring(k);
    await second.client.dispose();
  });
});
