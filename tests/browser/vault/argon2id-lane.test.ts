// Argon2id in a worker of its own (renderer/src/vault/worker/argon2id-lane.ts): the same key as
// on this thread, and every worker started for it is terminated once it answered, so the
// 256 MiB (or 1 GiB) that libsodium's heap grows to is not kept for the session.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getSodium, KDF_FLOOR, KdfError } from '../../../shared/crypto';
import { argon2id } from '../../../shared/crypto/kdf-params';
import { argon2idInWorker, argon2idWorkersAlive, prepareArgon2id } from '../../../renderer/src/vault/worker/argon2id-lane';
import { backupBytes, NEW_PASSPHRASE, restoreFrom } from '../backup/support';
import { deleteTestDatabases, makeHarness, noteKind, OTHER_PASSPHRASE, PASSPHRASE, VAULT_TESTS } from './support/vault-harness';

/** Workers started while stubbed, by name, and which of them were terminated. */
function recordWorkers() {
  const started: { readonly name: string; readonly worker: Worker }[] = [];
  const terminated = new Set<Worker>();
  const Real = globalThis.Worker;
  class Recording extends Real {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      started.push({ name: options?.name ?? '', worker: this });
    }
    override terminate(): void {
      terminated.add(this);
      super.terminate();
    }
  }
  vi.stubGlobal('Worker', Recording);
  const kdf = () => started.filter((s) => s.name === 'sijill-kdf');
  return { kdf, alive: () => kdf().filter((s) => !terminated.has(s.worker)).length };
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await deleteTestDatabases();
});

const bytes = (text: string) => new TextEncoder().encode(text);

describe('Argon2id in a short-lived worker', VAULT_TESTS, () => {
  it('derives the key Argon2id gives on this thread, then terminates its worker', async () => {
    const workers = recordWorkers();
    const s = await getSodium();
    const passphrase = bytes('correct horse battery staple');
    const salt = s.randombytes_buf(s.crypto_pwhash_SALTBYTES);

    const key = await argon2idInWorker(passphrase, salt, KDF_FLOOR);

    expect(key).toEqual(argon2id(s, passphrase, salt, KDF_FLOOR));
    // The worker got a moved copy: the caller's bytes are intact (the caller wipes them itself).
    expect(passphrase).toEqual(bytes('correct horse battery staple'));
    expect(workers.kdf()).toHaveLength(1);
    expect(workers.alive()).toBe(0);
    expect(argon2idWorkersAlive()).toBe(0);
  });

  it('uses the worker started ahead, and leaves none behind', async () => {
    const workers = recordWorkers();
    const s = await getSodium();
    prepareArgon2id();
    prepareArgon2id(); // one waiting worker at most
    expect(workers.kdf()).toHaveLength(1);
    expect(workers.alive()).toBe(1);

    await argon2idInWorker(bytes('another passphrase here'), s.randombytes_buf(s.crypto_pwhash_SALTBYTES), KDF_FLOOR);

    expect(workers.kdf()).toHaveLength(1);
    expect(workers.alive()).toBe(0);
  });

  it('refuses out-of-range parameters in the worker with the KdfError of this thread, and terminates it', async () => {
    const workers = recordWorkers();
    const s = await getSodium();
    const salt = s.randombytes_buf(s.crypto_pwhash_SALTBYTES);

    const refused = argon2idInWorker(bytes('a passphrase of length'), salt, { ops: 1, mem: KDF_FLOOR.mem });

    await expect(refused).rejects.toBeInstanceOf(KdfError);
    await expect(refused).rejects.toMatchObject({ code: 'ops-out-of-range' });
    expect(workers.kdf()).toHaveLength(1);
    expect(workers.alive()).toBe(0);
  });

  it("runs the vault's create, unlock and passphrase change through it, and no Argon2id worker outlives them", async () => {
    const workers = recordWorkers();
    // The engine in this realm, so its Argon2id workers are started (and recorded) here.
    const { client } = await makeHarness({ engine: {} });
    await client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
    const note = await client.records.create(noteKind, { title: 'kept', text: '' });
    await client.lock('manual');

    expect(await client.unlock(OTHER_PASSPHRASE)).toEqual({ ok: false });
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    expect(await client.changePassphrase(PASSPHRASE, 'a completely different passphrase')).toEqual({ ok: true });
    await client.lock('manual');
    expect(await client.unlock('a completely different passphrase')).toEqual({ ok: true });
    expect((await client.records.read(noteKind, note.id)).body.title).toBe('kept');

    // create, two unlock attempts, the change's check and re-wrap, the last unlock: 6 derivations.
    expect(workers.kdf().length).toBeGreaterThanOrEqual(6);
    expect(workers.alive()).toBe(0);
    await client.dispose();
  });

  it("runs a backup's passphrase and a restore's through it too, and none outlives them", async () => {
    const workers = recordWorkers();
    const { client } = await makeHarness({ engine: {} });
    await client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
    const note = await client.records.create(noteKind, { title: 'backed up', text: '' });
    const beforeBackup = workers.kdf().length;

    const { bytes } = await backupBytes(client);
    // The backup passphrase's stanza: one derivation, on a worker of its own.
    expect(workers.kdf().length - beforeBackup).toBeGreaterThanOrEqual(1);
    expect(workers.alive()).toBe(0);

    await client.panicWipe();
    const beforeRestore = workers.kdf().length;
    await restoreFrom(client, bytes);
    await client.auditChecked();
    // Opening the backup's stanza, then the restored vault's new keyring.
    expect(workers.kdf().length - beforeRestore).toBeGreaterThanOrEqual(2);
    expect(workers.alive()).toBe(0);
    expect((await client.records.read(noteKind, note.id)).body.title).toBe('backed up');
    await client.lock('manual');
    expect(await client.unlock(NEW_PASSPHRASE)).toEqual({ ok: true });
    await client.dispose();
  });
});
