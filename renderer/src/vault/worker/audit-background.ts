/**
 * The audit-chain check deferred past unlock (open-session.ts says when): the same check as at
 * opening, run in the background of the open session. Runs in the vault worker.
 *
 * It verifies exactly what an up-front check would have: the rows that existed at opening,
 * against the anchor, audit key, keyring generation and row generations the session opened
 * with (copies: the keyring moves on). Rows this session writes meanwhile are left out (the
 * audit log records their ids before they can reach the database), so saves need not wait for
 * it: they chain onto the anchored head, which the keyring authenticates. No next audit key is
 * needed: a rotation's tail can only exist where rows are missing, which the check reports
 * before it looks at any tail.
 *
 * It never holds every entry (at 100,000 testimonies there are some 210,000): rows come out of
 * the database in random sequence order, so it reads them twice. Pass 1 keeps a few facts per
 * sequence number up to the anchor (`ChainIndex`: the stored hash, a digest of the stored
 * bytes, flags) plus the rows that are not ordinary (segment starts, rows that do not open,
 * sequence numbers out of range, rows beyond the anchor), and folds the rest into `TrailFacts`.
 * Pass 2 opens every row again and checks each link against the stored hash before it; the
 * links are then walked in order (`walkAuditLinks`, the loop every chain check uses), so every
 * rule and the reported sequence number are those of `checkAudit`.
 *
 * Rows are read and opened in batches of AUDIT_BATCH, each under the session's write lock (a
 * rotation re-wrapping rows never interleaves with one) and each after `pause` (background.ts:
 * requests from the UI first). A lock stops it between batches.
 */
import { constantTimeEqual, getSodium, isAuditSegmentStart, wipe, type AuditHead, type ChainedAuditEntry } from '../../../../shared/crypto';
import { walkAuditLinks, type AuditLink, type AuditLinkFault } from '../../../../shared/crypto/audit-chain';
import { checkSegmentedLink, segmentKeysOf } from '../../../../shared/crypto/audit-segments';
import type { Sodium } from '../../../../shared/crypto/sodium';
import type { AuditWarning } from '../vault-client';
import { LockedError } from '../vault-errors';
import { bySeq, openAuditRow, type LoadedAudit } from './audit-log';
import { failed, judgeAudit, TrailFacts, type ChainFailure, type GenerationMap } from './audit-verify';
import type { StoredObject } from './database';
import { rowFetcher } from './row-fetcher';
import { withRowOpener } from './sealed-rows';
import type { Session } from './session';

/**
 * Audit rows read and opened per batch: about 10 ms of work on an idle machine, so a request
 * from the UI that arrives during a batch waits little.
 */
export const AUDIT_BATCH = 250;

/** What the deferred check verifies against, copied at opening. */
export interface OpeningAnchor {
  readonly auditKey: Uint8Array;
  readonly auditHead: AuditHead;
  readonly generation: number;
  readonly generations: GenerationMap;
}

/** Copies what the check needs of the keyring as it was opened; `forget` wipes the copies. */
export function anchorAtOpening(keyring: { readonly auditKey: Uint8Array; readonly auditHead: AuditHead; readonly generation: number }, generations: GenerationMap): OpeningAnchor {
  const { auditKey, auditHead, generation } = keyring;
  return { auditKey: auditKey.slice(), auditHead: { seq: auditHead.seq, hash: auditHead.hash.slice() }, generation, generations };
}

/** Wipes the anchor's key and hash. */
export function forget(anchor: OpeningAnchor): void {
  wipe(anchor.auditKey, anchor.auditHead.hash);
}

/**
 * Calls `visit` with every audit row, opened, in batches (see the file comment). The rows are
 * fetched on a thread of their own, ended with the pass (row-fetcher.ts); opening and checking
 * them stays here.
 */
async function forEachRow(session: Session, pause: () => Promise<void>, visit: (row: StoredObject, opened: LoadedAudit) => void): Promise<void> {
  const s = await getSodium();
  const fetcher = rowFetcher(session);
  try {
    let after: string | null = null;
    for (;;) {
      await pause();
      if (session.signal.aborted) throw new LockedError();
      await fetcher.ready(); // outside the lock: a save never waits for the thread to start
      const from = after;
      const last = await session.exclusive(async () => {
        const rows = await fetcher.fetch(from, AUDIT_BATCH);
        // One opener for the batch, rather than `openRow` per row: the wrap key is derived once and
        // no row awaits, which spares each of the ~420,000 opens of the two passes (100,000
        // testimonies) a derived key and a chain of promises, i.e. garbage. The keyring cannot
        // change meanwhile: the batch holds the write lock, and nothing in it awaits once the
        // opener exists. Same checks, same errors as `openRow` (sealed-rows.ts).
        await withRowOpener(session.holder.keyring, (opener) => {
          for (const row of rows) visit(row, openAuditRow(s, opener, row));
        });
        return rows.length < AUDIT_BATCH ? undefined : rows[rows.length - 1];
      });
      if (!last) return;
      after = last.id;
    }
  } finally {
    fetcher.close();
  }
}

