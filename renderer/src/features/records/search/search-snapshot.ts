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
 * Layout (format 4): UTF-8 lines, each one JSON value, so a restore parses one line at a time
 * and drops it once folded into the index (issue 7: restoring the whole text as one JSON
 * value left several times the index's size as garbage in the search worker at 100,000):
 * - a header `{"v": 4, "e": linked entity ids, "n": next short id, "c": testimonies, "a": average field lengths}`;
 * - lines `["t", row, …]`, a row per testimony: `[shortId, id, version, referenceCode, field lengths, links]`
 *   (links are positions in `e`);
 * - lines `["i", term, …]` of postings (posting-list.ts `encodeTerm`).
 * Postings of discarded testimonies are not written.
 */
import { isId, type Id } from '../../../../../shared/domain/ids';
import { compactPostings, decodeTerm, encodeTerm } from './posting-list';
import type { NamedDoc } from './search-docs';
import { newTestimonyIndex, SearchEngine, TESTIMONY_INDEX_OPTIONS, testimonyInternals } from './search-engine';

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

function parseHeader(line: string | undefined): Header | null {
  const raw = parseLine(line);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { v, e, n, c, a } = raw as Record<string, unknown>;
  if (v !== INDEX_FORMAT || !isIds(e) || !isCount(n) || !isCount(c) || c > n) return null;
  if (!Array.isArray(a) || a.length !== FIELDS || !a.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) return null;
  return { e, n, c, a };
}

function parseLine(line: string | undefined): unknown {
  if (line === undefined) return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The lines of `source`, decoded one at a time (a malformed UTF-8 sequence throws). */
function* linesOf(source: SnapshotSource): Generator<string> {
  if (typeof source === 'string') {
    for (let from = 0; from <= source.length; ) {
      const end = source.indexOf('\n', from);
      yield source.slice(from, end === -1 ? source.length : end);
      if (end === -1) return;
      from = end + 1;
    }
    return;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let from = 0; from <= source.length; ) {
    const end = source.indexOf(0x0a, from);
    yield decoder.decode(source.subarray(from, end === -1 ? source.length : end));
    if (end === -1) return;
    from = end + 1;
  }
}

/** UTF-8 bytes written a line at a time into one growing buffer (no whole-index string). */
class ByteSink {
  private bytes = new Uint8Array(64 * 1024);
  private length = 0;
  private readonly encoder = new TextEncoder();

  write(text: string): void {
    // At most 3 bytes per UTF-16 unit.
    const need = this.length + text.length * 3;
    if (need > this.bytes.length) {
      const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.length));
      release(this.bytes);
      this.bytes = grown;
    }
    this.length += this.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  /** The bytes written, in a buffer of their exact size. */
  finish(): Uint8Array<ArrayBuffer> {
    const out = this.bytes.slice(0, this.length);
    release(this.bytes);
    this.bytes = new Uint8Array(0);
    return out;
  }
}

/**
 * Frees `bytes`' memory now instead of at the next garbage collection, where the runtime can
 * (ArrayBuffer.prototype.transfer detaches it); otherwise leaves it to the collector.
 * The caller must hold the only use of it.
 */
export function release(bytes: Uint8Array): void {
  const buffer: unknown = bytes.buffer;
  if (!(buffer instanceof ArrayBuffer)) return;
  const movable = buffer as ArrayBuffer & { transfer?: (length?: number) => ArrayBuffer; readonly detached?: boolean };
  if (typeof movable.transfer === 'function' && movable.detached !== true) movable.transfer(0);
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
    const sink = new ByteSink();
    let first = true;
    for (const line of this.snapshotLines()) {
      sink.write(first ? line : `\n${line}`);
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
   * Reads it a line at a time; anything not made by this INDEX_FORMAT restores nothing.
   */
  prepare(source: SnapshotSource | null): void {
    if (this.prepared) return;
    this.prepared = { restored: source !== null && this.load(source) };
  }

  /**
   * Finishes a restore (after `prepare`; without it, as from no snapshot): indexes `names`,
   * drops every testimony not in `current` (id → version), and returns the testimonies to
   * (re-)index. `source`, if given, is prepared first.
   */
  restore(source: SnapshotSource | null, current: ReadonlyMap<Id, number>, names: CurrentNames): RestoreOutcome {
    this.prepare(source);
    const restored = this.prepared?.restored ?? false;
    const stale = new Set<Id>();
    for (const doc of names.facilities) this.addNamed('facility', doc);
    for (const doc of names.perpetrators) this.addNamed('perpetrator', doc);
    let dropped = 0;
    for (const id of [...this.meta.keys()]) {
      if (current.has(id)) continue;
      this.removeTestimony(id);
      dropped += 1;
    }
    for (const [id, version] of current) if (this.meta.get(id)?.version !== version || version === 0) stale.add(id);
    for (const id of stale) if (this.meta.has(id)) this.pending.add(id);
    return { restored, stale: [...stale].filter((id) => current.has(id)), dropped };
  }

  /** Takes over the snapshot's index; false (and nothing changed) if it does not hold together. */
  private load(source: SnapshotSource): boolean {
    let rows: [Id, number, string, number[], number][];
    let header: Header | null;
    let index: ReturnType<typeof newTestimonyIndex>;
    try {
      const lines = linesOf(source);
      header = parseHeader(lines.next().value ?? undefined);
      if (!header) return false;
      const { e, n, c, a } = header;
      index = newTestimonyIndex(n);
      const internals = testimonyInternals(index);
      internals._nextId = n;
      internals._avgFieldLength = [...a];
      rows = [];
      for (const line of lines) {
        const parsed = parseLine(line);
        if (!Array.isArray(parsed) || parsed.length < 2) return false;
        const [kind, ...items] = parsed as unknown[];
        if (kind === 't') {
          for (const row of items) {
            if (!Array.isArray(row) || row.length !== 6) return false;
            const [shortId, id, version, referenceCode, lengths, links] = row as unknown[];
            if (!isCount(shortId) || shortId >= n || !isId(id) || !Number.isSafeInteger(version) || typeof referenceCode !== 'string' || !isLinks(links, e.length)) return false;
            if (!Array.isArray(lengths) || lengths.length !== FIELDS || !lengths.every(isCount)) return false;
            if (internals._documentIds.has(shortId) || internals._idToShortId.has(id)) return false;
            internals._documentIds.set(shortId, id);
            internals._idToShortId.set(id, shortId);
            internals._fieldLength.put(shortId, lengths);
            rows.push([id, version as number, referenceCode, links, shortId]);
          }
        } else if (kind === 'i') {
          for (const item of items) {
            const decoded = decodeTerm(item, FIELDS, n);
            if (!decoded || internals._index.get(decoded.term)) return false;
            internals._index.set(decoded.term, decoded.postings);
          }
        } else return false;
      }
      if (rows.length !== c) return false;
      internals._documentCount = c;
    } catch {
      return false; // a malformed UTF-8 sequence
    }
    this.testimonyIndex = index;
    const numbers = header.e.map((entity) => this.links.numberOf(entity));
    for (const [id, version, referenceCode, linked, shortId] of rows) {
      const slot = this.links.addNumbered(id, shortId, linked.map((at) => numbers[at] ?? 0));
      this.meta.set(id, { version, referenceCode, slot });
    }
    return true;
  }

  private addNamed(kind: 'facility' | 'perpetrator', doc: NamedDoc): void {
    const docs = kind === 'facility' ? this.facilities : this.perpetrators;
    if (!docs.has(doc.id)) this.indexNamed(kind, doc);
  }
}
