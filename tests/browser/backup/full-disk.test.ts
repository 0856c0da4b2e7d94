import { afterEach, describe, expect, it } from 'vitest';
import { databaseExists } from '../../../renderer/src/vault/database-presence';
import { VaultStorageFullError } from '../../../renderer/src/vault/vault-errors';
import { quotaFault } from '../../fakes/quota-fault';
import { defined, deleteTestDatabases, makeUnlockedVault, noteKind, VAULT_TESTS } from '../vault/support/vault-harness';
import { BACKUP_PASSPHRASE, backupBytes, memorySource, NEW_PASSPHRASE, populate } from './support';

afterEach(deleteTestDatabases);

describe('restore on a full disk', VAULT_TESTS, () => {
  for (const table of ['versions', 'chunks', 'heads'] as const) {
    it(`leaves no vault when the disk fills while writing ${table}`, async () => {
      const fault = quotaFault();
      const { client, keyring, databaseName } = await makeUnlockedVault({ engine: { middleware: [fault.middleware] } });
      const made = await populate(client);
      const { bytes } = await backupBytes(client);
      await client.panicWipe();
      fault.failAfter(table, 0, { once: true });
      const restore = defined(client.restore);
      const options = { source: memorySource(bytes), backupPassphrase: BACKUP_PASSPHRASE, passphrase: NEW_PASSPHRASE, profile: 'moderate', withRecoveryKey: false } as const;
      await expect(restore(options)).rejects.toBeInstanceOf(VaultStorageFullError);
      expect(client.getState().status).toBe('first-run');
      expect(keyring.bytes).toBeNull();
      expect(await databaseExists(databaseName)).toBe(false);
      // With space again, the same file restores.
      await restore(options);
      expect((await client.records.read(noteKind, made.noteId)).version).toBe(3);
      await client.dispose();
    });
  }
});
