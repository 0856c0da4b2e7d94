/**
 * The `sijill-backup/1` layout: what the record entries of a backup bundle hold (the bundle
 * itself is `sijill-bundle/1`, docs/bundle-format.md; this layout is docs/backup-format.md).
 * Pure zod schemas and constants, no storage: the vault worker writes and reads these, and a
 * node test pins them.
 *
 * Entries, in this order (the restore refuses any other):
 *   1. one record `sijill-backup`  — the vault: keyring secrets that make it "the same vault"
 *      (device identity, audit key and head, sender sequence, generation), settings, and the
 *      generation of every head shard (the audit trail records them; see audit-verify.ts)
 *   2. records `backup-records`    — every version of every record, plaintext bodies, in
 *      record order (all versions of one record consecutive, oldest first), and tombstones
 *   3. records `backup-audit`      — the audit chain entries as stored (seq, action, time, data, hash)
 *   4. blobs `attachment`          — one per live attachment, entry id = attachment id,
 *      the original bytes (SHA-256 as shown at capture)
 */
import { z } from 'zod';
import { base64urlPattern } from '../../../../../shared/bundle/encoding';
import { idSchema } from '../../../../../shared/domain/ids';

/** The layout's version tag. A change in meaning is a new tag. */
export const BACKUP_FORMAT = 'sijill-backup/1';
/** Manifest entry types. */
export const BACKUP_TYPES = { vault: 'sijill-backup', records: 'backup-records', audit: 'backup-audit' } as const;
/** Sender label written into every backup's manifest (a label, never proof of anything). */
export const BACKUP_SENDER_LABEL = 'Sijill vault backup';
/** A record batch is closed once its JSON passes this many bytes (entries may hold 16 MiB). */
export const RECORD_BATCH_BYTES = 4 * 1024 * 1024;
/** Audit entries per batch: at most 16 KiB each, so a batch stays under 8 MiB. */
export const AUDIT_BATCH = 500;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const key32 = z.string().regex(base64urlPattern(32));
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const positive = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const recordType = z.string().regex(/^[a-z][a-z0-9-]{0,47}$/);
const compartment = z.enum(['general', 'witness']);

/** Entry 1: the vault itself. Key material lives only here, inside the encrypted bundle. */
export const backupVaultSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  created: z.string().max(40),
  vault: z.strictObject({
    /** The keyring generation at backup time: the restored keyring continues above it. */
    generation: positive,
    /** The sender sequence number this backup used (the restored device continues above it). */
    senderSeq: positive,
    identity: z.strictObject({ signSeed: key32, boxSecret: key32, binding: z.string().regex(base64urlPattern(64)) }),
    /** The key the audit chain continues under, and the chain's head. */
    audit: z.strictObject({ key: key32, seq: count, head: hex64 }),
    settings: z.strictObject({ idleLockMinutes: z.number().int(), wipeAfterFailedUnlocks: z.number().int().nullable() }),
    settingsGeneration: count,
    /** Head shards that were ever written, with their generation (0..63, strictly increasing). */
    shards: z.array(z.strictObject({ n: z.number().int().min(0).max(63), generation: positive })).max(64),
  }),
  counts: z.strictObject({ records: count, versions: count, audit: count, attachments: count }),
});
export type BackupVault = z.infer<typeof backupVaultSchema>;

/** One version of a live record: `version` of `of` (the head version), with its plaintext body. */
export const liveItemSchema = z.strictObject({
  id: idSchema,
  type: recordType,
  compartment,
  version: positive,
  of: positive,
  savedAt: z.string().min(1).max(64),
  body: z.json(),
});
/** A deleted record: its id stays taken in the restored vault. */
export const tombstoneItemSchema = z.strictObject({ id: idSchema, type: recordType, compartment, version: positive, deleted: z.literal(true) });
export const recordItemSchema = z.union([liveItemSchema, tombstoneItemSchema]);
export type LiveItem = z.infer<typeof liveItemSchema>;
export type TombstoneItem = z.infer<typeof tombstoneItemSchema>;
export type RecordItem = z.infer<typeof recordItemSchema>;

export const recordBatchSchema = z.strictObject({ items: z.array(recordItemSchema).min(1) });

/** An audit entry exactly as the vault stores it inside its envelope (audit-log.ts). */
export const auditItemSchema = z.strictObject({ s: positive, a: z.string().min(1).max(64), at: z.string().max(64), d: z.json(), h: hex64 });
export type AuditItem = z.infer<typeof auditItemSchema>;
export const auditBatchSchema = z.strictObject({ entries: z.array(auditItemSchema).min(1).max(AUDIT_BATCH) });