const HASH_BYTES = 32;
/** Enough to tell whether a row's stored bytes changed between the passes. */
const DIGEST_BYTES = 16;
// Flags per sequence number.
/** Pass 1 opened a row with this sequence number. */
const PRESENT = 1;
/** ... and more than one: the walk stops at the second. */
const DUPLICATE = 2;
/** Pass 2 checked the link of the first of them (see `confirm`). */
const CHECKED = 4;
const FAULT_ENTRY = 8;
const FAULT_HASH = 16;

/**
 * Pass 1's facts about the sequence numbers 1…size (the anchor's): about 50 bytes each. Where
 * several rows share a number, the first read counts (the order `bySeq` keeps for ties).
 * `size` is at most the number of rows (the check is deferred only when there are as many
 * rows as the anchor's sequence number), so this cannot be made to outgrow the database.
 */
class ChainIndex {
  readonly flags: Uint8Array;
  private readonly hashes: Uint8Array;
  private readonly digests: Uint8Array;

  constructor(readonly size: number) {
    this.flags = new Uint8Array(size + 1);
    // Index 0 is the genesis hash (zeros), the previous hash of sequence number 1.
    this.hashes = new Uint8Array((size + 1) * HASH_BYTES);
    this.digests = new Uint8Array((size + 1) * DIGEST_BYTES);
  }

  /** True for the sequence numbers this index keeps (any other is kept aside whole). */
  covers(seq: number): boolean {
    return Number.isInteger(seq) && seq >= 1 && seq <= this.size;
  }

  hashAt(seq: number): Uint8Array {
    return this.hashes.subarray(seq * HASH_BYTES, (seq + 1) * HASH_BYTES);
  }

  private digestAt(seq: number): Uint8Array {
    return this.digests.subarray(seq * DIGEST_BYTES, (seq + 1) * DIGEST_BYTES);
  }

  /** Pass 1: a row that opened as `entry` (a covered sequence number). */
  note(s: Sodium, entry: ChainedAuditEntry, row: StoredObject): void {
    const seq = entry.seq;
    if ((this.flags[seq] ?? 0) & PRESENT) {
      this.flags[seq] = (this.flags[seq] ?? 0) | DUPLICATE;
      return;
    }
    this.flags[seq] = PRESENT;
    this.hashAt(seq).set(entry.hash);
    this.digestAt(seq).set(s.crypto_generichash(DIGEST_BYTES, row.body, null));
  }

  /**
   * Pass 2: if `row` is the row pass 1 counted for its sequence number, unchanged, checks its
   * link under `key` after the stored hash before it. The stored bytes of an audit row never
   * change (a rotation re-wraps only its data key), so a row that differs between the passes
   * was tampered with meanwhile, and is reported, never accepted: if it still opens, its link
   * fails as `hash`; if it no longer opens or is gone, its number counts as missing (which is
   * what checking the trail as it now is would report).
   */
  confirm(s: Sodium, entry: ChainedAuditEntry, row: StoredObject, key: Uint8Array | null): void {
    const seq = entry.seq;
    const flags = this.flags[seq] ?? 0;
    if ((flags & (PRESENT | CHECKED)) !== PRESENT) return; // new since pass 1, or the first row for this number is already done
    // The same sealed bytes open to the same entry; comparing the hash pass 1 kept as well makes
    // that not depend on the envelope format.
    if (!constantTimeEqual(s.crypto_generichash(DIGEST_BYTES, row.body, null), this.digestAt(seq)) || !constantTimeEqual(entry.hash, this.hashAt(seq))) {
      // With duplicates this may be a later row pass 1 saw too: the first one must still come.
      if (!(flags & DUPLICATE)) this.flags[seq] = flags | CHECKED | FAULT_HASH;
      return;
    }
    const fault = checkSegmentedLink(s, key, { seq: seq - 1, hash: this.hashAt(seq - 1) }, entry);
    this.flags[seq] = flags | CHECKED | (fault === 'entry' ? FAULT_ENTRY : 0) | (fault === 'hash' ? FAULT_HASH : 0);
  }

  /** Pass 2's verdict on the link at `seq`. */
  faultAt(seq: number): AuditLinkFault | null {
    const flags = this.flags[seq] ?? 0;
    return flags & FAULT_ENTRY ? 'entry' : flags & FAULT_HASH ? 'hash' : null;
  }
}

/** Never checked: the walk stops at such a link's sequence number before it looks at its hash. */
const OUT_OF_SEQUENCE = (): AuditLinkFault => 'hash';

