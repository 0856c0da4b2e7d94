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
 * shared/names): an index made with other keys would silently miss words, so it is rebuilt.
 */
import MiniSearch from 'minisearch';
import { isId, type Id } from '../../../../../shared/domain/ids';
import { compactPostings, decodePostings, encodePostings } from './posting-list';
import type { NamedDoc, TestimonyDoc } from './search-docs';
import { SearchEngine, TESTIMONY_INDEX_OPTIONS } from './search-engine';

/** Version of the snapshot layout and of the keys inside it (3: no linked names in the index; links as numbers). */
export const INDEX_FORMAT = 3;

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

/** A testimony: id, version, reference code, and what it links to (positions in the snapshot's `e`). */
type MetaRow = [Id, number, string, number[]];

interface Snapshot {
  readonly v: number;
  /** Every facility and perpetrator id some testimony links to, once. */
  readonly e: Id[];
  readonly t: MetaRow[];
  /** minisearch's own JSON of the testimony index, without its postings (`index` empty)… */
  readonly x: Parameters<typeof MiniSearch.loadJS>[0];
  /** …which are here, compact (posting-list.ts). */
  readonly i: unknown;
}

const isIds = (value: unknown): value is Id[] => Array.isArray(value) && value.every(isId) && new Set(value).size === value.length;
const isLinks = (value: unknown, entities: number): value is number[] =>
  Array.isArray(value) && value.every((x) => Number.isSafeInteger(x) && (x as number) >= 0 && (x as number) < entities) && new Set(value).size === value.length;

function isMetaRow(row: unknown, entities: number): row is MetaRow {
  return Array.isArray(row) && row.length === 4 && isId(row[0]) && Number.isSafeInteger(row[1]) && typeof row[2] === 'string' && isLinks(row[3], entities);
}

/** Parses a snapshot; null for anything not made by this INDEX_FORMAT. */
function parseSnapshot(text: string): Snapshot | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { v, e, t, x, i } = raw as Record<string, unknown>;
  if (v !== INDEX_FORMAT || !isIds(e) || !Array.isArray(t) || !t.every((row) => isMetaRow(row, e.length))) return null;
  if (new Set(t.map(([id]) => id)).size !== t.length) return null;
  if (typeof x !== 'object' || x === null) return null;
  return { v, e, t, x: x as Snapshot['x'], i };
}

/**
 * minisearch's JSON of `index` with its postings taken out (`index: []`, written by its own
 * toJSON over a view of the index whose term index is empty) and the postings encoded apart.
 */
function withoutPostings(index: MiniSearch<TestimonyDoc>): Pick<Snapshot, 'x' | 'i'> {
  const view = Object.create(index, { _index: { value: [] } }) as MiniSearch<TestimonyDoc>;
  return { x: view.toJSON(), i: encodePostings(index) };
}

/** The search engine with save and restore. */
export class PersistentSearchEngine extends SearchEngine {
  /** Set by `prepare`: whether a snapshot was taken over. */
  private prepared: { readonly restored: boolean } | null = null;

  /** The testimony index and what it covers, as text (JSON). */
  snapshot(): string {
    // Run a while after changes settle (search-client.ts): a good moment to make the postings compact.
    compactPostings(this.testimonyIndex);
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
    const t: MetaRow[] = [];
    for (const [id, meta] of this.meta) t.push([id, this.pending.has(id) ? 0 : meta.version, meta.referenceCode, this.links.numbersOf(meta.slot).map(at)]);
    const snapshot: Snapshot = { v: INDEX_FORMAT, e, t, ...withoutPostings(this.testimonyIndex) };
    return JSON.stringify(snapshot);
  }

  /**
   * Takes over the snapshot `text` (null: none) into this fresh engine: the slow part (parsing,
   * rebuilding the term tree), which can run while the case file is still loading.
   */
  prepare(text: string | null): void {
    if (this.prepared) return;
    const snapshot = text === null ? null : parseSnapshot(text);
    this.prepared = { restored: snapshot ? this.load(snapshot) : false };
  }

  /**
   * Finishes a restore (after `prepare`; without it, as from no snapshot): indexes `names`,
   * drops every testimony not in `current` (id → version), and returns the testimonies to
   * (re-)index. `text`, if given, is prepared first.
   */
  restore(text: string | null, current: ReadonlyMap<Id, number>, names: CurrentNames): RestoreOutcome {
    this.prepare(text);
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
  private load(snapshot: Snapshot): boolean {
    let index: MiniSearch<TestimonyDoc>;
    try {
      index = MiniSearch.loadJS<TestimonyDoc>({ ...snapshot.x, index: [] }, TESTIMONY_INDEX_OPTIONS);
    } catch {
      return false;
    }
    if (index.documentCount !== snapshot.t.length || !snapshot.t.every(([id]) => index.has(id))) return false;
    const nextId = Number.isSafeInteger(snapshot.x.nextId) ? snapshot.x.nextId : 0;
    if (!decodePostings(index, snapshot.i, TESTIMONY_INDEX_OPTIONS.fields.length, nextId)) return false;
    this.testimonyIndex = index;
    const numbers = snapshot.e.map((entity) => this.links.numberOf(entity));
    for (const [id, version, referenceCode, linked] of snapshot.t) {
      const slot = this.links.addNumbered(id, linked.map((at) => numbers[at] ?? 0));
      this.meta.set(id, { version, referenceCode, slot });
    }
    return true;
  }

  private addNamed(kind: 'facility' | 'perpetrator', doc: NamedDoc): void {
    const docs = kind === 'facility' ? this.facilities : this.perpetrators;
    if (!docs.has(doc.id)) this.indexNamed(kind, doc);
  }
}
