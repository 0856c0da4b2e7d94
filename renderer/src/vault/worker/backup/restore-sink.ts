/**
 * Where a backup's entries go while `readBundle` verifies them: straight into the new vault's
 * database, sealed under the new keys. Runs in the vault worker.
 *
 * The database is the quarantine: nothing in it can be opened until the keyring is written,
 * which happens only after the whole bundle verified and `finish` committed the head index
 * (restore.ts). Any failure before that deletes the database.
 *
 * Besides the bundle's own checks, the layout is enforced here (layout.ts): entry order, the
 * schema of every entry, every record's versions 1..n in order and each id once, each
 * attachment's bytes matching its record (size and SHA-256), the signer being the identity
 * the backup carries, and the counts the vault entry states.
 */
import type { BundleSender, Manifest, ManifestEntry, QuarantineSink } from '../../../../../shared/bundle';
import { fromBase64url, fromHex } from '../../../../../shared/bundle';
import { concatBytes } from '../../../../../shared/crypto/bytes';
import { getSodium, newRecordId, wipe, type Compartment, type UnlockedKeyring } from '../../../../../shared/crypto';
import { idFromBytes, type Id } from '../../../../../shared/domain/ids';
import { BackupError, RecordValidationError, VaultStorageFullError } from '../../vault-errors';
import { ATTACHMENT_TYPE } from '../attachment-format';
import { AUDIT_TYPE } from '../audit-log';
import { isQuotaError, type StoredObject, type VaultDatabase } from '../database';
import type { HeadEntry } from '../head-index';
import { sealRow } from '../sealed-rows';
import { auditBatchSchema, backupVaultSchema, BACKUP_TYPES, recordBatchSchema, type BackupVault, type LiveItem, type RecordItem } from './layout';
import { RestoredBlob } from './restore-blob';
import { restoredKeyring } from './restore-keyring';
import { applySettings, DEFAULT_SETTINGS } from '../settings';

type Phase = 'vault' | 'records' | 'audit' | 'blobs';

/** The record whose versions are arriving. */
interface Open {
  readonly id: Id;
  readonly type: string;
  readonly compartment: Compartment;
  readonly of: number;
  readonly history: Id[];
  readonly items: LiveItem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const notBackup = () => new BackupError('not-a-backup');

function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, bytes: Uint8Array): T {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    throw notBackup();
  }
  const result = schema.safeParse(value);
  if (!result.success) throw notBackup();
  return result.data;
}

