// Restore trusts only the identity inside the backup (security review of issue 6): whoever
// knows the backup passphrase can re-seal a backup's entries under a key of their own; such a
// bundle verifies as a bundle, but its signer is not the identity it carries, so it is refused
// and no vault is left behind.
import { afterEach, describe, expect, it } from 'vitest';
import { describeEntry, readBundle, recordEntry, writeBundle, type EntrySource, type QuarantineSink } from '../../../shared/bundle';
import { fromBase64url, fromHex } from '../../../shared/bundle/encoding';
import { KDF_FLOOR } from '../../../shared/crypto/kdf-params';
import { createIdentity } from '../../../shared/crypto/identity';
import { getSodium } from '../../../shared/crypto/sodium';
import { concatBytes } from '../../../shared/crypto/bytes';
import { defined, deleteTestDatabases, makeUnlockedVault, VAULT_TESTS } from '../vault/support/vault-harness';
import { BACKUP_PASSPHRASE, backupBytes, expectRestoreRefused, populate, restoreFrom } from './support';

afterEach(deleteTestDatabases);

/** Opens `bytes` with the backup passphrase and re-seals every entry, unchanged, signed by another identity. */
async function resealedByStranger(bytes: Uint8Array): Promise<Uint8Array> {
  const held: { id: string; kind: 'record' | 'blob'; type: string; parts: Uint8Array[] }[] = [];
  const sink: QuarantineSink = {
    beginEntry: (entry) => void held.push({ id: entry.id, kind: entry.kind, type: entry.type, parts: [] }),
    write: (piece) => void held.at(-1)?.parts.push(piece.slice()),
    endEntry: () => undefined,
  };
  const source = (async function* () {
    yield bytes;
  })();
  const { manifest } = await readBundle(source, { unlock: { passphrase: BACKUP_PASSPHRASE }, sink, totalBytes: bytes.length });
  const entries: EntrySource[] = [];
  for (const entry of held) {
    const id = defined(fromBase64url(entry.id, 16), 'entry id');
    const body = concatBytes(...entry.parts);
    entries.push(
      entry.kind === 'record'
        ? await recordEntry({ id, type: entry.type, json: body })
        : await describeEntry({ id, kind: 'blob', type: 'attachment', open: async function* () { yield body; } }),
    );
  }
  const stranger = createIdentity(await getSodium(), undefined);
  const written = await writeBundle({
    sender: stranger,
    senderLabel: manifest.sender.label,
    recipients: [{ kind: 'passphrase', passphrase: BACKUP_PASSPHRASE, kdf: KDF_FLOOR }],
    entries,
    senderSeq: manifest.sender_seq,
    redaction: manifest.redaction,
    auditCheckpoint: { seq: manifest.audit_checkpoint.seq, head: defined(fromHex(manifest.audit_checkpoint.head, 32), 'audit head') },
  });
  const out: Uint8Array[] = [];
  for await (const chunk of written.chunks) out.push(chunk);
  return concatBytes(...out);
}

describe('restore and the backup signer', VAULT_TESTS, () => {
  it('refuses a backup re-sealed by another identity, leaving no vault; the original still restores', async () => {
    const vault = await makeUnlockedVault();
    const { client } = vault;
    await populate(client);
    const { bytes } = await backupBytes(client);
    await client.panicWipe();
    const forged = await resealedByStranger(bytes);

    await expectRestoreRefused(vault, forged, 'signer-mismatch');

    await restoreFrom(client, bytes);
    expect(client.getState().status).toBe('unlocked');
    await client.dispose();
  });
});
