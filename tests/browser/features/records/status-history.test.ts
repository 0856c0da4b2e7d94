import { afterEach, describe, expect, it } from 'vitest';
import { diffFields, SealedTestimonyError, StatusTransitionError, testimonyKind } from '../../../../renderer/src/features/records';
import { deleteTestDatabases } from '../../vault/support/vault-harness';
import { facilityInput, makeCase, session, testimonyInput } from './support/records-harness';

afterEach(deleteTestDatabases);

describe('status flow, sealing and amendment (enforced in the data layer)', () => {
  it('moves draft → complete → reviewed → sealed, refuses skips, and audits each change', async () => {
    const { client, file } = await makeCase();
    const { commands } = file;
    const t = await commands.createTestimony(testimonyInput());
    await expect(commands.changeTestimonyStatus(t.id, 'sealed', 1)).rejects.toBeInstanceOf(StatusTransitionError);
    // Completing needs a session (the schema says so): the field error comes back, nothing changes.
    await expect(commands.changeTestimonyStatus(t.id, 'complete', 1)).rejects.toMatchObject({ name: 'RecordValidationError' });
    const withSession = await commands.updateTestimony({ ...t.body, sessions: [session()] }, 1);
    const complete = await commands.changeTestimonyStatus(t.id, 'complete', withSession.version);
    const reviewed = await commands.updateTestimony({ ...complete.body, status: 'reviewed' }, complete.version);
    const sealed = await commands.changeTestimonyStatus(t.id, 'sealed', reviewed.version);
    expect(sealed.body.status).toBe('sealed');
    const statusRows = (await client.auditTrail()).rows.filter((row) => row.action === 'testimony.status');
    expect(statusRows.map((row) => [row.data['from'], row.data['to']])).toEqual([
      ['draft', 'complete'],
      ['complete', 'reviewed'],
      ['reviewed', 'sealed'],
    ]);
    expect(statusRows[2]?.data).toMatchObject({ id: t.id, v: sealed.version });
    file.store.dispose();
    await client.dispose();
  });

  it('refuses editing, un-sealing or deleting a sealed testimony; an amendment with a reason is a new sealed version', async () => {
    const { client, file } = await makeCase();
    const { commands, store } = file;
    const t = await commands.createTestimony(testimonyInput({}, { sessions: [session()], status: 'complete' }));
    await commands.changeTestimonyStatus(t.id, 'reviewed', 1);
    const sealed = await commands.changeTestimonyStatus(t.id, 'sealed', 2);

    await expect(commands.updateTestimony({ ...sealed.body, summary: 'quietly changed' }, sealed.version)).rejects.toBeInstanceOf(SealedTestimonyError);
    await expect(commands.updateTestimony({ ...sealed.body, status: 'reviewed' }, sealed.version)).rejects.toBeInstanceOf(SealedTestimonyError);
    await expect(commands.changeTestimonyStatus(t.id, 'complete', sealed.version)).rejects.toBeInstanceOf(SealedTestimonyError);
    await expect(commands.deleteTestimony(t.id, sealed.version)).rejects.toBeInstanceOf(SealedTestimonyError);
    await expect(commands.amendTestimony({ ...sealed.body, summary: 'x' }, '   ', sealed.version)).rejects.toMatchObject({ name: 'RecordValidationError' });

    const amended = await commands.amendTestimony({ ...sealed.body, summary: 'The witness corrected the year of arrest.' }, 'correction requested by the witness', sealed.version);
    expect(amended.body).toMatchObject({ status: 'sealed', amendment: { reason: 'correction requested by the witness', amends: { testimonyId: t.id, version: sealed.version } } });
    expect(store.data.testimonies.get(t.id)?.version).toBe(amended.version);
    await expect(commands.amendTestimony(amended.body, 'stale', sealed.version)).rejects.toMatchObject({ name: 'VersionConflictError' });

    // The sealed version is still in the history, unchanged.
    const history = await client.records.history(testimonyKind, t.id);
    expect(history.find((v) => v.version === sealed.version)?.body.summary).toBe(sealed.body.summary);
    const amendRow = (await client.auditTrail()).rows.find((row) => row.action === 'testimony.amend');
    expect(amendRow?.data).toMatchObject({ id: t.id, amends: sealed.version, v: amended.version });
    store.dispose();
    await client.dispose();
  });

  it('lists every version with its time and "this device", and diffs two versions field by field', async () => {
    const { client, file } = await makeCase();
    const { commands } = file;
    const place = await commands.createFacility(facilityInput(['صيدنايا']));
    const renamed = await commands.updateFacility({ ...place.body, names: [...place.body.names, { text: 'Saydnaya', lang: 'ar-Latn', kind: 'transliteration' }], authority: 'Military Police' }, 1);
    const versions = await commands.history('facility', place.id);
    expect(versions.map((v) => [v.version, v.author.kind])).toEqual([
      [1, 'this-device'],
      [2, 'this-device'],
    ]);
    expect(Date.parse(versions[1]?.savedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(versions[0]?.savedAt ?? ''));
    expect(versions[1]?.body).toEqual(renamed.body);
    expect(diffFields(versions[0]?.body, versions[1]?.body)).toEqual([
      { path: ['names', 1], labelPath: 'names', change: 'added', after: { text: 'Saydnaya', lang: 'ar-Latn', kind: 'transliteration' } },
      { path: ['authority'], labelPath: 'authority', change: 'added', after: 'Military Police' },
    ]);
    file.store.dispose();
    await client.dispose();
  });
});
