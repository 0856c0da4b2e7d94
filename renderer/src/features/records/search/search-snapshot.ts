/**
 * Saving and restoring the testimony index, so unlock re-indexes only what changed since the
 * last save instead of every testimony (issue 7). Pure; runs in the search worker. The text
 * made here is handed to the vault, which stores it encrypted (vault/worker/search-index-store.ts):
 * it holds every indexed word, so it never goes anywhere else.
 *
 * The snapshot says which (testimony, version) pairs it covers and what each links to, so a
 * restore can tell exactly what is stale: a testimony saved since (other version), deleted
 * since (dropped here) or new since. Linked names are not in the testimony index (they are
 * matched at query time, search-links.ts), so a facility or perpetrator renamed or removed
 * since makes nothing stale. Stale testimonies stay findable by their old words until their
 * documents arrive; a snapshot taken meanwhile records them as version 0 (stale). Facility and
 * perpetrator indexes are small and rebuilt from the case file every time.
 *
 * INDEX_FORMAT changes whenever tokenising or search keys change (search-engine.ts,
 * shared/names), or this layout: an index made otherwise would silently miss words, so it is rebuilt.
 *
 * Layout (format 4): UTF-8 lines, each one JSON value, so a restore reads a few KB of a line's
 * items at a time (snapshot-reader.ts) and folds them into the index before the next (issue 7:
 * restoring the whole text as one JSON value, then a line at a time, left several times the
 * index's size as garbage in the search worker at 100,000):
 * - a header `{"v": 4, "e": linked entity ids, "n": next short id, "c": testimonies, "a": average field lengths}`;
 * - lines `["t", row, …]`, a row per testimony: `[shortId, id, version, referenceCode, field lengths, links]`
 *   (links are positions in `e`);
 * - lines `["i", term, …]` of postings (posting-list.ts `encodeTerm`).
 * Postings of discarded testimonies are not written.
 */
import { isId, type Id } from '../../../../../shared/domain/ids';
import { Utf8Sink } from '../../../../../shared/stream/utf8-sink';
import { compactPostings, decodeTerm, encodeTerm } from './posting-list';
import type { NamedDoc } from './search-docs';
import { newTestimonyIndex, SearchEngine, TESTIMONY_INDEX_OPTIONS, testimonyInternals, type TestimonyMeta } from './search-engine';
import { LinkTable } from './search-links';
import { itemBatches, readHeader } from './snapshot-reader';

/** Version of the snapshot layout and of the keys inside it (4: line by line, own field lengths; 3: no linked names in the index). */
export const INDEX_FORMAT = 4;

/** The facilities' and perpetrators' names a restore indexes. */
export interface CurrentNames {
  readonly facilities: readonly NamedDoc[];
  readonly perpetrators: readonly NamedDoc[];
}

/** What a restore found. */
export interface RestoreOutcome {
  /** False if there was no usable snapshot (everything is stale). */
  readonly restored: boolean;
  /** Testimonies whose documents must be (re-)indexed. */
  readonly stale: Id[];
  /** Testimonies of the snapshot dropped because they are no longer live. */
  readonly dropped: number;
}

/** A saved index: its UTF-8 bytes (as the vault hands them over) or its text. */
export type SnapshotSource = Uint8Array | string;

/** Rows and terms per line: lines of a few hundred KB, parsed and dropped one at a time. */
const ROWS_PER_LINE = 2000;
const LINE_CHARS = 256 * 1024;

const FIELDS = TESTIMONY_INDEX_OPTIONS.fields?.length ?? 0;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isIds = (value: unknown): value is Id[] => Array.isArray(value) && value.every(isId) && new Set(value).size === value.length;
const isLinks = (value: unknown, entities: number): value is number[] =>
  Array.isArray(value) && value.every((x) => isCount(x) && x < entities) && new Set(value).size === value.length;

interface Header {
  readonly e: Id[];
  readonly n: number;
  readonly c: number;
  readonly a: number[];
}

function parseHeader(raw: unknown): Header | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { v, e, n, c, a } = raw as Record<string, unknown>;
  if (v !== INDEX_FORMAT || !isIds(e) || !isCount(n) || !isCount(c) || c > n) return null;
  if (!Array.isArray(a) || a.length !== FIELDS || !a.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) return null;
  return { e, n, c, a };
}

