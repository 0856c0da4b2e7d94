/**
 * Audit key rotation: the chain continues in a new segment under a new key.
 *
 * When the audit key may be known to someone else (the passphrase was compromised, so an old
 * keyring copy opens), that person could append entries that verify. So the vault moves to a
 * new key: the new segment's first entry is chained as usual (its hash input is the old head)
 * but under the new key, and its data names the old head and reveals the retired key:
 *
 *   { "action": "audit.rekey", "data": { "afterSeq": n, "afterHash": hex(h_n), "retiredKey": hex(K_old) } }
 *
 * Revealing the retired key costs nothing (it is the one treated as exposed) and keeps the old
 * segment verifiable without holding old keys anywhere else. What protects the old segment from
 * then on is the new segment's first link, keyed by the secret new key over h_n: changing any
 * earlier entry changes h_n. Entries forged with the old key after the rotation fall in the new
 * segment, whose key the forger lacks, and fail.
 *
 * Verification reads the keys back to front: the last segment's key is the keyring's (the only
 * key the verifier trusts up front), every earlier segment's key is the one revealed by the next
 * segment's first entry. A revealed key is used before that entry is authenticated, which is
 * sound because every link feeds the next: the final comparison with the keyring's head, under
 * the trusted key, covers every earlier link (a different earlier chain would need a BLAKE2b
 * collision even where its key is known).
 */
import {
  AUDIT_SEGMENT_ACTION,
  auditLinksOf,
  chainAuditEntry,
  checkAuditLink,
  genesisAuditHead,
  walkAuditLinks,
  type AuditHead,
  type AuditLinkFault,
  type AuditVerification,
  type ChainedAuditEntry,
} from './audit-chain';
import { AuditError } from './errors';
import { constantTimeEqual, getSodium, wipe, type Sodium } from './sodium';

export { AUDIT_SEGMENT_ACTION };

const HEX_KEY = /^[0-9a-f]{64}$/;

function dataOf(entry: ChainedAuditEntry): Record<string, unknown> | null {
  const data = entry.entry.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
}

/** True if `entry` starts a segment (whether or not it is well formed). */
export function isAuditSegmentStart(entry: ChainedAuditEntry): boolean {
  return entry.entry.action === AUDIT_SEGMENT_ACTION;
}

/** The retired key a segment start reveals, or null if it is missing, malformed or zero. */
function retiredKeyOf(s: Sodium, entry: ChainedAuditEntry): Uint8Array | null {
  const hex = dataOf(entry)?.['retiredKey'];
  if (typeof hex !== 'string' || !HEX_KEY.test(hex)) return null;
  const key = s.from_hex(hex);
  return s.is_zero(key) ? null : key;
}

/**
 * The first entry of a new segment: chained after `head` under `nextKey`, naming `head` and
 * revealing `retiredKey` (the key in force until now). Throws `AuditError('invalid-entry')`
 * if the two keys are the same: a segment must change the key.
 */
export async function startAuditSegment(nextKey: Uint8Array, retiredKey: Uint8Array, head: AuditHead, at: string): Promise<ChainedAuditEntry> {
  const s = await getSodium();
  if (retiredKey.length !== 32 || s.is_zero(retiredKey) || constantTimeEqual(nextKey, retiredKey)) throw new AuditError('invalid-entry');
  const data = { afterSeq: head.seq, afterHash: s.to_hex(head.hash), retiredKey: s.to_hex(retiredKey) };
  return chainAuditEntry(nextKey, head, { action: AUDIT_SEGMENT_ACTION, at, data });
}

/**
 * The key of each segment, given the segment starts in chain order: element k is the key of
 * the entries that have k starts at or before them in the chain (so a start belongs to the
 * segment it opens). Each is the key the next start reveals; the last is `lastSegmentKey`.
 * Null where a start reveals no usable key.
 */
export function segmentKeysOf(s: Sodium, starts: readonly ChainedAuditEntry[], lastSegmentKey: Uint8Array): (Uint8Array | null)[] {
  return [...starts.map((start) => retiredKeyOf(s, start)), lastSegmentKey];
}

/** The key each of `entries` (in chain order) was chained under (see `segmentKeysOf`). */
function segmentKeys(s: Sodium, entries: readonly ChainedAuditEntry[], lastSegmentKey: Uint8Array): (Uint8Array | null)[] {
  const keys = segmentKeysOf(s, entries.filter(isAuditSegmentStart), lastSegmentKey);
  let starts = 0;
  return entries.map((entry) => {
    if (isAuditSegmentStart(entry)) starts += 1;
    return keys[starts] ?? null;
  });
}

/** A segment start must name the head it follows and change the key. */
function isValidStart(s: Sodium, entry: ChainedAuditEntry, ownKey: Uint8Array, previous: AuditHead): boolean {
  const data = dataOf(entry);
  const retired = retiredKeyOf(s, entry);
  const afterHash = data?.['afterHash'];
  if (!data || !retired || data['afterSeq'] !== previous.seq || typeof afterHash !== 'string' || !HEX_KEY.test(afterHash)) return false;
  // Both compared in constant time: the retired key is secret until this entry is trusted.
  const namesHead = constantTimeEqual(s.from_hex(afterHash), previous.hash);
  const changesKey = !constantTimeEqual(retired, ownKey);
  return namesHead && changesKey;
}

/**
 * `checkAuditLink` for a chain with segments: `key` is the entry's segment key (`segmentKeysOf`),
 * and a segment start must also be valid (`isValidStart`).
 */
export function checkSegmentedLink(s: Sodium, key: Uint8Array | null, previous: AuditHead, stored: ChainedAuditEntry): AuditLinkFault | null {
  return checkAuditLink(s, key, previous, stored, (trusted) => !key || !isAuditSegmentStart(stored) || isValidStart(s, stored, key, trusted));
}

/**
 * `verifyAuditChain` for a chain that may have segments: `lastSegmentKey` (the keyring's audit
 * key) verifies the last segment, and each segment start supplies the key of the one before it.
 * A segment start that does not name the head before it, reveals no usable key, or keeps the
 * key, is reported as `entry` — as is every entry of the segment it should have unlocked.
 */
export async function verifySegmentedAuditChain(
  lastSegmentKey: Uint8Array,
  entries: readonly ChainedAuditEntry[],
  expectedHead: AuditHead,
  start: AuditHead = genesisAuditHead(),
): Promise<AuditVerification> {
  const s = await getSodium();
  if (!(lastSegmentKey instanceof Uint8Array) || lastSegmentKey.length !== 32 || s.is_zero(lastSegmentKey)) {
    throw new TypeError('audit key must be 32 bytes and not wiped');
  }
  const keys = segmentKeys(s, entries, lastSegmentKey);
  try {
    return walkAuditLinks(
      auditLinksOf(entries, (previous, stored, index) => checkSegmentedLink(s, keys[index] ?? null, previous, stored)),
      expectedHead,
      start,
    );
  } finally {
    // The retired keys the starts revealed (copies decoded here); the caller's key stays.
    for (const key of new Set(keys)) if (key && key !== lastSegmentKey) wipe(key);
  }
}

/**
 * True when the last segment start in `entries` retired `key` (compared in constant time): the
 * segment it opened took over from the segment `key` verifies.
 */
export async function lastSegmentRetired(entries: readonly ChainedAuditEntry[], key: Uint8Array): Promise<boolean> {
  const s = await getSodium();
  const last = [...entries].reverse().find(isAuditSegmentStart);
  const retired = last ? retiredKeyOf(s, last) : null;
  return retired !== null && constantTimeEqual(retired, key);
}
