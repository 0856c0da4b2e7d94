/**
 * The head index: for every record id, what the vault must know *before* trusting a row.
 * Runs in the vault worker; held decrypted in worker memory while unlocked, dropped at lock.
 *
 *   record id → { type, compartment, head version, history row ids, tombstone }
 *
 * It is what lets storage stay meaningless: listing by type reads it instead of clear types;
 * a row whose inner version is not the head version is a replay; a tombstone keeps a deleted
 * record from being resurrected by writing an old row back.
 *
 * Stored as SHARD_COUNT encrypted shards keyed by shard number (structural, meaningless): a
 * save re-encrypts one shard (a few KiB at 10,000 records), not the whole index, and a record
 * lands in the shard named by its random id's first byte, which tells nothing about it. Each
 * shard's envelope version is its generation, +1 per write; the audit trail records the
 * generation of every write, so rolling a shard back to an older genuine copy is noticed at
 * unlock (audit-verify.ts).
 */
import { COMPARTMENTS, type Compartment, type RecordContent } from '../../../../shared/crypto';
import { isId, type Id } from '../../../../shared/domain/ids';
import { RecordIntegrityError } from '../vault-errors';
import { isPlainRecord, locationId } from './sealed-rows';

/** Number of shards. 64: one shard per save stays small, and unlock opens only 64 rows. */
export const SHARD_COUNT = 64;
/** Envelope type of a shard. */
export const SHARD_TYPE = 'head-shard';
const TYPE = /^[a-z][a-z0-9-]{0,47}$/;

/** What the index knows about one record. */
export interface HeadEntry {
  readonly type: string;
  readonly compartment: Compartment;
  /** Current version (the last one written, for a deleted record). */
  readonly version: number;
  /** Version row ids, oldest first: `history[v - 1]` holds version v. Empty once deleted. */
  readonly history: readonly Id[];
  /** Set once deleted; the entry then stays forever so the id cannot come back. */
  readonly deleted: boolean;
  /**
   * Row id of the record's summary in `objects` (record-summaries.ts), if it has one. Absent
   * for kinds without a summary and for records saved before summaries existed.
   */
  readonly summary?: Id;
}

/** One shard, immutable: a write builds the next one and swaps it in after the commit. */
export interface Shard {
  readonly number: number;
  /** 0 for a shard never written (no row yet). */
  readonly generation: number;
  readonly entries: ReadonlyMap<Id, HeadEntry>;
}

/** The shard a record id belongs to. */
export function shardOf(id: Id): number {
  return (locationId(id)[0] ?? 0) % SHARD_COUNT;
}

/** An empty shard that was never written. */
export function emptyShard(number: number): Shard {
  return { number, generation: 0, entries: new Map() };
}

/** The shard after setting `id`'s entry: the next generation, to be sealed and committed. */
export function withEntry(shard: Shard, id: Id, entry: HeadEntry): Shard {
  const entries = new Map(shard.entries);
  entries.set(id, entry);
  return { number: shard.number, generation: shard.generation + 1, entries };
}

/** The envelope content of a shard (compact keys: this is re-encrypted on every save). */
export function encodeShard(shard: Shard): RecordContent {
  const e: Record<string, unknown> = {};
  for (const [id, entry] of shard.entries) {
    e[id] = { t: entry.type, c: entry.compartment, v: entry.version, h: entry.history, ...(entry.deleted ? { x: 1 } : {}), ...(entry.summary ? { s: entry.summary } : {}) };
  }
  return { type: SHARD_TYPE, version: shard.generation, body: { e } };
}

function decodeEntry(raw: unknown): HeadEntry {
  if (!isPlainRecord(raw)) throw new RecordIntegrityError('tampered');
  const { t, c, v, h, x, s } = raw;
  const deleted = x === 1;
  if (s !== undefined && (!isId(s) || deleted)) throw new RecordIntegrityError('tampered');
  if (typeof t !== 'string' || !TYPE.test(t) || !COMPARTMENTS.includes(c as Compartment)) throw new RecordIntegrityError('tampered');
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || !Array.isArray(h) || !h.every(isId)) throw new RecordIntegrityError('tampered');
  if (deleted ? h.length !== 0 : h.length !== v) throw new RecordIntegrityError('tampered');
  const entry: HeadEntry = { type: t, compartment: c as Compartment, version: v, history: h, deleted };
  return s === undefined ? entry : { ...entry, summary: s };
}

/** Parses a decrypted shard; anything malformed is `RecordIntegrityError('tampered')`. */
export function decodeShard(number: number, content: RecordContent): Shard {
  const body = content.body;
  if (!isPlainRecord(body) || !isPlainRecord(body['e'])) throw new RecordIntegrityError('tampered');
  const entries = new Map<Id, HeadEntry>();
  for (const [id, raw] of Object.entries(body['e'])) {
    if (!isId(id) || shardOf(id) !== number) throw new RecordIntegrityError('tampered');
    entries.set(id, decodeEntry(raw));
  }
  return { number, generation: content.version, entries };
}

/** The decrypted index: all shards, plus the ones that could not be opened. */
export class HeadIndex {
  constructor(
    private readonly shards: Shard[],
    /** Shards that failed to decrypt: records in them are refused, never silently re-created. */
    readonly broken: ReadonlySet<number>,
  ) {}

  /** The shard holding `id`; `RecordIntegrityError` if that shard is unreadable. */
  shardFor(id: Id): Shard {
    const number = shardOf(id);
    if (this.broken.has(number)) throw new RecordIntegrityError('tampered');
    return this.shards[number] ?? emptyShard(number);
  }

  /** The entry of `id`, if any (deleted ones included). */
  get(id: Id): HeadEntry | undefined {
    return this.shardFor(id).entries.get(id);
  }

  /** Every shard, for rotation and verification. */
  all(): readonly Shard[] {
    return this.shards;
  }

  /** Live records of `type`, in shard order; `inShard` limits them to some shards. */
  *liveOfType(type: string, inShard: (number: number) => boolean = () => true): Generator<[Id, HeadEntry]> {
    for (const shard of this.shards) {
      if (!inShard(shard.number)) continue;
      for (const [id, entry] of shard.entries) if (entry.type === type && !entry.deleted) yield [id, entry];
    }
  }

  /** Swaps in a shard after its write committed. */
  commit(shard: Shard): void {
    this.shards[shard.number] = shard;
  }
}