/**
 * Frees `bytes`' memory now instead of at the next full garbage collection, where the runtime
 * can. The caller must hold the only use of it. A buffer that arrived by postMessage (the
 * saved index) is also held by Chromium's own wrapper of it: detaching it with
 * ArrayBuffer.prototype.transfer left the memory allocated until that wrapper was collected
 * (measured: the whole 22 MB index at 100,000 testimonies still in the worker's PSS when search
 * became ready, issue 7), whereas transferring it through a message port hands it to Chromium,
 * which frees it when the message is dropped (the other end is closed).
 */
export function release(bytes: ArrayBufferView): void {
  const buffer: unknown = bytes.buffer;
  if (!(buffer instanceof ArrayBuffer)) return;
  const movable = buffer as ArrayBuffer & { transfer?: (length?: number) => ArrayBuffer; readonly detached?: boolean };
  if (movable.detached === true) return;
  if (typeof MessageChannel === 'function') {
    // Nothing receives this message: the other port is closed first.
    const { port1, port2 } = new MessageChannel();
    port2.close();
    port1.postMessage(null, [buffer]);
    port1.close();
    return;
  }
  if (typeof movable.transfer === 'function') movable.transfer(0);
}

/** What a snapshot restores: the testimony index, what it covers and its links. */
interface TakenSnapshot {
  readonly index: ReturnType<typeof newTestimonyIndex>;
  readonly meta: Map<Id, TestimonyMeta>;
  readonly links: LinkTable;
}

/**
 * The index of a snapshot's `bytes`, read a batch of items at a time (snapshot-reader.ts) and
 * folded into the final structures as they come: no list of rows or terms on the way. Null
 * if anything does not hold together; throws if the bytes are not JSON lines or not UTF-8.
 */
function takeSnapshot(bytes: Uint8Array): TakenSnapshot | null {
  const start = readHeader(bytes);
  const header = parseHeader(start.value);
  if (!header) return null;
  const { e, n, c, a } = header;
  const index = newTestimonyIndex(n);
  const internals = testimonyInternals(index);
  internals._nextId = n;
  internals._avgFieldLength = [...a];
  const meta = new Map<Id, TestimonyMeta>();
  // A fresh table numbers the linked entities in the order given: a row's links (positions in `e`) are their numbers.
  const links = new LinkTable(c);
  for (const entity of e) links.numberOf(entity);
  for (const [kind, items] of itemBatches(bytes, start.next)) {
    if (kind === 't') {
      for (const row of items) {
        if (!Array.isArray(row) || row.length !== 6) return null;
        const [shortId, id, version, referenceCode, lengths, linked] = row as unknown[];
        if (!isCount(shortId) || shortId >= n || !isId(id) || !Number.isSafeInteger(version) || typeof referenceCode !== 'string' || !isLinks(linked, e.length)) return null;
        if (!Array.isArray(lengths) || lengths.length !== FIELDS || !lengths.every(isCount)) return null;
        if (internals._documentIds.has(shortId) || internals._idToShortId.has(id)) return null;
        internals._documentIds.set(shortId, id);
        internals._idToShortId.set(id, shortId);
        internals._fieldLength.put(shortId, lengths);
        meta.set(id, { version: version as number, referenceCode, slot: links.addRestored(id, shortId, linked) });
      }
    } else if (kind === 'i') {
      for (const item of items) {
        const decoded = decodeTerm(item, FIELDS, n);
        if (!decoded || internals._index.get(decoded.term)) return null;
        internals._index.set(decoded.term, decoded.postings);
      }
    } else return null;
  }
  if (meta.size !== c) return null;
  internals._documentCount = c;
  links.linkAll();
  return { index, meta, links };
}

/** The search engine with save and restore. */
export class PersistentSearchEngine extends SearchEngine {
  /** Set by `prepare`: whether a snapshot was taken over. */
  private prepared: { readonly restored: boolean } | null = null;

  /** The testimony index and what it covers, as text (tests; the worker uses `snapshotBytes`). */
  snapshot(): string {
    return [...this.snapshotLines()].join('\n');
  }

  /** The snapshot as UTF-8 bytes, encoded a line at a time. */
  snapshotBytes(): Uint8Array<ArrayBuffer> {
    // Outgrown buffers are released at once: this worker lives for the session.
    const sink = new Utf8Sink(64 * 1024, release);
    let first = true;
    for (const line of this.snapshotLines()) {
      sink.append(first ? line : `\n${line}`);
      first = false;
    }
    return sink.finish();
  }

