// After a merge the audit head goes to the keyring at once (as after an export), not on the
// timer: a database put back to before the merge — which also takes the bundle out of the
// replay ledger — is noticed at the next unlock even if the app died right after the merge.
import { afterEach, describe, expect, it } from 'vitest';
import { createIdentity } from '../../../shared/crypto/identity';
import { getSodium } from '../../../shared/crypto/sodium';
import { defined, deleteTestDatabases, dumpDatabase, makeUnlockedVault, PASSPHRASE, rawDatabase, VAULT_TESTS } from '../vault/support/vault-harness';
import { addPartner, caseFile, openedFile, ourRecipient, sealBundle } from './support';

afterEach(deleteTestDatabases);

/** Puts every table of the database back to `dump` (a copy taken with dumpDatabase). */
async function putBack(name: string, dump: Record<string, unknown[]>): Promise<void> {
  const db = await rawDatabase(name);
  try {
    for (const table of db.tables) {
      await table.clear();
      await table.bulkPut(dump[table.name] ?? []);
    }
  } finally {
    db.close();
  }
}

describe('audit anchor after an import', VAULT_TESTS, () => {
  it('writes the keyring before the merge returns, so a rolled-back database is noticed', async () => {
    const { client, keyring, databaseName } = await makeUnlockedVault();
    const partner = createIdentity(await getSodium(), undefined);
    await addPartner(client, partner);
    // Lock and unlock: the head is written and no flush timer is left pending.
    await client.lock('manual');
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    const imports = defined(client.imports, 'imports');
    const bytes = await sealBundle({ sender: partner, recipients: [await ourRecipient(client)], seq: 9, ...(await caseFile()) });
    const opened = await imports.open(openedFile(bytes));
    if (!opened.ok) throw new Error(`refused: ${opened.problem} ${opened.code}`);
    const beforeMerge = await dumpDatabase(databaseName);
    const keyringBefore = keyring.bytes;

    expect(await imports.merge(opened.summary.importId)).toMatchObject({ ok: true });
    // As if the app died now: the keyring file is whatever was written by the time merge returned.
    const anchored = keyring.bytes;
    expect(anchored).not.toEqual(keyringBefore);

    await client.lock('manual');
    keyring.set(anchored);
    await putBack(databaseName, beforeMerge);
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    await client.auditChecked();
    expect(client.getState()).toMatchObject({ status: 'unlocked', auditWarning: { problem: expect.any(String) } });
    await client.dispose();
  });
});
