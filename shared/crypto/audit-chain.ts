/**
 * The audit chain: h_i = BLAKE2b-256(key = audit key, h_{i-1} || seq_i u64 BE || entry_i),
 * h_0 = 32 zero bytes, seq starting at 1. The head (seq, h) lives in the keyring,
 * so truncating or rewriting the log in the database is detected at unlock, and a signed
 * checkpoint in each bundle lets partners detect it later.
 *
 * entry_i is the canonical JSON (see canonical-json.ts) of {"action","at","data","v":1}, so the
 * hash can be recomputed from the decoded entry after it was stored encrypted.
 */
import { u64be, concatBytes, MAX_U64_SAFE } from './bytes';
import { canonicalJsonBytes, type CanonicalJson } from './canonical-json';
import { AuditError } from './errors';
import { constantTimeEqual, getSodium, wipe, type Sodium } from './sodium';

/** Position of the chain: the last sequence number and its hash. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: Uint8Array;
}

/** What happened. `action` is a stable code (e.g. "vault.unlock"), `at` an ISO time. */
export interface AuditEntry {
  readonly action: string;
  readonly at: string;
  readonly data: CanonicalJson;
}

/** An entry with its place in the chain, as stored. */
export interface ChainedAuditEntry {
  readonly seq: number;
  readonly entry: AuditEntry;
  /** h_seq. */
  readonly hash: Uint8Array;
}

/** Outcome of verification; on failure, the index (in the given array) of the first entry not to trust. */
export type AuditVerification =
  | { readonly ok: true; readonly head: AuditHead }
  | { readonly ok: false; readonly firstBadIndex: number; readonly reason: 'sequence' | 'entry' | 'hash' | 'beyond-head' | 'truncated' | 'head-mismatch' };

/** Most bytes of one encoded entry. */
export const MAX_AUDIT_ENTRY_BYTES = 16 * 1024;
const HASH_BYTES = 32;
const ACTION = /^[a-z][a-z0-9._-]{0,63}$/;

/** The head of an empty chain: seq 0, 32 zero bytes (a new object each call, safe to wipe). */
export function genesisAuditHead(): AuditHead {
  return { seq: 0, hash: new Uint8Array(HASH_BYTES) };
}

/** Canonical bytes of an entry. Throws `AuditError('invalid-entry')` if it has no canonical form. */
export function encodeAuditEntry(entry: AuditEntry): Uint8Array {
  if (typeof entry.action !== 'string' || !ACTION.test(entry.action) || typeof entry.at !== 'string' || entry.at.length > 64) {
    throw new AuditError('invalid-entry');
  }
  try {
    return canonicalJsonBytes({ action: entry.action, at: entry.at, data: entry.data, v: 1 }, MAX_AUDIT_ENTRY_BYTES);
  } catch {
    throw new AuditError('invalid-entry');
  }
}

function checkHead(head: AuditHead): void {
  if (!Number.isSafeInteger(head.seq) || head.seq < 0 || head.seq >= MAX_U64_SAFE || head.hash.length !== HASH_BYTES) {
    throw new AuditError('invalid-head');
  }
}

/**
 * The audit key must be 32 bytes and not all zero: zero is what it looks like after
 * `disposeKeyring`, and chaining under it would silently "work" (a forgeable MAC, then a false
 * tamper alarm under the real key).
 */
function checkAuditKey(s: Sodium, auditKey: Uint8Array): void {
  if (!(auditKey instanceof Uint8Array) || auditKey.length !== 32 || s.is_zero(auditKey)) {
    throw new TypeError('audit key must be 32 bytes and not wiped');
  }
}

function link(s: Sodium, auditKey: Uint8Array, previous: Uint8Array, seq: number, entryBytes: Uint8Array): Uint8Array {
  const input = concatBytes(previous, u64be(seq), entryBytes);
  try {
    return s.crypto_generichash(HASH_BYTES, input, auditKey);
  } finally {
    wipe(input);
  }
}

/**
 * The action of a chain segment's first entry (audit-segments.ts). Reserved: `appendAudit`
 * refuses it, so only `startAuditSegment` can write one.
 */
export const AUDIT_SEGMENT_ACTION = 'audit.rekey';

/** Chains `entry` after `head` under `auditKey` (no reserved-action check). */
export async function chainAuditEntry(auditKey: Uint8Array, head: AuditHead, entry: AuditEntry): Promise<ChainedAuditEntry> {
  const s = await getSodium();
  checkHead(head);
  checkAuditKey(s, auditKey);
  const seq = head.seq + 1;
  return { seq, entry, hash: link(s, auditKey, head.hash, seq, encodeAuditEntry(entry)) };
}

/**
 * Appends `entry` after `head`. The new head is `{ seq, hash }` of the result; store it in the
 * keyring. Throws `AuditError('invalid-entry')` for the reserved segment action.
 */