/** Writes rows in one transaction that awaits only Dexie. */
async function putRows(db: VaultDatabase, objects: StoredObject[], versions: StoredObject[], audit: StoredObject[] = []): Promise<void> {
  try {
    await db.transaction('rw', [db.objects, db.versions, db.audit], async () => {
      if (objects.length) await db.objects.bulkPut(objects);
      if (versions.length) await db.versions.bulkPut(versions);
      if (audit.length) await db.audit.bulkAdd(audit);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new VaultStorageFullError();
    throw error;
  }
}

/** The restore's quarantine sink; `keyring` and `heads` are read by restore.ts once verified. */
export class RestoreSink implements QuarantineSink {
  private phase: Phase = 'vault';
  private parts: Uint8Array[] = [];
  private blob: { readonly id: Id; readonly writer: RestoredBlob } | null = null;
  private sender: BundleSender | null = null;
  private open: Open | null = null;
  private readonly seen = new Set<Id>();
  /** Attachment records waiting for their bytes: their rows need the new blob key. */
  private readonly waiting = new Map<Id, Open>();
  private readonly counted = { records: 0, versions: 0, audit: 0, attachments: 0 };
  private lastAuditSeq = 0;
  /** The signed manifest's audit checkpoint: must equal the vault entry's audit head. */
  private checkpoint: Manifest['audit_checkpoint'] | null = null;
  /** The head index being rebuilt. */
  readonly heads = new Map<Id, HeadEntry>();
  vault: BackupVault | null = null;
  /** The restored keyring (owned by the sink until `take`). */
  private restored: UnlockedKeyring | null = null;

  constructor(
    private readonly db: VaultDatabase,
    private readonly created: UnlockedKeyring,
  ) {}

  /** The keyring rows are sealed under; only once the vault entry was read. */
  get keyring(): UnlockedKeyring {
    if (!this.restored) throw notBackup();
    return this.restored;
  }

  begin(manifest: Manifest, sender: BundleSender): void {
    if (manifest.entries[0]?.type !== BACKUP_TYPES.vault || manifest.redaction !== 'identified') throw notBackup();
    this.sender = sender;
    this.checkpoint = manifest.audit_checkpoint;
  }

  async beginEntry(entry: ManifestEntry, index: number): Promise<void> {
    this.parts = [];
    const next = this.nextPhase(entry, index);
    if (!next) throw notBackup();
    this.phase = next;
    if (entry.kind === 'blob') {
      const id = idFromBytes(fromBase64url(entry.id, 16) ?? new Uint8Array(16));
      if (!this.waiting.has(id)) throw notBackup();
      this.blob = { id, writer: await RestoredBlob.begin(this.db, id) };
    }
  }

  /** The phase `entry` belongs to, or null if it may not come here. */
  private nextPhase(entry: ManifestEntry, index: number): Phase | null {
    if (index === 0) return entry.type === BACKUP_TYPES.vault ? 'vault' : null;
    if (entry.kind === 'blob') return this.phase !== 'vault' ? 'blobs' : null;
    if (entry.type === BACKUP_TYPES.records) return this.phase === 'vault' || this.phase === 'records' ? 'records' : null;
    if (entry.type === BACKUP_TYPES.audit) return this.phase === 'vault' || this.phase === 'records' || this.phase === 'audit' ? 'audit' : null;
    return null;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (this.blob) await this.blob.writer.append(bytes);
    else this.parts.push(bytes);
  }

  async endEntry(entry: ManifestEntry): Promise<void> {
    if (entry.kind === 'blob') return this.endBlob();
    const bytes = concatBytes(...this.parts);
    this.parts = [];
    if (entry.type === BACKUP_TYPES.vault) return this.endVault(bytes);
    if (entry.type === BACKUP_TYPES.records) return this.endRecords(bytes);
    return this.endAudit(bytes);
  }

  private async endVault(bytes: Uint8Array): Promise<void> {
    const vault = parse(backupVaultSchema, bytes);
    const checkpoint = this.checkpoint;
    if (!checkpoint || checkpoint.seq !== vault.vault.audit.seq || checkpoint.head !== vault.vault.audit.head) throw notBackup();
    const keyring = await restoredKeyring(this.created, vault.vault);
    this.restored = keyring;
    const sender = this.sender;
    const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);
    // Whoever knows the passphrase could sign a bundle with a key of their own: only the
    // identity inside the backup may have signed it.
    if (!sender || !same(sender.signPublicKey, keyring.identity.signPublicKey) || !same(sender.boxPublicKey, keyring.identity.boxPublicKey)) {
      throw new BackupError('signer-mismatch');
    }
    this.vault = vault;
  }

  /** Takes one item of a record; returns the rows to write now (none for attachments). */
  private async take(item: RecordItem, objects: StoredObject[], versions: StoredObject[]): Promise<void> {
    if ('deleted' in item) {
      if (this.open || this.seen.has(item.id)) throw notBackup();
      this.seen.add(item.id);
      this.heads.set(item.id, { type: item.type, compartment: item.compartment, version: item.version, history: [], deleted: true });
      this.counted.records += 1;
      return;
    }
    let open = this.open;
    if (!open) {
      if (item.version !== 1 || this.seen.has(item.id)) throw notBackup();
      this.seen.add(item.id);
      open = { id: item.id, type: item.type, compartment: item.compartment, of: item.of, history: [], items: [] };
      this.open = open;
    }
    if (item.id !== open.id || item.type !== open.type || item.compartment !== open.compartment || item.of !== open.of || item.version !== open.items.length + 1) throw notBackup();
    open.items.push(item);
    this.counted.versions += 1;
    if (item.version < open.of) return;
    this.open = null;
    this.counted.records += 1;
    if (open.type === ATTACHMENT_TYPE) {
      this.waiting.set(open.id, open);
      return;
    }
    for (const version of open.items) await this.seal(open, version, version.body, objects, versions);
    this.heads.set(open.id, { type: open.type, compartment: open.compartment, version: open.of, history: open.history, deleted: false });
  }

  /** Seals one version (and, for the head version, the current row) under the new keys. */
  private async seal(open: Open, item: LiveItem, body: unknown, objects: StoredObject[], versions: StoredObject[]): Promise<void> {
    const content = { type: open.type, version: item.version, body: { at: item.savedAt, b: body } };
    const versionId = idFromBytes(await newRecordId());
    try {
      versions.push(await sealRow(this.keyring, { table: 'versions', id: versionId, compartment: open.compartment }, content));
      if (item.version === open.of) objects.push(await sealRow(this.keyring, { table: 'objects', id: open.id, compartment: open.compartment }, content));
    } catch (error) {
      if (error instanceof RecordValidationError) throw notBackup();
      throw error;
    }
    open.history.push(versionId);
  }

  private async endRecords(bytes: Uint8Array): Promise<void> {
    const batch = parse(recordBatchSchema, bytes);
    const objects: StoredObject[] = [];
    const versions: StoredObject[] = [];
    for (const item of batch.items) await this.take(item, objects, versions);
    await putRows(this.db, objects, versions);
  }

  private async endAudit(bytes: Uint8Array): Promise<void> {
    if (this.open) throw notBackup();
    const batch = parse(auditBatchSchema, bytes);
    const rows: StoredObject[] = [];
    for (const item of batch.entries) {
      // Strictly increasing; a gap is kept as it was (the restored vault then warns, like the original).
      if (item.s <= this.lastAuditSeq || !fromHex(item.h, 32)) throw notBackup();
      this.lastAuditSeq = item.s;
      const rowId = idFromBytes(await newRecordId());
      rows.push(await sealRow(this.keyring, { table: 'audit', id: rowId, compartment: 'general' }, { type: AUDIT_TYPE, version: 1, body: item }));
    }
    this.counted.audit += rows.length;
    await putRows(this.db, [], [], rows);
  }

  private async endBlob(): Promise<void> {
    const current = this.blob;
    const open = current && this.waiting.get(current.id);
    if (!current || !open) throw notBackup();
    this.blob = null;
    const stored = await current.writer.finish();
    try {
      const s = await getSodium();
      const head = open.items[open.items.length - 1]?.body;
      const meta = typeof head === 'object' && head !== null && !Array.isArray(head) ? head : {};
      if (meta['size'] !== stored.size || meta['sha256'] !== stored.sha256) throw new BackupError('damaged');
      const secrets = { k: s.to_base64(stored.blobKey, s.base64_variants.ORIGINAL), h: s.to_base64(stored.header, s.base64_variants.ORIGINAL) };
      const objects: StoredObject[] = [];
      const versions: StoredObject[] = [];
      for (const item of open.items) {
        const body = typeof item.body === 'object' && item.body !== null && !Array.isArray(item.body) ? { ...item.body, ...secrets } : item.body;
        await this.seal(open, item, body, objects, versions);
      }
      await putRows(this.db, objects, versions);
    } finally {
      wipe(stored.blobKey);
    }
    this.waiting.delete(open.id);
    this.counted.attachments += 1;
    this.heads.set(open.id, { type: open.type, compartment: open.compartment, version: open.of, history: open.history, deleted: false });
  }

  /** Everything arrived: no record half-told, no attachment without bytes, the counts as stated. */
  complete(): BackupVault {
    const vault = this.vault;
    if (!vault || this.open || this.waiting.size > 0) throw notBackup();
    const stated = vault.counts;
    const counted = this.counted;
    if (stated.records !== counted.records || stated.versions !== counted.versions || stated.audit !== counted.audit || stated.attachments !== counted.attachments) throw notBackup();
    if (this.lastAuditSeq > vault.vault.audit.seq) throw notBackup();
    try {
      applySettings(DEFAULT_SETTINGS, vault.vault.settings);
    } catch {
      throw notBackup();
    }
    return vault;
  }

  /** Hands the restored keyring to the caller (the sink no longer disposes it). */
  takeKeyring(): UnlockedKeyring {
    const keyring = this.keyring;
    this.restored = null;
    return keyring;
  }

  /** After a failure: forgets every key the sink holds. */
  dispose(): UnlockedKeyring | null {
    this.blob?.writer.dispose();
    this.blob = null;
    const keyring = this.restored;
    this.restored = null;
    return keyring;
  }
}
