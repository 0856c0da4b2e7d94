// The small additions to the vault this feature needs: caller-chosen record ids and
// feature audit entries, both checked in the worker.
import { afterEach, describe, expect, it } from 'vitest';
import { facilityKind, newRecordId } from '../../../../renderer/src/features/records';
import { RecordIntegrityError } from '../../../../renderer/src/vault/vault-errors';
import { deleteTestDatabases, makeUnlockedVault } from '../../vault/support/vault-harness';
import { facilityInput } from './support/records-harness';

afterEach(deleteTestDatabases);

describe('vault additions for case records', () => {
  it('creates a record under a chosen id and never reuses an id, live or deleted', async () => {
    const { client } = await makeUnlockedVault();
    const id = newRecordId();
    const created = await client.records.create(facilityKind, { ...facilityInput(['Sednaya']), id }, { id });
    expect(created.id).toBe(id);
    await expect(client.records.create(facilityKind, { ...facilityInput(['again']), id }, { id })).rejects.toBeInstanceOf(RecordIntegrityError);
    await client.records.delete(facilityKind, id, 1);
    await expect(client.records.create(facilityKind, { ...facilityInput(['revived']), id }, { id })).rejects.toMatchObject({ problem: 'tampered' });
    await expect(client.records.create(facilityKind, { ...facilityInput(['bad id']), id: 'not-an-id' }, { id: 'not-an-id' })).rejects.toBeTruthy();
    await client.dispose();
  });

  it('appends feature audit entries with known codes and flat, small data only', async () => {
    const { client } = await makeUnlockedVault();
    await client.appendAudit('record.merge', { entity: 'facility', survivor: newRecordId(), merged: newRecordId(), names: 2, links: 7 });
    const rows = (await client.auditTrail()).rows.filter((row) => row.action === 'record.merge');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ verified: true, data: { entity: 'facility', names: 2, links: 7 } });
    await expect(client.appendAudit('vault.create' as never, {})).rejects.toThrow(/unknown feature audit action/);
    await expect(client.appendAudit('record.merge', { nested: { a: 1 } } as never)).rejects.toThrow(/small flat object/);
    await expect(client.appendAudit('record.merge', { text: 'x'.repeat(65) })).rejects.toThrow(/small flat object/);
    await expect(client.appendAudit('record.merge', { kg: 1 })).rejects.toThrow(/small flat object/);
    expect((await client.auditTrail()).warning).toBeNull();
    await client.dispose();
  });
});