/**
 * The entries up to the anchor as links, in the order `bySeq` sorts them: by sequence number,
 * the first row read before its duplicates, and the rows whose number the index does not
 * cover (`odd`, sorted) in between. Their link verdicts come from pass 2, which checked each
 * against the stored hash before it: the walk reaches the link at n only after the link at
 * n - 1 held (its recomputed hash is that stored hash), so the verdict is the walk's own.
 */
function* withinLinks(index: ChainIndex, odd: readonly ChainedAuditEntry[]): Generator<AuditLink> {
  let next = 0;
  const oddLink = (entry: ChainedAuditEntry): AuditLink => ({ seq: entry.seq, hash: entry.hash, check: OUT_OF_SEQUENCE });
  for (let seq = 1; seq <= index.size; seq += 1) {
    for (let entry = odd[next]; entry && entry.seq < seq; entry = odd[++next]) yield oddLink(entry);
    const flags = index.flags[seq] ?? 0;
    if (!(flags & CHECKED)) continue; // missing, or not the same row in both passes
    const hash = index.hashAt(seq);
    yield { seq, hash, check: () => index.faultAt(seq) };
    if (flags & DUPLICATE) yield { seq, hash, check: OUT_OF_SEQUENCE };
  }
  for (const entry of odd.slice(next)) yield oddLink(entry);
}

/** How many of `sorted` are below `value`. */
function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? Infinity) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Runs the deferred check; resolves with its warning (null: the trail verified). */
export async function checkInBackground(session: Session, anchor: OpeningAnchor, pause: () => Promise<void>): Promise<AuditWarning | null> {
  const s = await getSodium();
  const index = new ChainIndex(anchor.auditHead.seq);
  const facts = new TrailFacts();
  const starts: ChainedAuditEntry[] = []; // segment starts up to the anchor
  const aside: LoadedAudit[] = []; // rows the index does not cover, in read order

  // Pass 1. A row this session wrote is never covered: the session chains after the anchor
  // (open-session.ts opens a deferred check's session at the anchored head), so its sequence
  // numbers are all beyond it. Only rows kept aside can be this session's.
  await forEachRow(session, pause, (row, opened) => {
    const entry = opened.chained;
    if (!entry || !index.covers(entry.seq)) {
      aside.push(opened);
      return;
    }
    index.note(s, entry, row);
    facts.add(entry);
    if (isAuditSegmentStart(entry)) starts.push(entry);
  });

  // Taken after pass 1's last read, which decides what counts: every row pass 1 read was sealed
  // before that read, and if this session sealed it, its id was recorded then (before the row
  // could reach the database), so every row of this session that pass 1 saw is in it. Rows it
  // writes later are beyond the anchor, where pass 2 looks at none that open.
  const written = session.audit.writtenThisSession();
  const odd: LoadedAudit[] = [];
  const beyond: LoadedAudit[] = [];
  for (const row of aside) {
    if (written.has(row.rowId)) continue;
    facts.add(row.chained);
    const entry = row.chained;
    if (entry && entry.seq > index.size) beyond.push(row);
    else if (entry && entry.seq <= index.size) {
      odd.push(row);
      if (isAuditSegmentStart(entry)) starts.push(entry);
    }
  }
  const entriesOf = (rows: LoadedAudit[]): ChainedAuditEntry[] => bySeq(rows).flatMap((row) => (row.chained ? [row.chained] : []));
  const oddEntries = entriesOf(odd);
  // Stable: segment starts with the same number stay in read order, as in `bySeq`.
  starts.sort((a, b) => a.seq - b.seq);

  const verifyWithin = async (): Promise<ChainFailure | null> => {
    const keys = segmentKeysOf(s, starts, anchor.auditKey);
    const startSeqs = starts.map((start) => start.seq);
    try {
      // Pass 2. An entry's segment key is the one for the starts up to it (`segmentKeysOf`):
      // those with a lower number, and itself; a duplicate start of the same number comes later.
      await forEachRow(session, pause, (row, opened) => {
        if (written.has(row.id)) return;
        const entry = opened.chained;
        // Counted already if pass 1 found it so; otherwise it changed or appeared since, and the
        // trail as it now stands holds a row that does not open.
        if (!entry) facts.unreadable = true;
        else if (index.covers(entry.seq)) {
          const key = keys[countBelow(startSeqs, entry.seq) + (isAuditSegmentStart(entry) ? 1 : 0)] ?? null;
          index.confirm(s, entry, row, key);
        }
      });
    } finally {
      // Every key but the last, which is the anchor's (`forget` wipes it).
      for (const key of keys.slice(0, -1)) if (key) wipe(key);
    }
    const links = () => withinLinks(index, oddEntries);
    const result = walkAuditLinks(links(), anchor.auditHead);
    return result.ok ? null : failed(links(), result);
  };
  const check = await judgeAudit(anchor, { facts, verifyWithin, beyond: entriesOf(beyond) }, anchor.generations);
  return check.warning;
}
