/**
 * The deferred audit check in bounded memory (worker/audit-background.ts) against the up-front
 * check (`checkAudit` over every row loaded at once): on the same vault, tampered each way we
 * know, both give the same warning, and a row changed between the check's two passes is
 * reported as checking the vault as it ends up would report it.
 */
import type { Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { getSodium, newRecordId, unlockWithPassphrase, type ChainedAuditEntry, type UnlockedKeyring } from '../../../shared/crypto';
import { idFromBytes } from '../../../shared/domain/ids';
import type { AuditWarning } from '../../../renderer/src/vault/vault-client';
import { anchorAtOpening, AUDIT_BATCH, checkInBackground } from '../../../renderer/src/vault/worker/audit-background';
import { AUDIT_TYPE, loadAudit } from '../../../renderer/src/vault/worker/audit-log';
import { checkAudit } from '../../../renderer/src/vault/worker/audit-verify';
import { VaultDatabase, type StoredObject } from '../../../renderer/src/vault/worker/database';
import { openSession } from '../../../renderer/src/vault/worker/open-session';
import { sealRow } from '../../../renderer/src/vault/worker/sealed-rows';
import type { Session } from '../../../renderer/src/vault/worker/session';
import { defined, deleteTestDatabases, makeUnlockedVault, noteKind, PASSPHRASE, rawDatabase, type Harness, VAULT_TESTS } from './support/vault-harness';

afterEach(deleteTestDatabases);

const s = await getSodium();
const NEW_PASSPHRASE = 'a completely different passphrase';

/** Generations of the tracked rows as the session opened with them (what open-session.ts anchors). */
function generationsOf(session: Session): Map<string, number> {
  const generations = new Map<string, number>();
  for (const shard of session.heads.all()) if (!session.heads.broken.has(shard.number)) generations.set(`h${shard.number}`, shard.generation);
  generations.set('settings', session.settingsRowGeneration);
  return generations;
}

interface Verdicts {
  readonly streamed: AuditWarning | null;
  readonly upFront: AuditWarning | null;
}

/**
 * Opens the vault as the app does, then runs both checks on the rows there were at opening,
 * against the same anchor and generations: the deferred one first (`pause` runs before each of
 * its batches, numbered from 1), then the up-front one over the rows as they are afterwards.
 */
async function bothChecks(h: Harness, options: { pause?: (batch: number, databaseName: string) => Promise<void>; passphrase?: string; keyringBytes?: Uint8Array } = {}): Promise<Verdicts> {
  const bytes = options.keyringBytes ?? defined(h.keyring.bytes);
  const db = new VaultDatabase(h.databaseName);
  await db.open();
  const atOpening = new Set(await db.audit.toCollection().primaryKeys());
  const keyring = await unlockWithPassphrase(bytes, options.passphrase ?? PASSPHRASE);
  const opening = { auditKey: keyring.auditKey.slice(), auditHead: { seq: keyring.auditHead.seq, hash: keyring.auditHead.hash.slice() }, generation: keyring.generation };
  const { session } = await openSession({ db, keyring, keyringBytes: bytes.slice(), writeKeyring: async () => undefined, faults: {}, method: { kind: 'unlock', secret: 'passphrase', failedBefore: 0 } });
  try {
    const generations = generationsOf(session);
    let batch = 0;
    const pause = options.pause ?? (async () => undefined);
    const streamed = await checkInBackground(session, anchorAtOpening(opening, generations), () => pause(++batch, h.databaseName));
    const rows = (await loadAudit(db, session.holder.keyring)).filter((row) => atOpening.has(row.rowId));
    const upFront = (await checkAudit(opening, rows, generations)).warning;
    return { streamed, upFront };
  } finally {
    // The vault as it was: without this session's entries (its keyring writes went nowhere).
    await db.audit.bulkDelete((await db.audit.toCollection().primaryKeys()).filter((id) => !atOpening.has(id)));
    await session.close(false); // closes `db` too
  }
}

/** Expects both checks to give `warning`. */
async function expectBoth(h: Harness, warning: AuditWarning | null, options?: Parameters<typeof bothChecks>[1]): Promise<void> {
  const { streamed, upFront } = await bothChecks(h, options);
  expect(upFront).toEqual(warning);
  expect(streamed).toEqual(upFront);
}

/** A vault whose trail is vault.create (1), record.create (2), record.update (3), anchored at 3. */
async function threeEntries(): Promise<Harness> {
  const harness = await makeUnlockedVault();
  const note = await harness.client.records.create(noteKind, { title: 'a', text: '' });
  await harness.client.records.update(noteKind, note.id, { title: 'b', text: 'صيدنايا' }, 1);
  await harness.client.lock('manual');
  return harness;
}

/** The trail's entries, row ids by sequence number, and the keyring that opens them. */
async function trailOf(h: Harness, passphrase = PASSPHRASE): Promise<{ keyring: UnlockedKeyring; entries: ChainedAuditEntry[]; idOf: (seq: number) => string; entryOf: (seq: number) => ChainedAuditEntry }> {
  const keyring = await unlockWithPassphrase(defined(h.keyring.bytes), passphrase);
  const db = new VaultDatabase(h.databaseName);
  await db.open();
  const loaded = await loadAudit(db, keyring);
  db.close();
  const find = (seq: number) => defined(loaded.find((row) => row.chained?.seq === seq), `entry ${seq}`);
  const entries = loaded.flatMap((row) => (row.chained ? [row.chained] : []));
  return { keyring, entries, idOf: (seq) => find(seq).rowId, entryOf: (seq) => defined(find(seq).chained) };
}

async function tamper(databaseName: string, change: (audit: Table<StoredObject, string>) => Promise<unknown>): Promise<void> {
  const db = await rawDatabase(databaseName);
  try {
    await change(db.table<StoredObject, string>('audit'));
  } finally {
    db.close();
  }
}

/** Flips one bit near the end of the row's ciphertext (inside the AEAD tag's reach). */
async function flipByte(audit: Table<StoredObject, string>, id: string): Promise<void> {
  const row = defined(await audit.get(id));
  const body = row.body.slice();
  body[body.length - 5] = (body[body.length - 5] ?? 0) ^ 1;
  await audit.put({ ...row, body });
}

/** Seals `entry` as an audit row with its own fields as given (what someone holding the keys could write). */
async function forgedRow(keyring: UnlockedKeyring, entry: { seq: number; action: string; data: ChainedAuditEntry['entry']['data']; at: string; hash: Uint8Array }, id?: string): Promise<StoredObject> {
  const rowId = id ?? idFromBytes(await newRecordId());
  const body = { s: entry.seq, a: entry.action, at: entry.at, d: entry.data, h: s.to_hex(entry.hash) };
  return sealRow(keyring, { table: 'audit', id: rowId, compartment: 'general' }, { type: AUDIT_TYPE, version: 1, body });
}

const flat = (entry: ChainedAuditEntry) => ({ seq: entry.seq, action: entry.entry.action, at: entry.entry.at, data: entry.entry.data, hash: entry.hash });

describe('the deferred audit check, two passes in bounded memory', VAULT_TESTS, () => {
  it('verifies an untouched trail', async () => {
    await expectBoth(await threeEntries(), null);
  });

  it('a row whose stored key or body is not bytes, or whose epoch is gone, gets the up-front verdict', async () => {
    const h = await threeEntries();
    const { idOf } = await trailOf(h);
    const row = defined(await (async () => {
      const db = await rawDatabase(h.databaseName);
      try {
        return await db.table<StoredObject, string>('audit').get(idOf(2));
      } finally {
        db.close();
      }
    })());
    const planted: Record<string, unknown>[] = [
      { id: row.id, epoch: row.epoch, key: row.key }, // no body
      { ...row, key: null },
      { ...row, body: Array.from(row.body) }, // the same bytes, not as bytes
      { id: row.id, key: row.key, body: row.body }, // no epoch
    ];
    for (const value of planted) {
      await tamper(h.databaseName, (audit) => audit.put(value as unknown as StoredObject));
      const { streamed, upFront } = await bothChecks(h);
      expect(streamed).toEqual(upFront);
    }
    // A row that is not bytes is never believed: the first three are reported.
    await tamper(h.databaseName, (audit) => audit.put({ ...row, key: null } as unknown as StoredObject));
    expect((await bothChecks(h)).streamed).toEqual({ problem: 'unreadable', firstBadSeq: 3 });
  });

  it('an altered row', async () => {
    const h = await threeEntries();
    const { idOf } = await trailOf(h);
    await tamper(h.databaseName, (audit) => flipByte(audit, idOf(2)));
    await expectBoth(h, { problem: 'unreadable', firstBadSeq: 3 });
  });

  it('a row sealed with the keys whose stored hash is not hex: unreadable, not an error', async () => {
    const h = await threeEntries();
    const { keyring, idOf, entryOf } = await trailOf(h);
    const entry = entryOf(2);
    const body = { s: entry.seq, a: entry.entry.action, at: entry.entry.at, d: entry.entry.data, h: 'z'.repeat(64) };
    const row = await sealRow(keyring, { table: 'audit', id: idOf(2), compartment: 'general' }, { type: AUDIT_TYPE, version: 1, body });
    await tamper(h.databaseName, (audit) => audit.put(row));
    // As for an altered row: entry 2 is missing from the chain, so the gap shows at 3.
    await expectBoth(h, { problem: 'unreadable', firstBadSeq: 3 });
  });

  it('a deleted row (a gap), and the last row deleted', async () => {
    const h = await threeEntries();
    const { idOf } = await trailOf(h);
    const last = idOf(3);
    await tamper(h.databaseName, (audit) => audit.delete(idOf(2)));
    await expectBoth(h, { problem: 'sequence', firstBadSeq: 3 });
    await tamper(h.databaseName, (audit) => audit.delete(last));
    await expectBoth(h, { problem: 'truncated', firstBadSeq: 2 });
  });

  it('a sequence number stored twice, and one out of range', async () => {
    const h = await threeEntries();
    const { keyring, entryOf } = await trailOf(h);
    await tamper(h.databaseName, async (audit) => audit.add(await forgedRow(keyring, flat(entryOf(2)))));
    await expectBoth(h, { problem: 'sequence', firstBadSeq: 2 });

    const other = await threeEntries();
    const trail = await trailOf(other);
    await tamper(other.databaseName, async (audit) => audit.add(await forgedRow(trail.keyring, { ...flat(trail.entryOf(2)), seq: 1.5 })));
    await expectBoth(other, { problem: 'sequence', firstBadSeq: 1.5 });
  });

  it('an entry changed by someone holding the keys, or without a canonical form', async () => {
    const h = await threeEntries();
    const { keyring, entryOf, idOf } = await trailOf(h);
    await tamper(h.databaseName, async (audit) => audit.put(await forgedRow(keyring, { ...flat(entryOf(2)), data: { id: 'forged' } }, idOf(2))));
    await expectBoth(h, { problem: 'hash', firstBadSeq: 2 });
    await tamper(h.databaseName, async (audit) => audit.put(await forgedRow(keyring, { ...flat(entryOf(2)), action: 'Not An Action' }, idOf(2))));
    await expectBoth(h, { problem: 'entry', firstBadSeq: 2 });
  });

  it('a row moved under another id', async () => {
    const h = await threeEntries();
    const { idOf } = await trailOf(h);
    await tamper(h.databaseName, async (audit) => {
      const row = defined(await audit.get(idOf(1)));
      await audit.delete(row.id);
      await audit.add({ ...row, id: idFromBytes(await newRecordId()) });
    });
    await expectBoth(h, { problem: 'unreadable', firstBadSeq: 2 });
  });

  it('rows beyond the anchor: rolled forward when they chain, reported when one does not open', async () => {
    const h = await makeUnlockedVault();
    const anchored = defined(h.keyring.bytes); // anchors vault.create
    await h.client.records.create(noteKind, { title: 'after the anchor', text: '' });
    await h.client.lock('manual');
    await expectBoth(h, null, { keyringBytes: anchored });
    const { idOf } = await trailOf(h);
    await tamper(h.databaseName, (audit) => flipByte(audit, idOf(2)));
    await expectBoth(h, { problem: 'unreadable', firstBadSeq: null }, { keyringBytes: anchored });
  });

  it("a rotation's segments verify, and a row missing in the first segment is found", async () => {
    const h = await makeUnlockedVault();
    for (let i = 0; i < 3; i++) await h.client.records.create(noteKind, { title: `n${i}`, text: '' });
    expect(await h.client.reportCompromised(PASSPHRASE, NEW_PASSPHRASE)).toMatchObject({ ok: true });
    await h.client.records.create(noteKind, { title: 'after the rotation', text: '' });
    await h.client.lock('manual');
    const { entries, idOf } = await trailOf(h, NEW_PASSPHRASE);
    expect(entries.find((entry) => entry.entry.action === 'audit.rekey')?.seq).toBeGreaterThan(4);
    await expectBoth(h, null, { passphrase: NEW_PASSPHRASE });
    await tamper(h.databaseName, (audit) => audit.delete(idOf(3)));
    await expectBoth(h, { problem: 'sequence', firstBadSeq: 4 }, { passphrase: NEW_PASSPHRASE });
  });

  it('an older keyring file put back', async () => {
    const h = await makeUnlockedVault();
    const old = defined(h.keyring.bytes);
    expect(await h.client.changePassphrase(PASSPHRASE, NEW_PASSPHRASE)).toEqual({ ok: true });
    await h.client.records.create(noteKind, { title: 'after the change', text: '' });
    await h.client.lock('manual');
    await expectBoth(h, { problem: 'keyring-rollback', firstBadSeq: null }, { keyringBytes: old });
  });

  it('a head shard rolled back to an older genuine copy', async () => {
    const h = await threeEntries();
    let db = await rawDatabase(h.databaseName);
    const oldHeads = await db.table('heads').toArray();
    const oldObjects = await db.table('objects').toArray();
    db.close();
    await h.client.unlock(PASSPHRASE);
    const note = defined((await h.client.records.list(noteKind)).records[0]);
    await h.client.records.update(noteKind, note.id, { title: 'c', text: 'newest' }, 2);
    await h.client.lock('manual');
    db = await rawDatabase(h.databaseName);
    await db.table('heads').bulkPut(oldHeads);
    await db.table('objects').bulkPut(oldObjects);
    db.close();
    await expectBoth(h, { problem: 'head-rollback', firstBadSeq: null });
  });

  it('a row altered, deleted or rewritten between the two passes is reported as the vault then stands', async () => {
    // A vault of under one batch: batch 1 is pass 1, batch 2 is pass 2.
    const between = (change: (audit: Table<StoredObject, string>) => Promise<unknown>) => async (batch: number, databaseName: string) => {
      if (batch === 2) await tamper(databaseName, change);
    };
    const altered = await threeEntries();
    const a = await trailOf(altered);
    await expectBoth(altered, { problem: 'unreadable', firstBadSeq: 3 }, { pause: between((audit) => flipByte(audit, a.idOf(2))) });

    const deleted = await threeEntries();
    const d = await trailOf(deleted);
    await expectBoth(deleted, { problem: 'sequence', firstBadSeq: 3 }, { pause: between((audit) => audit.delete(d.idOf(2))) });

    const rewritten = await threeEntries();
    const r = await trailOf(rewritten);
    const forged = await forgedRow(r.keyring, { ...flat(r.entryOf(2)), data: { id: 'forged' } }, r.idOf(2));
    await expectBoth(rewritten, { problem: 'hash', firstBadSeq: 2 }, { pause: between((audit) => audit.put(forged)) });
  });

  it('a trail longer than one batch, with a row altered in the second batch of pass 2', async () => {
    const h = await makeUnlockedVault();
    for (let n = 0; n < AUDIT_BATCH + 20; n += 1) await h.client.records.create(noteKind, { title: `note ${n}`, text: '' });
    await h.client.lock('manual');
    await expectBoth(h, null);
    // Pass 1 and pass 2 take two batches each: batch 4 is pass 2's second, holding the highest ids.
    const db = await rawDatabase(h.databaseName);
    const last = defined(((await db.table('audit').toCollection().primaryKeys()) as string[]).sort().at(-1));
    db.close();
    const { streamed, upFront } = await bothChecks(h, { pause: async (batch, name) => (batch === 4 ? tamper(name, (audit) => flipByte(audit, last)) : undefined) });
    expect(upFront).toMatchObject({ problem: 'unreadable' });
    expect(streamed).toEqual(upFront);
  });
});
