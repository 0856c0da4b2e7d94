// The session's keyring object is replaced, and the old one wiped, at every audit-head write
// (worker/keyring-holder.ts). Code that awaits a read before opening rows must open them with
// the keyring held *then* (`heldRowKeys`), or a list read across a head write fails as if the
// vault had locked.
import { afterEach, describe, expect, it } from 'vitest';
import { disposeKeyring, unlockWithPassphrase, type UnlockedKeyring } from '../../../shared/crypto';
import { VaultDatabase } from '../../../renderer/src/vault/worker/database';
import { readCurrent, type ListedEntry } from '../../../renderer/src/vault/worker/list-reading';
import { heldRowKeys } from '../../../renderer/src/vault/worker/sealed-rows';
import { defined, deleteTestDatabases, makeUnlockedVault, noteKind, PASSPHRASE, VAULT_TESTS } from './support/vault-harness';

afterEach(deleteTestDatabases);

describe('rows opened with the keyring held when they are opened', VAULT_TESTS, () => {
  it('opens rows read across a keyring replacement, with the new keyring', async () => {
    const { client, keyring, databaseName } = await makeUnlockedVault();
    const notes = [];
    for (let i = 0; i < 30; i += 1) notes.push(await client.records.create(noteKind, { title: `note ${i}`, text: 'نص' }));
    await client.lock('manual');

    // Two keyring objects with the same keys, as a head write makes the next one.
    const bytes = defined(keyring.bytes);
    const holder: { keyring: UnlockedKeyring } = { keyring: await unlockWithPassphrase(bytes, PASSPHRASE) };
    const next = await unlockWithPassphrase(bytes, PASSPHRASE);
    const db = new VaultDatabase(databaseName);
    await db.open();
    try {
      const entries: ListedEntry[] = notes.map((note) => [note.id, 'general', note.version]);
      const reading = readCurrent(db, heldRowKeys(holder), noteKind.type, entries);
      // While the rows are being read: the holder moves to the next keyring and wipes the old one.
      const old = holder.keyring;
      holder.keyring = next;
      disposeKeyring(old);

      const { records, unreadable } = await reading;
      expect(unreadable).toEqual([]);
      expect(records.map((record) => (record.body as { title: string }).title).sort()).toEqual(notes.map((note) => note.body.title).sort());
    } finally {
      db.close();
      disposeKeyring(holder.keyring);
    }
    await client.dispose();
  });
});
