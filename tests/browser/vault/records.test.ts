import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RecordIntegrityError, RecordNotFoundError, RecordValidationError, VersionConflictError } from '../../../renderer/src/vault/vault-errors';
import { deleteTestDatabases, makeUnlockedVault, noteKind, PASSPHRASE, rawDatabase, witnessCardKind, VAULT_TESTS } from './support/vault-harness';

afterEach(deleteTestDatabases);

describe('record repository', VAULT_TESTS, () => {
  it('creates, reads, updates to new versions and keeps every version in history', async () => {
    const { client } = await makeUnlockedVault();
    const v1 = await client.records.create(noteKind, { title: 'first', text: 'one' });
    expect(v1).toMatchObject({ type: 'note', compartment: 'general', version: 1, body: { title: 'first', text: 'one' } });
    const v2 = await client.records.update(noteKind, v1.id, { title: 'second', text: 'two' }, 1);
    const v3 = await client.records.update(noteKind, v1.id, { title: 'third', text: 'three' }, 2);
    expect([v2.version, v3.version]).toEqual([2, 3]);

    expect((await client.records.read(noteKind, v1.id)).body).toEqual({ title: 'third', text: 'three' });
    const history = await client.records.history(noteKind, v1.id);
    expect(history.map((r) => [r.version, r.body.title])).toEqual([
      [1, 'first'],
      [2, 'second'],
      [3, 'third'],
    ]);
    await expect(client.records.update(noteKind, v1.id, { title: 'stale', text: '' }, 2)).rejects.toMatchObject({ actualVersion: 3 });
    await expect(client.records.update(noteKind, v1.id, { title: 'stale', text: '' }, 2)).rejects.toBeInstanceOf(VersionConflictError);
    await client.dispose();
  });

  it('reads many records in the order asked, whatever the order of their rows, and reports the missing', async () => {
    const { client } = await makeUnlockedVault();
    const create = (n: number) => client.records.create(noteKind, { title: `note ${n}`, text: String(n) });
    const notes: Awaited<ReturnType<typeof create>>[] = [];
    for (let n = 0; n < 12; n += 1) notes.push(await create(n));
    // Rows are read in key order (record-store.ts getInKeyOrder): ask in the reverse of it, with
    // an id the vault never had in the middle, and the answer must still follow the question.
    const asked = notes.map((note) => note.id).sort().reverse();
    const unknown = 'A'.repeat(22);
    const read = await client.records.readMany(noteKind, [...asked.slice(0, 6), unknown, ...asked.slice(6)]);
    expect(read.records.map((r) => r.id)).toEqual(asked);
    expect(read.records.map((r) => r.body.title)).toEqual(asked.map((id) => notes.find((note) => note.id === id)?.body.title));
    expect(read.unreadable).toEqual([{ id: unknown, problem: 'missing' }]);
    await client.dispose();
  });

  it('lists by type without clear types, across compartments', async () => {
    const { client } = await makeUnlockedVault();
    const a = await client.records.create(noteKind, { title: 'a', text: '' });
    const b = await client.records.create(noteKind, { title: 'b', text: '' });
    const w = await client.records.create(witnessCardKind, { fullName: 'محمد' });
    expect(w.compartment).toBe('witness');

    const notes = await client.records.list(noteKind);
    expect(notes.unreadable).toEqual([]);
    expect(notes.records.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    const witnesses = await client.records.list(witnessCardKind);
    expect(witnesses.records.map((r) => r.body.fullName)).toEqual(['محمد']);
    await expect(client.records.read(noteKind, w.id)).rejects.toBeInstanceOf(RecordNotFoundError);
    await client.dispose();
  });

  it('lists chosen fields only, validated by a small schema, with unreadable rows still reported', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const a = await client.records.create(noteKind, { title: 'kept', text: 'FieldCanary stays in the worker' });
    const b = await client.records.create(noteKind, { title: 'moved', text: '' });
    const c = await client.records.create(noteKind, { title: 'too long', text: 'FieldCanary' });
    const titleOnly = z.strictObject({ title: z.string().max(5) });
    // `text` never reaches this thread; a picked field that fails the small schema makes the record unreadable.
    const seen: unknown[] = [];
    const listed = await client.records.listFields(noteKind, ['title'], (input) => (seen.push(input), titleOnly.parse(input)));
    expect(JSON.stringify(seen)).not.toContain('FieldCanary');
    const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
    expect(listed.records.map((r) => ({ id: r.id, version: r.version, body: r.body })).sort(byId)).toEqual([{ id: a.id, version: 1, body: { title: 'kept' } }, { id: b.id, version: 1, body: { title: 'moved' } }].sort(byId));
    expect(listed.unreadable).toEqual([{ id: c.id, problem: 'invalid-body' }]);

    // A row that fails to open is reported as by `list`.
    await client.lock('manual');
    const db = await rawDatabase(databaseName);
    await db.table('objects').put({ ...(await db.table('objects').get(a.id)), id: b.id });
    db.close();
    await client.unlock(PASSPHRASE);
    const after = await client.records.listFields(noteKind, ['title'], (input) => z.strictObject({ title: z.string() }).parse(input));
    expect(after.records.map((r) => r.id).sort()).toEqual([a.id, c.id].sort());
    expect(after.unreadable).toEqual([{ id: b.id, problem: 'tampered' }]);

    // A field list that is not a few plain names is refused.
    await expect(client.records.listFields(noteKind, [], (input) => input)).rejects.toThrow(/invalid field list/);
    await expect(client.records.listFields(noteKind, ['__proto__'], (input) => input)).rejects.toThrow(/invalid field list/);
    await client.dispose();
  });

  it('validates bodies on write and deletes records with their history', async () => {
    const { client } = await makeUnlockedVault();
    await expect(client.records.create(noteKind, { title: 1 } as never)).rejects.toBeInstanceOf(RecordValidationError);
    const note = await client.records.create(noteKind, { title: 'gone', text: '' });
    await client.records.delete(noteKind, note.id, 1);
    await expect(client.records.read(noteKind, note.id)).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(client.records.history(noteKind, note.id)).rejects.toBeInstanceOf(RecordNotFoundError);
    expect((await client.records.list(noteKind)).records).toEqual([]);
    const actions = (await client.auditTrail()).rows.map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(['record.create', 'record.delete']));
    await client.dispose();
  });

  it('refuses a record whose ciphertext was copied under another id', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const a = await client.records.create(noteKind, { title: 'a', text: '' });
    const b = await client.records.create(noteKind, { title: 'b', text: '' });
    await client.lock('manual');
    const db = await rawDatabase(databaseName);
    const rowA = await db.table('objects').get(a.id);
    await db.table('objects').put({ ...rowA, id: b.id });
    db.close();

    await client.unlock(PASSPHRASE);
    await expect(client.records.read(noteKind, b.id)).rejects.toMatchObject({ problem: 'tampered' });
    const listed = await client.records.list(noteKind);
    expect(listed.records.map((r) => r.id)).toEqual([a.id]);
    expect(listed.unreadable).toEqual([{ id: b.id, problem: 'tampered' }]);
    await client.dispose();
  });

  it('rejects an older genuine copy of a record written back (replay)', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const note = await client.records.create(noteKind, { title: 'v1', text: '' });
    await client.lock('manual');
    let db = await rawDatabase(databaseName);
    const oldRow = await db.table('objects').get(note.id);
    db.close();
    await client.unlock(PASSPHRASE);
    await client.records.update(noteKind, note.id, { title: 'v2', text: 'revised' }, 1);
    await client.lock('manual');

    db = await rawDatabase(databaseName);
    await db.table('objects').put(oldRow);
    db.close();
    await client.unlock(PASSPHRASE);
    const error = await client.records.read(noteKind, note.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecordIntegrityError);
    expect(error).toMatchObject({ problem: 'replayed' });
    await client.dispose();
  });

  it('does not resurrect a deleted record when its old rows are written back', async () => {
    const { client, databaseName } = await makeUnlockedVault();
    const note = await client.records.create(noteKind, { title: 'deleted', text: '' });
    await client.lock('manual');
    let db = await rawDatabase(databaseName);
    const objects = await db.table('objects').toArray();
    const versions = await db.table('versions').toArray();
    db.close();
    await client.unlock(PASSPHRASE);
    await client.records.delete(noteKind, note.id, 1);
    await client.lock('manual');

    db = await rawDatabase(databaseName);
    await db.table('objects').bulkPut(objects);
    await db.table('versions').bulkPut(versions);
    db.close();
    await client.unlock(PASSPHRASE);
    await expect(client.records.read(noteKind, note.id)).rejects.toBeInstanceOf(RecordNotFoundError);
    await expect(client.records.update(noteKind, note.id, { title: 'back', text: '' }, 1)).rejects.toBeInstanceOf(RecordNotFoundError);
    expect(await client.records.list(noteKind)).toEqual({ records: [], unreadable: [] });
    await client.dispose();
  });
});
