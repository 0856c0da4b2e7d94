import type { Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AUDIT_BATCH } from '../../../renderer/src/vault/worker/audit-background';
import type { StoredObject } from '../../../renderer/src/vault/worker/database';
import { defined, deleteTestDatabases, makeUnlockedVault, noteKind, PASSPHRASE, rawDatabase, type Harness, VAULT_TESTS } from './support/vault-harness';

afterEach(deleteTestDatabases);

/** A vault after a short session, locked, with the ids of its audit rows in write order groups. */
async function sessionThenLock(): Promise<Harness & { firstRows: string[] }> {
  const harness = await makeUnlockedVault();
  const { client } = harness;
  const note = await client.records.create(noteKind, { title: 'a', text: '' });
  await client.records.update(noteKind, note.id, { title: 'b', text: '' }, 1);
  await client.lock('manual');
  const db = await rawDatabase(harness.databaseName);
  const firstRows = (await db.table('audit').toCollection().primaryKeys()) as string[];
  db.close();
  return { ...harness, firstRows };
}

/** Flips one bit near the end of audit row `id`'s ciphertext (inside the AEAD tag's reach). */
async function flipByte(audit: Table<StoredObject, string>, id: string): Promise<void> {
  const row = defined(await audit.get(id));
  const body = row.body.slice();
  body[body.length - 5] = (body[body.length - 5] ?? 0) ^ 1;
  await audit.put({ ...row, body });
}

async function tamperAudit(databaseName: string, change: (audit: Table<StoredObject, string>, ids: string[]) => Promise<void>): Promise<void> {
  const db = await rawDatabase(databaseName);
  const audit = db.table<StoredObject, string>('audit');
  await change(audit, (await audit.toCollection().primaryKeys()) as string[]);
  db.close();
}

