/**
 * Verifying the audit trail at unlock. Runs in the vault worker.
 *
 * The keyring's head is the anchor: entries up to it must chain to exactly that hash. Entries
 * beyond it are normal after a crash or a lock before the batched head reached the keyring
 * (keyring-holder.ts); if they chain correctly from the anchor they are rolled forward, since
 * only the holder of the audit key can produce them. Anything else becomes a warning that is
 * shown and never repaired: nothing is deleted or rewritten, so the evidence stays.
 *
 * It also catches an older copy of the keyring file put back (see `kg` in audit-log.ts). A
 * consistent rollback of keyring *and* database together cannot be detected offline.
 *
 * The trail also protects the head index against rollback: each write records the generation
 * it gave a head shard or the settings row, so an older genuine copy of one of those rows
 * (which decrypts fine) no longer matches the trail.
 *
 * After an audit key rotation the chain has segments (shared/crypto/audit-segments.ts): the
 * keyring's key verifies the last one and each segment start reveals the key before it. A
 * rotation cut short between its segment start (database) and the keyring write leaves a tail
 * under the *next* key, which only the master key can derive: such a tail is rolled forward
 * and the key adopted, like any tail the keyring has not anchored yet.
 */
import {
  lastSegmentRetired,
  verifySegmentedAuditChain,
  type AuditHead,
  type AuditVerification,
  type ChainedAuditEntry,
  type UnlockedKeyring,
} from '../../../../shared/crypto';
import type { AuditProblem, AuditWarning } from '../vault-client';
import { KEYRING_GENERATION, TRACKED_GENERATION, TRACKED_ROW, type LoadedAudit } from './audit-log';

/** Outcome of the check. */
export interface AuditCheck {
  readonly warning: AuditWarning | null;
  /** Where new entries continue: the rolled-forward tail, or the keyring's head. */
  readonly head: AuditHead;
  /** True if the head moved beyond the keyring's: write it to the keyring now. */
  readonly rolledForward: boolean;
  /** True if the rolled-forward tail is a new segment under the next audit key: adopt that key. */
  readonly adoptNextKey: boolean;
}

/** Generation-tracked rows: `h<shard>` for head shards, `settings` for the settings row. */
export type GenerationMap = ReadonlyMap<string, number>;

/** What the check uses of the keyring it verifies against. */
export type AuditAnchor = Pick<UnlockedKeyring, 'auditKey' | 'auditHead' | 'generation'>;

/** Where the chain up to the anchor first fails: what and at which sequence number. */
export interface ChainFailure {
  readonly problem: AuditProblem;
  readonly firstBadSeq: number;
}

function problemOf(result: Extract<AuditVerification, { ok: false }>): AuditProblem {
  return result.reason === 'beyond-head' ? 'sequence' : result.reason;
}

/**
 * The failure `result` reports for a walk over `walked` (entries, or links, in the order
 * walked): the entry at the first bad index, or one past the last when entries are missing.
 */
export function failed(walked: Iterable<{ readonly seq: number }>, result: Extract<AuditVerification, { ok: false }>): ChainFailure {
  let index = 0;
  let last = 0;
  for (const { seq } of walked) {
    if (index === result.firstBadIndex) return { problem: problemOf(result), firstBadSeq: seq };
    last = seq;
    index += 1;
  }
  return { problem: problemOf(result), firstBadSeq: last + 1 };
}

