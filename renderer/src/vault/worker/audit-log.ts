/**
 * The audit log: encrypted, hash-chained entries in the `audit` table. Runs in the vault worker.
 *
 * Each entry is sealed like any row (random row id, general compartment), and carries its
 * place in the chain (seq, hash) inside the ciphertext; the order comes from there, not from
 * the table. Entries are written in the same transaction as the change they describe, so the
 * log and the data cannot disagree after a crash. The chain head goes into the keyring later
 * (keyring-holder.ts batches it); verification at unlock rolls a correct tail forward.
 */
import {
  appendAudit,
  getSodium,
  newRecordId,
  nextAuditKey,
  startAuditSegment,
  wipe,
  type AuditEntry,
  type AuditHead,
  type CanonicalJson,
  type ChainedAuditEntry,
  type UnlockedKeyring,
} from '../../../../shared/crypto';
import { idFromBytes } from '../../../../shared/domain/ids';
import type { AuditAction, FeatureAuditAction } from '../vault-client';
import { RecordIntegrityError } from '../vault-errors';
import type { StoredObject, VaultDatabase } from './database';
import { isPlainRecord, sealRow, withRowOpener, type RowKeys, type RowOpener } from './sealed-rows';

/** Integrity fields the vault adds to entry data; the trail shown to users leaves them out. */
export const KEYRING_GENERATION = 'kg';
export const TRACKED_ROW = 'obj';
export const TRACKED_GENERATION = 'gen';
export const INTERNAL_FIELDS: ReadonlySet<string> = new Set([KEYRING_GENERATION, TRACKED_ROW, TRACKED_GENERATION]);

/** Envelope type of an audit row. */
export const AUDIT_TYPE = 'audit-entry';


/** An entry to write: what happened and its details (ids, versions, counts; never contents). */
export interface AuditDraft {
  readonly action: AuditAction | FeatureAuditAction;
  readonly data: { readonly [key: string]: CanonicalJson };
}

/** Entries sealed and chained, ready to be added in the caller's transaction. */
export interface PreparedAudit {
  readonly rows: StoredObject[];
  readonly head: AuditHead;
}

/** Where the log gets its keys: the session's keyring holder (keyring-holder.ts). */
export interface AuditKeySource {
  /** The keyring in force (rows are sealed under its compartment keys). */
  readonly keyring: UnlockedKeyring;
  /** A copy of the key the chain continues under; the caller wipes it. */
  chainKey(): Promise<Uint8Array>;
}

/** An entry as loaded: its chain fields, or null where the row could not be opened. */
export type LoadedAudit = { readonly rowId: string; readonly chained: ChainedAuditEntry | null };

function encodeChained(s: Awaited<ReturnType<typeof getSodium>>, chained: ChainedAuditEntry): CanonicalJson {
  return { s: chained.seq, a: chained.entry.action, at: chained.entry.at, d: chained.entry.data, h: s.to_hex(chained.hash) };
}

function decodeChained(s: Awaited<ReturnType<typeof getSodium>>, body: unknown): ChainedAuditEntry {
  if (!isPlainRecord(body)) throw new RecordIntegrityError('tampered');
  const { s: seq, a, at, d, h } = body;
  // from_hex would throw a plain Error on a non-hex character: the row is unreadable, like any other malformed one.
  if (typeof seq !== 'number' || typeof a !== 'string' || typeof at !== 'string' || typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h)) {
    throw new RecordIntegrityError('tampered');
  }
  return { seq, entry: { action: a, at, data: (d ?? null) as CanonicalJson }, hash: s.from_hex(h) };
}

/** The chain's current end in this session and the way to extend it. */
export class AuditLog {
  /** Rows sealed this session (committed or not), until the deferred check takes them (`writtenThisSession`). */
  private written: Set<string> | null = new Set();