export async function appendAudit(auditKey: Uint8Array, head: AuditHead, entry: AuditEntry): Promise<ChainedAuditEntry> {
  if (entry.action === AUDIT_SEGMENT_ACTION) throw new AuditError('invalid-entry');
  return chainAuditEntry(auditKey, head, entry);
}

/** Why one link does not hold: its entry has no canonical form or breaks a rule (`entry`), or its hash differs (`hash`). */
export type AuditLinkFault = 'entry' | 'hash';

/**
 * Checks one link: `stored` chained after `previous` (already trusted) under `key`. Null when
 * it holds. `accepts` is an extra rule for the entry (a segment start's, audit-segments.ts);
 * a null key (it cannot be known) is reported as `entry`, as is an entry with no canonical form.
 * Every verification of the chain checks its links here.
 */
export function checkAuditLink(
  s: Sodium,
  key: Uint8Array | null,
  previous: AuditHead,
  stored: ChainedAuditEntry,
  accepts?: (previous: AuditHead) => boolean,
): AuditLinkFault | null {
  let bytes: Uint8Array;
  try {
    bytes = encodeAuditEntry(stored.entry);
  } catch {
    return 'entry';
  }
  if (!key || (accepts && !accepts(previous))) return 'entry';
  const hash = link(s, key, previous.hash, stored.seq, bytes);
  // Rows come from storage: a hash that is not bytes is a bad hash, not an exception.
  return stored.hash instanceof Uint8Array && constantTimeEqual(hash, stored.hash) ? null : 'hash';
}

/** One position of a chain walk: its sequence number, its stored hash, and its link check. */
export interface AuditLink {
  readonly seq: number;
  /** h_seq as stored: the next link's previous hash once this link holds (then it equals the recomputed one). */
  readonly hash: Uint8Array;
  /** `checkAuditLink` for this position, given the trusted head before it. */
  check(previous: AuditHead): AuditLinkFault | null;
}

/** `entries` as the links of a walk, each checked by `check` (lazily: a walk stops at the first bad link). */
export function* auditLinksOf(
  entries: readonly ChainedAuditEntry[],
  check: (previous: AuditHead, stored: ChainedAuditEntry, index: number) => AuditLinkFault | null,
): Generator<AuditLink> {
  for (const [index, stored] of entries.entries()) yield { seq: stored.seq, hash: stored.hash, check: (previous) => check(previous, stored, index) };
}

/**
 * The verification loop behind `verifyAuditChain`, `verifySegmentedAuditChain` and the vault's
 * deferred check (which feeds it links checked beforehand, out of order): walks `links` in
 * order from `start` and compares the end with `expectedHead`. Each link is checked against the
 * previous link's stored hash; by induction that is the recomputed chain, since a link is only
 * trusted once its recomputed hash equalled the stored one. Call after `getSodium()` resolved.
 */
export function walkAuditLinks(links: Iterable<AuditLink>, expectedHead: AuditHead, start: AuditHead = genesisAuditHead()): AuditVerification {
  checkHead(expectedHead);
  checkHead(start);
  // A start past the expected head can never reach it (the hash check below does not look at seq).
  if (start.seq > expectedHead.seq) return { ok: false, firstBadIndex: 0, reason: 'beyond-head' };
  let previous = start.hash;
  let seq = start.seq;
  let index = 0;
  for (const link of links) {
    if (link.seq !== seq + 1) return { ok: false, firstBadIndex: index, reason: 'sequence' };
    if (link.seq > expectedHead.seq) return { ok: false, firstBadIndex: index, reason: 'beyond-head' };
    const fault = link.check({ seq, hash: previous });
    if (fault) return { ok: false, firstBadIndex: index, reason: fault };
    previous = link.hash;
    seq = link.seq;
    index += 1;
  }
  if (seq < expectedHead.seq) return { ok: false, firstBadIndex: index, reason: 'truncated' };
  if (!constantTimeEqual(previous, expectedHead.hash)) return { ok: false, firstBadIndex: 0, reason: 'head-mismatch' };
  return { ok: true, head: { seq, hash: previous.slice() } };
}

/**
 * Recomputes the chain from `start` (default: genesis) over `entries` in order and compares
 * it with `expectedHead` (the keyring's). Never repairs anything: it reports the first index
 * not to trust — an entry out of sequence or whose hash does not match, or `entries.length`
 * when entries are missing at the end. A chain that is internally consistent but ends at a
 * different hash (replaced wholesale) reports index 0. One key for every entry: a chain with
 * segments (after an audit key rotation) needs `verifySegmentedAuditChain`.
 */
export async function verifyAuditChain(
  auditKey: Uint8Array,
  entries: readonly ChainedAuditEntry[],
  expectedHead: AuditHead,
  start: AuditHead = genesisAuditHead(),
): Promise<AuditVerification> {
  const s = await getSodium();
  checkAuditKey(s, auditKey);
  return walkAuditLinks(
    auditLinksOf(entries, (previous, stored) => checkAuditLink(s, auditKey, previous, stored)),
    expectedHead,
    start,
  );
}
