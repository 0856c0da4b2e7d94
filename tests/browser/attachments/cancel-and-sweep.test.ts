// A cancelled, interrupted or failed import leaves nothing behind: cancelled and failed
// imports clean up at once; an import cut off by a lock or a killed worker is swept at the
// next unlock (pending marker without a record → its chunks are deleted).
import { afterEach, describe, expect, it } from 'vitest';
import { AttachmentError, LockedError, VaultStorageFullError } from '../../../renderer/src/vault/vault-errors';
import type { WorkerEndpoint } from '../../../renderer/src/vault/worker-connection';
import { deleteTestDatabases, dumpDatabase, inProcessWorkers, makeHarness, makeUnlockedVault, noteKind, PASSPHRASE, type SpawnLog } from '../vault/support/vault-harness';
import { quotaFault } from '../../fakes/quota-fault';
import { countRows, draftFor, newOwner, patternBytes } from './support';

afterEach(deleteTestDatabases);

const MiB = 1024 * 1024;

/** Counts of every table, to compare before and after. */
async function counts(databaseName: string): Promise<Record<string, number>> {
  const dump = await dumpDatabase(databaseName);
  return Object.fromEntries(Object.entries(dump).map(([table, rows]) => [table, rows.length]));
}

describe('imports that do not finish', () => {
  it('a cancelled import deletes every row it wrote', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    await client.records.create(noteKind, { title: 'kept', text: '' });
    const before = await counts(databaseName);
    const controller = new AbortController();
    const progress: number[] = [];
    const importing = client.attachments.importFile(new File([patternBytes(16 * MiB)], 'big.bin'), draftFor(newOwner()), {
      signal: controller.signal,
      onProgress: (bytes) => {
        progress.push(bytes);
        controller.abort();
      },
    });
    await expect(importing).rejects.toMatchObject({ problem: 'cancelled' });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]).toBeLessThan(16 * MiB);
    expect(await counts(databaseName)).toEqual(before);
    await client.dispose();
  });

  it('a full disk mid-import throws VaultStorageFullError and leaves no rows', async () => {
    const fault = quotaFault();
    fault.failAfter('chunks', 2, { types: ['put'] });
    const { client, databaseName } = await makeUnlockedVault({ engine: { middleware: [fault.middleware] } });
    const error = await client.attachments.importFile(new File([patternBytes(8 * MiB)], 'big.bin'), draftFor(newOwner())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultStorageFullError);
    expect(await countRows(databaseName, 'chunks')).toBe(0);
    expect(await countRows(databaseName, 'blobs')).toBe(0);
    await client.dispose();
  });

  it('a batch that fails while nothing waits for it is reported once, to the next call, never as unhandled', async () => {
    const fault = quotaFault();
    fault.failAfter('chunks', 0, { types: ['put'] });
    const { client, databaseName } = await makeUnlockedVault({ engine: { middleware: [fault.middleware] } });
    const unhandled: unknown[] = [];
    const note = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', note);
    try {
      const writer = await client.attachments.startWriter(draftFor(newOwner()));
      // One full batch (32 chunks of 64 KiB): its write starts, and the call returns without waiting for it.
      await writer.append(patternBytes(2 * MiB, 3));
      // Nothing asks the writer anything while that write fails.
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The next batch waits for the one before it, and throws its failure.
      await expect(writer.append(patternBytes(2 * MiB, 4))).rejects.toBeInstanceOf(VaultStorageFullError);
      expect(unhandled).toEqual([]);
      await writer.abort().catch(() => undefined);
      expect(await countRows(databaseName, 'chunks')).toBe(0);
    } finally {
      window.removeEventListener('unhandledrejection', note);
      await client.dispose();
    }
  });

  it('an import cut off by a lock is swept at the next unlock', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const owner = newOwner();
    const kept = await client.attachments.importFile(new File([patternBytes(200_000)], 'kept.bin'), draftFor(owner, 'kept.bin'));
    const keptRows = await countRows(databaseName, 'chunks');
    let locking: Promise<void> | undefined;
    const importing = client.attachments.importFile(new File([patternBytes(24 * MiB)], 'cut.bin'), draftFor(owner, 'cut.bin'), {
      onProgress: (bytes) => {
        if (bytes >= 4 * MiB) locking ??= client.lock('manual');
      },
    });
    await expect(importing).rejects.toBeInstanceOf(LockedError);
    await locking;
    // Locked: the cut-off import's rows and its pending marker are still on disk.
    expect(await countRows(databaseName, 'chunks')).toBeGreaterThan(keptRows);
    expect(await countRows(databaseName, 'blobs')).toBe(1);

    await client.unlock(PASSPHRASE);
    expect(await countRows(databaseName, 'chunks')).toBe(keptRows);
    expect(await countRows(databaseName, 'blobs')).toBe(0);
    expect((await client.attachments.list(owner)).attachments.map((a) => a.id)).toEqual([kept.id]);
    expect(await client.attachments.verify(kept.id)).toMatchObject({ size: 200_000 });
    await client.dispose();
  });

  it('a recording whose worker was killed is swept when the vault is next opened', async () => {
    const log: SpawnLog = { spawned: [], terminated: [] };
    const first = await makeHarness({ spawnWorker: inProcessWorkers({}, log) });
    await first.client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
    const writer = await first.client.attachments.startWriter({ ...draftFor(newOwner(), 'interview.webm', 'audio/webm'), source: 'recording' });
    for (let i = 0; i < 5; i++) await writer.append(patternBytes(MiB, i + 1));
    expect(await countRows(first.databaseName, 'chunks')).toBeGreaterThan(0);
    // Killed: no close, no flush, no abort.
    for (const endpoint of log.spawned) (endpoint as WorkerEndpoint).terminate();

    const second = await makeHarness({ keyring: first.keyring, databaseName: first.databaseName });
    expect(await countRows(second.databaseName, 'blobs')).toBe(1);
    expect(await second.client.unlock(PASSPHRASE)).toEqual({ ok: true });
    expect(await countRows(second.databaseName, 'chunks')).toBe(0);
    expect(await countRows(second.databaseName, 'blobs')).toBe(0);
    await second.client.auditChecked();
    expect(second.client.getState()).toMatchObject({ auditWarning: null });
    await second.client.dispose();
  });

  it('an aborted writer cleans up, and its handle refuses further bytes', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const writer = await client.attachments.startWriter(draftFor(newOwner()));
    await writer.append(patternBytes(3 * MiB));
    await writer.abort();
    expect(await countRows(databaseName, 'chunks')).toBe(0);
    expect(await countRows(databaseName, 'blobs')).toBe(0);
    await expect(writer.append(patternBytes(1))).rejects.toBeInstanceOf(AttachmentError);
    await client.dispose();
  });
});
