/**
 * Shared set-up for backup tests (browser tier): a vault with a bit of everything, a backup
 * written to memory through the real client, and a source that reads it back in slices.
 */
import { expect } from 'vitest';
import { z } from 'zod';
import type { BackupSource } from '../../../renderer/src/vault/backup-types';
import { defineRecordKind } from '../../../renderer/src/vault/record-kind';
import type { VaultClient } from '../../../renderer/src/vault/vault-client';
import { databaseExists } from '../../../renderer/src/vault/database-presence';
import { BackupError } from '../../../renderer/src/vault/vault-errors';
import { draftFor, newOwner, patternBytes } from '../attachments/support';
import { concatBytes } from '../../../shared/crypto/bytes';
import { defined, noteKind, witnessCardKind, type Harness } from '../vault/support/vault-harness';

export const BACKUP_PASSPHRASE = 'نسخة احتياطية للخزنة — backup 2026';
export const NEW_PASSPHRASE = 'a new passphrase for the restored vault';
/** A contact-like record kind (contacts are ordinary records). */
export const partnerKind = defineRecordKind('partner-card', 'general', z.strictObject({ label: z.string(), verified: z.boolean() }));

/** What the populated vault holds, to compare after a restore. */
export interface Populated {
  readonly noteId: string;
  readonly witnessId: string;
  readonly deletedId: string;
  readonly partnerId: string;
  readonly attachmentId: string;
  readonly attachmentBytes: Uint8Array<ArrayBuffer>;
  readonly emptyAttachmentId: string;
}

/** Records in both compartments, several versions, a deleted record, attachments (one empty, one over two chunks). */
export async function populate(client: VaultClient): Promise<Populated> {
  const note = await client.records.create(noteKind, { title: 'Sednaya Prison, wing B', text: 'first account' });
  await client.records.update(noteKind, note.id, { title: 'Sednaya Prison, wing B', text: 'amended account' }, 1);
  await client.records.update(noteKind, note.id, { title: 'سجن صيدنايا، الجناح ب', text: 'النص الثالث' }, 2);
  const witness = await client.records.create(witnessCardKind, { fullName: 'Witness W-017 (fictional)' });
  const gone = await client.records.create(noteKind, { title: 'to delete', text: '' });
  await client.records.delete(noteKind, gone.id, 1);
  const partner = await client.records.create(partnerKind, { label: 'Partner legal team', verified: true });
  const owner = newOwner();
  const bytes = patternBytes(150_000);
  const info = await client.attachments.importFile(new Blob([bytes]), draftFor(owner, 'interview.pdf', 'application/pdf'));
  const empty = await client.attachments.importFile(new Blob([]), draftFor(owner, 'empty.txt', 'text/plain'));
  return { noteId: note.id, witnessId: witness.id, deletedId: gone.id, partnerId: partner.id, attachmentId: info.id, attachmentBytes: bytes, emptyAttachmentId: empty.id };
}

/** Writes a backup through the client and returns its bytes (the audit entry is written). */
export async function backupBytes(client: VaultClient, includeDeviceKey = false): Promise<{ bytes: Uint8Array<ArrayBuffer>; bundleId: string; entries: number }> {
  const stream = await defined(client.backups, 'backups').create({ passphrase: BACKUP_PASSPHRASE, includeDeviceKey });
  const parts: Uint8Array[] = [];
  for await (const piece of stream.chunks) parts.push(piece);
  await stream.finish();
  const bytes = concatBytes(...parts);
  if (bytes.length !== stream.size) throw new Error('the backup is not the size it announced');
  return { bytes, bundleId: stream.bundleId, entries: stream.entries };
}

/** Reads `bytes` in slices, like an opened file. */
export function memorySource(bytes: Uint8Array): BackupSource {
  return { size: bytes.length, read: async (offset, length) => bytes.slice(offset, offset + length) };
}

/** Restores `source` into the wiped vault of `client`: the new passphrase, the normal profile. */
export function restoreFrom(client: VaultClient, source: Uint8Array, backupPassphrase = BACKUP_PASSPHRASE): Promise<unknown> {
  return defined(client.restore, 'restore')({ source: memorySource(source), backupPassphrase, passphrase: NEW_PASSPHRASE, profile: 'moderate', withRecoveryKey: false });
}

/** Expects the restore of `source` to be refused with `problem`, leaving no vault: still first run, no keyring, no database. */
export async function expectRestoreRefused(vault: Harness, source: Uint8Array, problem: BackupError['problem'], backupPassphrase = BACKUP_PASSPHRASE): Promise<void> {
  const error = await restoreFrom(vault.client, source, backupPassphrase).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BackupError);
  expect((error as BackupError).problem).toBe(problem);
  expect(vault.client.getState().status).toBe('first-run');
  expect(vault.keyring.bytes).toBeNull();
  expect(await databaseExists(vault.databaseName)).toBe(false);
}
