import { describe, expect, it } from 'vitest';
import { auditBatchSchema, backupVaultSchema, recordBatchSchema } from '../../../../renderer/src/vault/worker/backup/layout';

const ID = 'AAECAwQFBgcICQoLDA0ODw';
const KEY = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
const SIG = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0-Pw';
const HEX = 'ab'.repeat(32);

const vault = {
  format: 'sijill-backup/1',
  created: '2026-03-01T09:30:00.000Z',
  vault: {
    generation: 7,
    senderSeq: 3,
    identity: { signSeed: KEY, boxSecret: KEY, binding: SIG },
    audit: { key: KEY, seq: 12, head: HEX },
    settings: { idleLockMinutes: 5, wipeAfterFailedUnlocks: null },
    settingsGeneration: 1,
    shards: [{ n: 0, generation: 2 }],
  },
  counts: { records: 1, versions: 1, audit: 12, attachments: 0 },
};

describe('sijill-backup/1 layout', () => {
  it('accepts a well-formed vault entry and refuses unknown keys, other formats and bad keys', () => {
    expect(backupVaultSchema.parse(vault)).toEqual(vault);
    expect(backupVaultSchema.safeParse({ ...vault, extra: 1 }).success).toBe(false);
    expect(backupVaultSchema.safeParse({ ...vault, format: 'sijill-backup/2' }).success).toBe(false);
    expect(backupVaultSchema.safeParse({ ...vault, vault: { ...vault.vault, audit: { ...vault.vault.audit, key: 'short' } } }).success).toBe(false);
    expect(backupVaultSchema.safeParse({ ...vault, vault: { ...vault.vault, shards: [{ n: 64, generation: 1 }] } }).success).toBe(false);
    expect(backupVaultSchema.safeParse({ ...vault, vault: { ...vault.vault, senderSeq: 0 } }).success).toBe(false);
  });

  it('takes live versions and tombstones, in either compartment, and nothing else', () => {
    const live = { id: ID, type: 'testimony', compartment: 'general', version: 1, of: 2, savedAt: '2026-03-01T09:30:00.000Z', body: { title: 'سجن صيدنايا' } };
    const tombstone = { id: ID, type: 'note', compartment: 'witness', version: 3, deleted: true };
    expect(recordBatchSchema.parse({ items: [live, tombstone] }).items).toHaveLength(2);
    expect(recordBatchSchema.safeParse({ items: [] }).success).toBe(false);
    expect(recordBatchSchema.safeParse({ items: [{ ...live, compartment: 'secret' }] }).success).toBe(false);
    expect(recordBatchSchema.safeParse({ items: [{ ...live, id: '../etc' }] }).success).toBe(false);
    expect(recordBatchSchema.safeParse({ items: [{ ...live, type: 'Not A Type' }] }).success).toBe(false);
    expect(recordBatchSchema.safeParse({ items: [{ ...tombstone, deleted: false }] }).success).toBe(false);
  });

  it('takes audit entries as stored, with a 64-hex hash and a positive sequence', () => {
    const entry = { s: 1, a: 'vault.create', at: '2026-03-01T09:30:00.000Z', d: { kg: 1 }, h: HEX };
    expect(auditBatchSchema.parse({ entries: [entry] }).entries[0]).toEqual(entry);
    expect(auditBatchSchema.safeParse({ entries: [{ ...entry, s: 0 }] }).success).toBe(false);
    expect(auditBatchSchema.safeParse({ entries: [{ ...entry, h: 'AB'.repeat(32) }] }).success).toBe(false);
  });
});
