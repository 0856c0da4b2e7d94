// Schema version 2 (chunk rows and pending markers) upgrades a version-1 database without
// touching its rows; and a key rotation re-wraps pending markers, so an import interrupted
// after "my passphrase may be compromised" is still swept.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { VaultDatabase } from '../../../renderer/src/vault/worker/database';
import type { WorkerEndpoint } from '../../../renderer/src/vault/worker-connection';
import { deleteTestDatabases, inProcessWorkers, makeHarness, PASSPHRASE, testDatabaseName, type SpawnLog } from '../vault/support/vault-harness';
import { countRows, draftFor, newOwner, patternBytes } from './support';

afterEach(deleteTestDatabases);

const NEW_PASSPHRASE = 'a new passphrase after a compromise';

describe('attachment storage in the vault database', () => {
  it('version 2 adds the chunks and blobs tables to a version-1 database and keeps its rows', async () => {
    const name = testDatabaseName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ objects: 'id', versions: 'id', heads: 'id', audit: 'id', vault: 'id', meta: 'id' });
    await v1.table('objects').put({ id: 'kept', epoch: 1, key: new Uint8Array(73), body: new Uint8Array(300) });
    v1.close();

    const db = new VaultDatabase(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['audit', 'blobs', 'chunks', 'heads', 'meta', 'objects', 'vault', 'versions']);
    expect(await db.objects.get('kept')).toMatchObject({ epoch: 1 });
    // Primary keys only: no index on anything derived from an attachment.
    expect(db.chunks.schema.indexes).toEqual([]);
    expect(db.blobs.schema.indexes).toEqual([]);
    db.close();
  });

  it('a pending marker is re-wrapped by a compromise rotation and still swept afterwards', async () => {
    const log: SpawnLog = { spawned: [], terminated: [] };
    const first = await makeHarness({ spawnWorker: inProcessWorkers({}, log) });
    await first.client.create({ passphrase: PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
    const writer = await first.client.attachments.startWriter(draftFor(newOwner()));
    await writer.append(patternBytes(3 * 1024 * 1024));
    expect(await first.client.reportCompromised(PASSPHRASE, NEW_PASSPHRASE)).toMatchObject({ ok: true });
    // Let the background rotation finish re-wrapping and retire the old epoch.
    await first.client.lock('manual');
    expect(await first.client.unlock(NEW_PASSPHRASE)).toEqual({ ok: true });
    expect(await countRows(first.databaseName, 'blobs')).toBe(0); // swept at this unlock already
    expect(await countRows(first.databaseName, 'chunks')).toBe(0);

    // And once more with a marker that lives through the rotation itself.
    const second = await first.client.attachments.startWriter(draftFor(newOwner()));
    await second.append(patternBytes(2 * 1024 * 1024));
    expect(await first.client.reportCompromised(NEW_PASSPHRASE, PASSPHRASE)).toMatchObject({ ok: true });
    // The second rotation has re-wrapped every row (the marker too) and retired the old epoch.
    await expect.poll(async () => (await first.client.auditTrail()).rows.filter((row) => row.action === 'vault.rotate-complete').length, { timeout: 20_000 }).toBe(2);
    for (const endpoint of log.spawned) (endpoint as WorkerEndpoint).terminate();

    const reopened = await makeHarness({ keyring: first.keyring, databaseName: first.databaseName });
    expect(await countRows(reopened.databaseName, 'blobs')).toBe(1);
    expect(await reopened.client.unlock(PASSPHRASE)).toEqual({ ok: true });
    expect(await countRows(reopened.databaseName, 'chunks')).toBe(0);
    expect(await countRows(reopened.databaseName, 'blobs')).toBe(0);
    await reopened.client.dispose();
  });
});
