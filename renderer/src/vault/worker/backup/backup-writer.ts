/**
 * Writing a whole-vault backup: a `sijill-bundle/1` for a passphrase (and optionally this
 * device's own key) carrying the `sijill-backup/1` entries (layout.ts). Runs in the vault
 * worker: the plaintext and the keyring secrets never leave it except encrypted.
 *
 * Entry hashes must be in the manifest before the payload starts, so every entry is read
 * twice: once here to plan and hash (records in record-batches.ts, blobs with
 * `describeEntry`), and again while the bundle is encrypted. Memory stays flat in the size of
 * the vault's attachments; the audit trail (small rows) is held once.
 */
import { describeEntry, recordEntry, toBase64url, toHex, writeBundle, type BundleRecipient, type EntrySource, type WrittenBundle } from '../../../../../shared/bundle';
import { BundleError } from '../../../../../shared/bundle/errors';
import { checkNewPassphrase, newRecordId, PassphraseError, type KdfParams, type KdfProfileName } from '../../../../../shared/crypto';
import { resolveKdfParams } from '../../../../../shared/crypto/kdf-params';
import { idToBytes, type Id } from '../../../../../shared/domain/ids';
import type { BackupProgress, BackupOptions } from '../../backup-types';
import { BackupError, RecordNotFoundError } from '../../vault-errors';
import { argon2idInWorker } from '../argon2id-lane';
import { ATTACHMENT_TYPE } from '../attachment-format';
import { readAttachmentStream } from '../attachment-reader';
import { loadAttachment } from '../attachment-store';
import { loadAudit } from '../audit-log';
import { heldRowKeys } from '../sealed-rows';
import type { Session } from '../session';
import { AUDIT_BATCH, BACKUP_SENDER_LABEL, BACKUP_TYPES, type AuditItem } from './layout';
import { planRecordBatches } from './record-batches';
import { takeSnapshot, type RecordRef } from './snapshot';

/** A prepared backup. */
export interface PreparedBackup {
  readonly bundle: WrittenBundle;
  readonly bundleId: string;
  readonly entries: number;
}

/** Translates what can go wrong while reading the vault a second time. */
export function backupFailure(error: unknown): unknown {
  if (error instanceof RecordNotFoundError) return new BackupError('changed');
  if (error instanceof BundleError) return new BackupError(error.code === 'invalid-input' ? 'invalid-passphrase' : 'changed');
  return error;
}

/** The audit chain up to the snapshot's head, in `backup-audit` batches (held in memory). */
async function auditEntries(session: Session, upTo: number): Promise<{ entries: EntrySource[]; count: number }> {
  // Not under the write lock: a head write may replace the keyring while the rows are read.
  const loaded = await loadAudit(session.db, heldRowKeys(session.holder));
  const items: string[] = [];
  for (const { chained } of loaded) {
    // An entry that does not open is left out: the restored vault then warns, as this one does.
    if (!chained || chained.seq > upTo) continue;
    const item: AuditItem = { s: chained.seq, a: chained.entry.action, at: chained.entry.at, d: chained.entry.data as AuditItem['d'], h: toHex(chained.hash) };
    items.push(JSON.stringify(item));
  }
  const entries: EntrySource[] = [];
  for (let at = 0; at < items.length; at += AUDIT_BATCH) {
    const json = `{"entries":[${items.slice(at, at + AUDIT_BATCH).join(',')}]}`;
    entries.push(await recordEntry({ id: await newRecordId(), type: BACKUP_TYPES.audit, json }));
  }
  return { entries, count: items.length };
}

/** One blob entry per live attachment; its bytes are re-read (and re-verified) each pass. */
async function attachmentEntries(session: Session, records: readonly RecordRef[], onAttachment: () => void): Promise<EntrySource[]> {
  const entries: EntrySource[] = [];
  for (const { id, entry } of records) {
    if (entry.type !== ATTACHMENT_TYPE || entry.deleted) continue;
    entries.push(await describeEntry({ id: idToBytes(id), kind: 'blob', type: 'attachment', open: () => attachmentBytes(session, id) }));
    onAttachment();
  }
  return entries;
}

async function* attachmentBytes(session: Session, id: Id): AsyncGenerator<Uint8Array> {
  const record = await loadAttachment(session, id);
  try {
    yield* readAttachmentStream(session.db, record);
  } finally {
    record.blobKey.fill(0);
  }
}

/** Snapshots the vault, plans and hashes every entry, and prepares the bundle. */
export async function prepareBackup(
  session: Session,
  options: BackupOptions & { readonly kdf: KdfProfileName | KdfParams },
  onProgress: (progress: BackupProgress) => void,
): Promise<PreparedBackup> {
  const kdf = resolveKdfParams(options.kdf);
  try {
    checkNewPassphrase(options.passphrase);
  } catch (error) {
    if (error instanceof PassphraseError) throw new BackupError('invalid-passphrase');
    throw error;
  }
  const snapshot = await takeSnapshot(session);
  const attachments = snapshot.records.filter((ref) => ref.entry.type === ATTACHMENT_TYPE && !ref.entry.deleted).length;
  const total = snapshot.records.length + attachments;
  let done = 0;
  const step = (value: number) => {
    done = value;
    onProgress({ phase: 'preparing', done, total });
  };
  try {
    const records = await planRecordBatches(session, snapshot.records, step);
    const audit = await auditEntries(session, snapshot.auditSeq);
    const blobs = await attachmentEntries(session, snapshot.records, () => step(done + 1));
    const versions = snapshot.records.reduce((sum, ref) => sum + (ref.entry.deleted ? 0 : ref.entry.version), 0);
    const vault = { ...snapshot.vault, counts: { records: snapshot.records.length, versions, audit: audit.count, attachments: blobs.length } };
    const vaultEntry = await recordEntry({ id: await newRecordId(), type: BACKUP_TYPES.vault, json: JSON.stringify(vault) });
    const entries = [vaultEntry, ...records, ...audit.entries, ...blobs];
    const identity = session.holder.keyring.identity;
    const recipients: BundleRecipient[] = [{ kind: 'passphrase', passphrase: options.passphrase, kdf }];
    if (options.includeDeviceKey) {
      recipients.push({ kind: 'identity', identity: { label: BACKUP_SENDER_LABEL, signPublicKey: identity.signPublicKey, boxPublicKey: identity.boxPublicKey } });
    }
    const bundle = await writeBundle({
      sender: identity,
      senderLabel: BACKUP_SENDER_LABEL,
      recipients,
      entries,
      senderSeq: snapshot.senderSeq,
      redaction: 'identified',
      auditCheckpoint: { seq: snapshot.auditSeq, head: snapshot.auditHead },
      // The backup passphrase's Argon2id on a thread of its own: this one's WASM heap would keep its memory.
      kdf: argon2idInWorker,
    });
    return { bundle, bundleId: toBase64url(bundle.bundleId), entries: entries.length };
  } catch (error) {
    throw backupFailure(error);
  }
}