function dataOf(entry: ChainedAuditEntry): Record<string, unknown> {
  const data = entry.entry.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/**
 * What the check learns from the rows besides the chain itself, one row at a time (so the
 * deferred check need not hold them): whether any did not open, the latest keyring generation
 * any entry was written under, and the highest generation the trail recorded for each tracked row.
 */
export class TrailFacts {
  unreadable = false;
  latestKeyringGeneration = 0;
  readonly recorded = new Map<string, number>();

  add(row: LoadedAudit['chained']): void {
    if (!row) {
      this.unreadable = true;
      return;
    }
    const data = dataOf(row);
    const kg = data[KEYRING_GENERATION];
    if (typeof kg === 'number' && kg > this.latestKeyringGeneration) this.latestKeyringGeneration = kg;
    const { [TRACKED_ROW]: obj, [TRACKED_GENERATION]: gen } = data;
    if (typeof obj === 'string' && typeof gen === 'number') this.recorded.set(obj, Math.max(this.recorded.get(obj) ?? 0, gen));
  }
}

/** The tail beyond the anchor, verified under `key` as the last segment's key. */
async function verifyTail(key: Uint8Array, beyond: readonly ChainedAuditEntry[], anchor: AuditHead): Promise<AuditVerification | null> {
  const last = beyond[beyond.length - 1];
  return last ? verifySegmentedAuditChain(key, beyond, { seq: last.seq, hash: last.hash }, anchor) : null;
}

/** The trail as the check sees it: `facts` about every row, and the chain in two parts. */
export interface TrailParts {
  readonly facts: TrailFacts;
  /** Verifies the entries up to the anchor against it; null if they hold. Runs after the keyring-rollback check. */
  readonly verifyWithin: () => Promise<ChainFailure | null>;
  /** The entries beyond the anchor, in order. */
  readonly beyond: readonly ChainedAuditEntry[];
}

/**
 * Verifies `loaded` against the keyring's `anchor` and checks that `stored` generations match
 * what the trail recorded. `nextKey` (from `nextAuditKey`) lets a tail that a cut-short audit
 * key rotation left behind be recognised; without it such a tail is reported.
 */
export async function checkAudit(keyring: AuditAnchor, loaded: readonly LoadedAudit[], stored: GenerationMap, nextKey?: Uint8Array): Promise<AuditCheck> {
  const { auditKey, auditHead: anchor } = keyring;
  const facts = new TrailFacts();
  for (const row of loaded) facts.add(row.chained);
  const entries = loaded.flatMap((row) => (row.chained ? [row.chained] : []));
  const within = entries.filter((e) => e.seq <= anchor.seq);
  const beyond = entries.filter((e) => e.seq > anchor.seq);
  const verifyWithin = async (): Promise<ChainFailure | null> => {
    // The anchor always lies in the segment of the keyring's own key (the keyring adopts a new
    // key together with a head at or after that key's segment start).
    const result = await verifySegmentedAuditChain(auditKey, within, anchor);
    return result.ok ? null : failed(within, result);
  };
  return judgeAudit(keyring, { facts, verifyWithin, beyond }, stored, nextKey);
}

/**
 * The rules of the check over a trail in parts (`checkAudit`; the deferred check,
 * audit-background.ts, gathers the parts without holding every entry).
 */
export async function judgeAudit(keyring: AuditAnchor, trail: TrailParts, stored: GenerationMap, nextKey?: Uint8Array): Promise<AuditCheck> {
  const { auditKey, auditHead: anchor } = keyring;
  const { facts, beyond } = trail;
  const refused = (warning: AuditWarning): AuditCheck => ({ warning, head: anchor, rolledForward: false, adoptNextKey: false });

  // A row that does not open (altered, or moved under another id) is named as such; the chain
  // check below then only says where the first gap is. (Read `facts` only after `verifyWithin`:
  // the deferred check may learn of an unreadable row there.)
  const problem = (failure: ChainFailure): AuditWarning => (facts.unreadable ? { problem: 'unreadable', firstBadSeq: failure.firstBadSeq } : failure);

  // An older genuine keyring file (say, from before a passphrase change) opens, and its
  // anchor is older, so the newer entries would chain from it and be rolled forward: the
  // generation they were written under is what gives the swap away.
  if (facts.latestKeyringGeneration > keyring.generation) return refused({ problem: 'keyring-rollback', firstBadSeq: null });

  const first = await trail.verifyWithin();
  if (first) return refused(problem(first));

  let head = anchor;
  let adoptNextKey = false;
  const tail = await verifyTail(auditKey, beyond, anchor);
  if (tail && !tail.ok) {
    // Under the next key, and opened by a segment start that retired the keyring's key: the
    // vault's own rotation, cut short. Anyone else would need the master key to produce it.
    const resumed = nextKey ? await verifyTail(nextKey, beyond, anchor) : null;
    if (!resumed?.ok || !(await lastSegmentRetired(beyond, auditKey))) return refused(problem(failed(beyond, tail)));
    adoptNextKey = true;
  }
  const last = beyond[beyond.length - 1];
  if (last) head = { seq: last.seq, hash: last.hash };
  const rolledForward = last !== undefined;

  if (facts.unreadable) return { warning: { problem: 'unreadable', firstBadSeq: null }, head, rolledForward, adoptNextKey };

  const names = new Set([...facts.recorded.keys(), ...stored.keys()]);
  for (const name of names) {
    if ((facts.recorded.get(name) ?? 0) !== (stored.get(name) ?? 0)) {
      return { warning: { problem: 'head-rollback', firstBadSeq: null }, head, rolledForward, adoptNextKey };
    }
  }
  return { warning: null, head, rolledForward, adoptNextKey };
}