  private *snapshotLines(): Generator<string> {
    // Run a while after changes settle (search-client.ts): a good moment to make the postings compact.
    compactPostings(this.testimonyIndex);
    const internals = testimonyInternals(this.testimonyIndex);
    internals._fieldLength.trim(internals._nextId);
    // Only entities still linked, numbered afresh: ids of deleted ones do not pile up across sessions.
    const e: Id[] = [];
    const position = new Map<number, number>();
    const at = (number: number) => {
      let found = position.get(number);
      if (found === undefined) {
        position.set(number, (found = e.length));
        e.push(this.links.entityIds[number] ?? '');
      }
      return found;
    };
    const rows: unknown[][] = [];
    for (const [id, meta] of this.meta) {
      const shortId = internals._idToShortId.get(id) ?? -1;
      const lengths = internals._fieldLength.get(shortId) ?? [];
      const row = [shortId, id, this.pending.has(id) ? 0 : meta.version, meta.referenceCode, Array.from({ length: FIELDS }, (_, f) => lengths[f] ?? 0), this.links.numbersOf(meta.slot).map(at)];
      if (rows.length === 0 || (rows.at(-1)?.length ?? 0) > ROWS_PER_LINE) rows.push(['t']);
      rows.at(-1)?.push(row);
    }
    const a = Array.from({ length: FIELDS }, (_, field) => internals._avgFieldLength[field] ?? 0); // [] while nothing was ever indexed
    yield JSON.stringify({ v: INDEX_FORMAT, e, n: internals._nextId, c: this.meta.size, a });
    for (const line of rows) yield JSON.stringify(line);
    rows.length = 0;
    const live = (shortId: number) => internals._documentIds.has(shortId);
    let line: string[] = [];
    let chars = 0;
    for (const [term, fields] of internals._index) {
      const encoded = encodeTerm(term, fields, live);
      if (!encoded) continue;
      const text = JSON.stringify(encoded);
      line.push(text);
      chars += text.length;
      if (chars >= LINE_CHARS) {
        yield `["i",${line.join(',')}]`;
        line = [];
        chars = 0;
      }
    }
    if (line.length > 0) yield `["i",${line.join(',')}]`;
  }

  /**
   * Takes over the saved index `source` (null: none) into this fresh engine: the slow part
   * (parsing, rebuilding the term tree), which can run while the case file is still loading.
   * Reads a line's items a few KB at a time (snapshot-reader.ts); anything not made by this
   * INDEX_FORMAT restores nothing.
   */
  prepare(source: SnapshotSource | null): void {
    if (this.prepared) return;
    this.prepared = { restored: source !== null && this.load(source) };
  }

  /**
   * Finishes a restore (after `prepare`; without it, as from no snapshot): indexes `names`,
   * drops every testimony not in `current` (id, version: every live testimony once), and
   * returns the testimonies to (re-)index. `source`, if given, is prepared first.
   */
  restore(source: SnapshotSource | null, current: Iterable<readonly [Id, number]>, names: CurrentNames): RestoreOutcome {
    this.prepare(source);
    const restored = this.prepared?.restored ?? false;
    for (const doc of names.facilities) this.addNamed('facility', doc);
    for (const doc of names.perpetrators) this.addNamed('perpetrator', doc);
    // One pass over `current`, marking the held testimonies it names by slot: no Map or Set of it.
    const named = new Uint8Array(this.links.slots);
    const stale = new Set<Id>();
    for (const [id, version] of current) {
      const held = this.meta.get(id);
      if (held) named[held.slot] = 1;
      if (held?.version !== version || version === 0) stale.add(id);
    }
    let dropped = 0;
    for (const [id, held] of this.meta) {
      if (named[held.slot] === 1) continue;
      this.removeTestimony(id); // deleting the entry being visited is safe in a Map's iteration
      dropped += 1;
    }
    for (const id of stale) if (this.meta.has(id)) this.pending.add(id);
    return { restored, stale: [...stale], dropped };
  }

  /**
   * Takes over the snapshot's index; false (and nothing changed) if it does not hold together.
   * The testimony index, what it covers and the links are replaced together (`prepare` runs on
   * a fresh engine), built straight into their final form as the bytes are read.
   */
  private load(source: SnapshotSource): boolean {
    let taken: TakenSnapshot | null;
    try {
      taken = takeSnapshot(typeof source === 'string' ? new TextEncoder().encode(source) : source);
    } catch {
      return false; // not JSON lines, or a malformed UTF-8 sequence
    }
    if (!taken) return false;
    this.testimonyIndex = taken.index;
    this.meta = taken.meta;
    this.links = taken.links;
    return true;
  }

  private addNamed(kind: 'facility' | 'perpetrator', doc: NamedDoc): void {
    const docs = kind === 'facility' ? this.facilities : this.perpetrators;
    if (!docs.has(doc.id)) this.indexNamed(kind, doc);
  }
}
