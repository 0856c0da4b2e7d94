// Restoring an older backup must not reuse a sender sequence number: bundles sent after the
// backup was taken used numbers the backup cannot know, and a partner refuses a (sender,
// number) pair it has seen as a replay (docs/backup-format.md, "Restoring").
import { afterEach, describe, expect, it } from 'vitest';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { defined, deleteTestDatabases, makeUnlockedVault, VAULT_TESTS } from '../vault/support/vault-harness';
import { grantTo, pullAll, readAsPartner, request, seedEntities, seedTestimony, verifiedPartner } from '../export/support';
import { BACKUP_PASSPHRASE, backupBytes, memorySource, NEW_PASSPHRASE } from './support';

afterEach(deleteTestDatabases);

/** Exports `testimonyId` to `contactId` and saves the whole file. */
async function exportTo(client: VaultClient, testimonyId: string, contactId: string): Promise<Uint8Array> {
  const begun = await client.exports.begin(request([testimonyId], [contactId]));
  if (!begun.ok) throw new Error(`export refused: ${begun.refusal}`);
  const file = await pullAll(begun.job.chunks());
  await begun.job.finish();
  return file;
}

describe('sender sequence after a restore', VAULT_TESTS, () => {
  it('moves past every number used after the backup, so the partner sees no replay', async () => {
    const { client } = await makeUnlockedVault();
    const { identity: partner, contact } = await verifiedPartner(client);
    const links = await seedEntities(client);
    const t = await seedTestimony(client, links, [grantTo([contact.id])], 1);
    const { bytes: backup } = await backupBytes(client);

    // Sent after the backup: the backup does not know this number.
    const own = await client.identity();
    const before = (await readAsPartner(await exportTo(client, t.id, contact.id), partner, own)).bundle;

    await client.panicWipe();
    const restoredAt = Date.now();
    await defined(client.restore)({ source: memorySource(backup), backupPassphrase: BACKUP_PASSPHRASE, passphrase: NEW_PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ status: 'unlocked', auditWarning: null });

    const after = (await readAsPartner(await exportTo(client, t.id, contact.id), partner, await client.identity())).bundle;
    // Same sender (the identity is restored), a number the partner has not seen.
    expect(after.sender.trust.status).toBe('verified');
    expect(after.manifest.sender.fingerprint).toBe(before.manifest.sender.fingerprint);
    expect(after.manifest.sender_seq).toBeGreaterThan(before.manifest.sender_seq);
    // The documented rule: at least the restore's milliseconds since 1970.
    expect(after.manifest.sender_seq).toBeGreaterThan(restoredAt);
    await client.dispose();
  });
});