  constructor(
    private readonly keys: AuditKeySource,
    private chainHead: AuditHead,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The last committed entry (may be ahead of the keyring's head until the next flush). */
  get head(): AuditHead {
    return this.chainHead;
  }

  /** Chains and seals `drafts` after the current head; nothing changes until `commit`. */
  async prepare(...drafts: AuditDraft[]): Promise<PreparedAudit> {
    const keyring = this.keys.keyring;
    const at = this.now().toISOString();
    const chainKey = await this.keys.chainKey();
    let head = this.chainHead;
    const rows: StoredObject[] = [];
    try {
      for (const draft of drafts) {
        // `kg`: the keyring generation in force. It is on disk (the holder switches only after a
        // successful write), so an entry naming a later generation than the keyring we unlocked
        // proves the keyring file was replaced by an older copy (audit-verify.ts).
        const entry: AuditEntry = { action: draft.action, at, data: { ...draft.data, [KEYRING_GENERATION]: keyring.generation } };
        const chained = await appendAudit(chainKey, head, entry);
        rows.push(await this.seal(keyring, chained));
        head = { seq: chained.seq, hash: chained.hash };
      }
    } finally {
      wipe(chainKey);
    }
    return { rows, head };
  }

  /**
   * The first entry of a new chain segment under the next audit key (audit-rekey.ts): it names
   * the current head and reveals the key in force until now. Nothing changes until `commit`.
   */
  async prepareSegmentStart(): Promise<PreparedAudit> {
    const keyring = this.keys.keyring;
    const retiredKey = await this.keys.chainKey();
    const nextKey = await nextAuditKey(keyring);
    try {
      const chained = await startAuditSegment(nextKey, retiredKey, this.chainHead, this.now().toISOString());
      return { rows: [await this.seal(keyring, chained)], head: { seq: chained.seq, hash: chained.hash } };
    } finally {
      wipe(retiredKey, nextKey);
    }
  }

  private async seal(keyring: UnlockedKeyring, chained: ChainedAuditEntry): Promise<StoredObject> {
    const s = await getSodium();
    const rowId = idFromBytes(await newRecordId());
    // Before the row can reach the database: the deferred check must never mistake it for one it has to verify.
    this.written?.add(rowId);
    return sealRow(keyring, { table: 'audit', id: rowId, compartment: 'general' }, { type: AUDIT_TYPE, version: 1, body: encodeChained(s, chained) });
  }

  /** Moves the head after the transaction holding `prepared.rows` committed. */
  commit(prepared: PreparedAudit): void {
    this.chainHead = prepared.head;
  }

  /**
   * Row ids of the entries this session has sealed so far (ids are recorded before a row can
   * be written), for the audit check deferred past opening (audit-background.ts), which
   * verifies the rows as they were at opening. Ends the tracking: call once.
   */
  writtenThisSession(): ReadonlySet<string> {
    const written = this.written ?? new Set<string>();
    this.written = null;
    return written;
  }
}

/**
 * Opens one audit row with `opener`, a row opener shared by a batch of rows (sealed-rows.ts:
 * one key derivation per batch, no await per row); a row that does not open is kept with
 * `chained: null`.
 */
export function openAuditRow(s: Awaited<ReturnType<typeof getSodium>>, opener: RowOpener, row: StoredObject): LoadedAudit {
  try {
    const content = opener.open({ table: 'audit', id: row.id, compartment: 'general' }, row, { type: AUDIT_TYPE, headVersion: 1 });
    return { rowId: row.id, chained: decodeChained(s, content.body) };
  } catch (error) {
    if (!(error instanceof RecordIntegrityError)) throw error;
    return { rowId: row.id, chained: null };
  }
}

/** Sorts loaded rows by sequence number (unreadable rows last). */
export function bySeq(loaded: LoadedAudit[]): LoadedAudit[] {
  return loaded.sort((a, b) => (a.chained?.seq ?? Infinity) - (b.chained?.seq ?? Infinity));
}

/**
 * Reads and opens every audit row, sorted by sequence number. Rows that do not open (altered,
 * moved under another id) are returned with `chained: null` so verification can report them.
 */
export async function loadAudit(db: VaultDatabase, keys: UnlockedKeyring | RowKeys): Promise<LoadedAudit[]> {
  const s = await getSodium();
  const rows = await db.audit.toArray();
  // One opener for every row: the key it derives is derived once, not once per row.
  return bySeq(await withRowOpener(keys, (opener) => rows.map((row) => openAuditRow(s, opener, row))));
}