describe('audit trail', VAULT_TESTS, () => {
  it('chains every entry of a session and verifies at the next unlock', async () => {
    const { client } = await sessionThenLock();
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ status: 'unlocked', auditWarning: null });
    await client.updateSettings({ wipeAfterFailedUnlocks: 5 });
    const trail = await client.auditTrail();
    expect(trail.warning).toBeNull();
    expect(trail.rows.map((row) => row.seq)).toEqual(trail.rows.map((_, i) => i + 1));
    expect(trail.rows.every((row) => row.verified)).toBe(true);
    expect(trail.rows.map((row) => row.action)).toEqual(['vault.create', 'record.create', 'record.update', 'vault.unlock', 'settings.update']);
    expect(trail.rows[4]?.data).toMatchObject({ changed: ['wipeAfterFailedUnlocks'], wipeAfterFailedUnlocks: 5 });
    await client.dispose();
  });

  it('opens before the full check: saves made meanwhile chain on, and everything verifies', async () => {
    const { client } = await sessionThenLock();
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    // No wait for the check: these writes queue behind it and chain onto the anchored head.
    const note = await client.records.create(noteKind, { title: 'c', text: '' });
    await client.records.update(noteKind, note.id, { title: 'd', text: '' }, 1);
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: null });
    await client.lock('manual');
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: null });
    const trail = await client.auditTrail();
    expect(trail.warning).toBeNull();
    expect(trail.rows.map((row) => row.action)).toEqual(['vault.create', 'record.create', 'record.update', 'vault.unlock', 'record.create', 'record.update', 'vault.unlock']);
    expect(trail.rows.every((row) => row.verified)).toBe(true);
    await client.dispose();
  });

  it('warns exactly as before when saves land while the check of a tampered trail runs', async () => {
    const { client, databaseName } = await sessionThenLock();
    await tamperAudit(databaseName, (audit, ids) => flipByte(audit, ids[0] ?? ''));
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await client.records.create(noteKind, { title: 'e', text: '' });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: { problem: 'unreadable' } });
    expect((await client.auditTrail()).warning).toMatchObject({ problem: 'unreadable' });
    await client.dispose();
  });

  it('checks a trail longer than one background batch, row by row', async () => {
    const harness = await makeUnlockedVault();
    const { client, databaseName } = harness;
    for (let n = 0; n < AUDIT_BATCH + 20; n += 1) await client.records.create(noteKind, { title: `note ${n}`, text: 'صيدنايا' });
    await client.lock('manual');
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: null });
    await client.lock('manual');

    // Alter the row read last (highest id), in the second batch: the check still finds it.
    await tamperAudit(databaseName, (audit, ids) => flipByte(audit, defined([...ids].sort().at(-1))));
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: { problem: 'unreadable' } });
    await client.dispose();
  });

  it('a lock during the check ends it; the next unlock checks again', async () => {
    const { client } = await sessionThenLock();
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await client.lock('manual');
    await expect(client.auditChecked()).rejects.toThrow();
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: null });
    expect((await client.auditTrail()).rows.map((row) => row.action).filter((action) => action === 'vault.unlock')).toHaveLength(2);
    await client.dispose();
  });

  it('warns when a row is deleted', async () => {
    const { client, databaseName, firstRows } = await sessionThenLock();
    await tamperAudit(databaseName, (audit) => audit.delete(firstRows[1] ?? ''));
    await client.unlock(PASSPHRASE);
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ status: 'unlocked', auditWarning: { problem: expect.any(String) } });
    await client.dispose();
  });

  it('warns when a row is modified', async () => {
    const { client, databaseName } = await sessionThenLock();
    await tamperAudit(databaseName, (audit, ids) => flipByte(audit, ids[0] ?? ''));
    await client.unlock(PASSPHRASE);
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: { problem: 'unreadable' } });
    await client.dispose();
  });

  it('warns when rows are reordered (contents swapped between ids)', async () => {
    const { client, databaseName } = await sessionThenLock();
    await tamperAudit(databaseName, async (audit, ids) => {
      const [a, b] = (await audit.bulkGet([ids[0] ?? '', ids[1] ?? ''])).map((row) => defined(row));
      await audit.bulkPut([{ ...defined(b), id: defined(a).id }, { ...defined(a), id: defined(b).id }]);
    });
    await client.unlock(PASSPHRASE);
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: { problem: 'unreadable' } });
    await client.dispose();
  });

  it('detects truncation of entries the keyring already anchored', async () => {
    const { client, databaseName, firstRows } = await sessionThenLock();
    await client.unlock(PASSPHRASE);
    await client.records.create(noteKind, { title: 'latest', text: '' });
    await client.lock('manual'); // the lock anchors the head
    await tamperAudit(databaseName, async (audit, ids) => {
      await audit.bulkDelete(ids.filter((id) => !firstRows.includes(id)));
    });
    await client.unlock(PASSPHRASE);
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: { problem: 'truncated', firstBadSeq: 4 } });
    const trail = await client.auditTrail();
    expect(trail.warning).not.toBeNull();
    await client.dispose();
  });

  it('rolls a correct tail forward when the head never reached the keyring (crash)', async () => {
    const { client, keyring } = await makeUnlockedVault();
    const anchored = keyring.bytes; // written at create, anchoring vault.create
    await client.records.create(noteKind, { title: 'after the anchor', text: '' });
    await client.lock('manual');
    keyring.set(anchored); // as if the process died before the batched head write

    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: null });
    expect((await client.auditTrail()).rows.map((row) => row.action)).toEqual(['vault.create', 'record.create', 'vault.unlock']);
    expect(keyring.bytes).not.toEqual(anchored);
    await client.dispose();
  });

  it('notices an older keyring file put back, though its old passphrase opens it', async () => {
    const { client, keyring } = await makeUnlockedVault();
    const old = keyring.bytes;
    expect(await client.changePassphrase(PASSPHRASE, 'the new and better passphrase')).toEqual({ ok: true });
    await client.records.create(noteKind, { title: 'after the change', text: '' });
    await client.lock('manual');
    keyring.set(old);

    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: { problem: 'keyring-rollback' } });
    await client.dispose();
  });

  it('notices a head shard rolled back to an older genuine copy', async () => {
    const { client, databaseName } = await sessionThenLock();
    let db = await rawDatabase(databaseName);
    const oldHeads = await db.table('heads').toArray();
    const oldObjects = await db.table('objects').toArray();
    db.close();
    await client.unlock(PASSPHRASE);
    const note = defined((await client.records.list(noteKind)).records[0]);
    await client.records.update(noteKind, note.id, { title: 'c', text: 'newest' }, 2);
    await client.lock('manual');

    db = await rawDatabase(databaseName);
    await db.table('heads').bulkPut(oldHeads);
    await db.table('objects').bulkPut(oldObjects);
    db.close();
    await client.unlock(PASSPHRASE);
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ auditWarning: { problem: 'head-rollback' } });
    await client.dispose();
  });
});
