import type { DBCore, Middleware } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSodium, nextAuditKey, unlockWithPassphrase } from '../../../shared/crypto';
import { VaultStorageFullError } from '../../../renderer/src/vault/vault-errors';
import type { FaultStep } from '../../../renderer/src/vault/worker/faults';
import { REWRAP_BATCH } from '../../../renderer/src/vault/worker/rotation';
import type { WorkerEndpoint } from '../../../renderer/src/vault/worker-connection';
import { BACKGROUND_WAIT, defined, deleteTestDatabases, dumpDatabase, inProcessWorkers, makeHarness, makeUnlockedVault, noteKind, PASSPHRASE, type Harness, type SpawnLog, VAULT_TESTS } from './support/vault-harness';
import { quotaFault } from '../../fakes/quota-fault';

afterEach(deleteTestDatabases);

const NEW_PASSPHRASE = 'a completely different passphrase';
const s = await getSodium();

/** Fails the next mutation of `table` with the browser's quota error. */
function quotaSwitch(): { middleware: Middleware<DBCore>; failNext(table: string): void } {
  const fault = quotaFault();
  return { middleware: fault.middleware, failNext: (table) => fault.failAfter(table, 0, { once: true }) };
}

/** A step hook that throws once at `step`, as if the process died there. */
function crashAt(step: FaultStep): { step(name: FaultStep): void } {
  let armed = true;
  return {
    step(name) {
      if (armed && name === step) {
        armed = false;
        throw new Error(`simulated crash at ${step}`);
      }
    },
  };
}

/** Kills every worker the harness started (no close, no flush), then opens the same vault anew. */
async function restart(old: Harness, log: SpawnLog): Promise<Harness> {
  for (const endpoint of log.spawned) (endpoint as WorkerEndpoint).terminate();
  return makeHarness({ keyring: old.keyring, databaseName: old.databaseName });
}

describe('faults', VAULT_TESTS, () => {
  it('a full disk mid-write leaves nothing partial, throws VaultStorageFullError and keeps the input', async () => {
    const quota = quotaSwitch();
    const { client, databaseName } = await makeUnlockedVault({ engine: { middleware: [quota.middleware] } });
    const kept = await client.records.create(noteKind, { title: 'kept', text: '' });
    const before = await dumpDatabase(databaseName);

    const input = { title: 'too big', text: 'x' };
    quota.failNext('audit'); // the last table the transaction writes: the earlier puts must roll back
    await expect(client.records.create(noteKind, input)).rejects.toBeInstanceOf(VaultStorageFullError);
    expect(input).toEqual({ title: 'too big', text: 'x' });
    quota.failNext('heads');
    await expect(client.records.update(noteKind, kept.id, input, 1)).rejects.toBeInstanceOf(VaultStorageFullError);
    expect(await dumpDatabase(databaseName)).toEqual(before);

    // Memory was not advanced either: the same calls succeed once space is back.
    const saved = await client.records.create(noteKind, input);
    expect((await client.records.update(noteKind, kept.id, input, 1)).version).toBe(2);
    expect((await client.records.list(noteKind)).records.map((r) => r.id).sort()).toEqual([kept.id, saved.id].sort());
    await client.lock('manual');
    await client.unlock(PASSPHRASE);
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: null });
    await client.dispose();
  });

  it('a write killed before its transaction leaves the previous version, and the vault opens', async () => {
    const log: SpawnLog = { spawned: [], terminated: [] };
    const faults = { step: vi.fn<(name: FaultStep) => void>() };
    const first = await makeHarness({ spawnWorker: inProcessWorkers({ faults }, log) });
    await first.client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
    const note = await first.client.records.create(noteKind, { title: 'v1', text: '' });
    faults.step.mockImplementation((name) => {
      if (name === 'write:sealed') throw new Error('simulated crash');
    });
    await expect(first.client.records.update(noteKind, note.id, { title: 'v2', text: '' }, 1)).rejects.toThrow('simulated crash');

    const second = await restart(first, log);
    expect(await second.client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await second.client.auditChecked();
    expect(second.client.getState()).toMatchObject({ auditWarning: null });
    expect((await second.client.records.read(noteKind, note.id)).version).toBe(1);
    await second.client.dispose();
  });

  it('creation killed after the keyring write opens as an empty vault', async () => {
    const first = await makeHarness({ engine: { faults: crashAt('create:keyring-written') } });
    await expect(first.client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: false })).rejects.toThrow('simulated crash');

    const second = await makeHarness({ keyring: first.keyring, databaseName: first.databaseName });
    expect(second.client.getState()).toMatchObject({ status: 'locked' });
    expect(await second.client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await second.client.auditChecked();
    expect(second.client.getState()).toMatchObject({ auditWarning: null });
    await second.client.records.create(noteKind, { title: 'works', text: '' });
    await second.client.dispose();
  });

  for (const step of ['rotation:keyring-written', 'rotation:batch-written', 'rotation:before-retire'] as const) {
    it(`a rotation killed at ${step} leaves a vault that opens with the new passphrase and finishes`, async () => {
      const log: SpawnLog = { spawned: [], terminated: [] };
      const first = await makeHarness({ spawnWorker: inProcessWorkers({ faults: crashAt(step) }, log) });
      await first.client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
      const ids: string[] = [];
      // More rows than one batch, so a crash after the first batch leaves both epochs in use.
      for (let i = 0; i < REWRAP_BATCH / 2 + 5; i++) ids.push((await first.client.records.create(noteKind, { title: `n${i}`, text: '' })).id);
      const oldAuditKey = s.to_hex((await unlockWithPassphrase(defined(first.keyring.bytes), PASSPHRASE)).auditKey);
      await expect(first.client.reportCompromised(PASSPHRASE, NEW_PASSPHRASE)).rejects.toThrow('simulated crash');

      const second = await restart(first, log);
      expect(await second.client.unlock(PASSPHRASE)).toEqual({ ok: false });
      expect(await second.client.unlock(NEW_PASSPHRASE)).toEqual({ ok: true });
      await second.client.auditChecked();
      expect(second.client.getState()).toMatchObject({ auditWarning: null });
      const listed = await second.client.records.list(noteKind);
      expect(listed.unreadable).toEqual([]);
      expect(listed.records.length).toBe(ids.length);
      await vi.waitFor(async () => {
        expect((await second.client.auditTrail()).rows.map((row) => row.action)).toContain('vault.rotate-complete');
      }, BACKGROUND_WAIT);
      const rows = await dumpDatabase(second.databaseName);
      expect((rows['objects'] as { epoch: number }[]).every((row) => row.epoch === 2)).toBe(true);
      // The audit key is replaced too, whichever step the crash cut short.
      const finished = await unlockWithPassphrase(defined(second.keyring.bytes), NEW_PASSPHRASE);
      expect(s.to_hex(finished.auditKey)).not.toBe(oldAuditKey);
      expect(s.to_hex(finished.auditKey)).toBe(s.to_hex(await nextAuditKey(finished)));
      expect((await second.client.auditTrail()).warning).toBeNull();
      await second.client.dispose();
    });
  }
});
