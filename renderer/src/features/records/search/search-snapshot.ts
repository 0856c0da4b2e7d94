/**
 * Saving and restoring the testimony index, so unlock re-indexes only what changed since the
 * last save instead of every testimony (issue 7). Pure; runs in the search worker. The text
 * made here is handed to the vault, which stores it encrypted (vault/worker/search-index-store.ts):
 * it holds every indexed word, so it never goes anywhere else.
 *
 * The snapshot says which (testimony, version) pairs it covers and which names each linked
 * facility and alleged perpetrator had, so a restore can tell exactly what is stale: a
 * testimony saved since (other version), deleted since (dropped here), new since, or linking
 * to an entity renamed or removed since. Stale testimonies stay findable by their old words
 * until their documents arrive; a snapshot taken meanwhile records them as version 0 (stale).
 * Facility and perpetrator indexes are small and rebuilt from the case file every time.
 *
 * INDEX_FORMAT changes whenever tokenising or search keys change (search-engine.ts,
 * shared/names): an index made with other keys would silently miss words, so it is rebuilt.
 */
import MiniSearch from 'minisearch';
import { isId, type Id } from '../../../../../shared/domain/ids';
import { compactPostings, decodePostings, encodePostings } from './posting-list';
import type { NamedDoc } from './search-docs';
import { SearchEngine, TESTIMONY_INDEX_OPTIONS, type IndexedTestimony, type TestimonyMeta } from './search-engine';

/** Version of the snapshot layout and of the keys inside it. */
export const INDEX_FORMAT = 2;

/** The names a restore compares with the snapshot's. */
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

type MetaRow = [Id, number, string, Id[], Id[]];

interface Snapshot {
  readonly v: number;
  readonly t: MetaRow[];
  readonly f: NamedDoc[];
  readonly p: NamedDoc[];
  /** minisearch's own JSON of the testimony index, without its postings (`index` empty)… */
  readonly x: Parameters<typeof MiniSearch.loadJS>[0];
  /** …which are here, compact (posting-list.ts). */
  readonly i: unknown;
}

const isIds = (value: unknown): value is Id[] => Array.isArray(value) && value.every(isId);
const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((x) => typeof x === 'string');

function isMetaRow(row: unknown): row is MetaRow {
  return Array.isArray(row) && row.length === 5 && isId(row[0]) && Number.isSafeInteger(row[1]) && typeof row[2] === 'string' && isIds(row[3]) && isIds(row[4]);
}

function isNamed(doc: unknown): doc is NamedDoc {
  if (typeof doc !== 'object' || doc === null) return false;
  const { id, names, extra } = doc as Record<string, unknown>;
  return isId(id) && isStrings(names) && isStrings(extra);
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
  const { v, t, f, p, x, i } = raw as Record<string, unknown>;
  if (v !== INDEX_FORMAT || !Array.isArray(t) || !t.every(isMetaRow) || !Array.isArray(f) || !f.every(isNamed) || !Array.isArray(p) || !p.every(isNamed)) return null;
  if (typeof x !== 'object' || x === null) return null;
  return { v, t, f, p, x: x as Snapshot['x'], i };
}

const joined = (doc: NamedDoc | undefined) => doc?.names.join('\n');

/**
 * minisearch's JSON of `index` with its postings taken out (`index: []`, written by its own
 * toJSON over a view of the index whose term index is empty) and the postings encoded apart.
 */
function withoutPostings(index: MiniSearch<IndexedTestimony>): Pick<Snapshot, 'x' | 'i'> {
  const view = Object.create(index, { _index: { value: [] } }) as MiniSearch<IndexedTestimony>;
  return { x: view.toJSON(), i: encodePostings(index) };
}

/** The search engine with save and restore. */
export class PersistentSearchEngine extends SearchEngine {
  /** Set by `prepare`: whether a snapshot was taken over, and the names it was made with. */
  private prepared: { readonly restored: boolean; readonly names: ReadonlyMap<Id, string | undefined> } | null = null;

  /** The testimony index and what it covers, as text (JSON). */
  snapshot(): string {
    // Run a while after changes settle (search-client.ts): a good moment to make the postings compact.
    compactPostings(this.testimonyIndex);
    const t: MetaRow[] = [];
    for (const [id, meta] of this.meta) t.push([id, this.pending.has(id) ? 0 : meta.version, meta.referenceCode, [...meta.facilityIds], [...meta.perpetratorIds]]);
    const snapshot: Snapshot = { v: INDEX_FORMAT, t, f: [...this.facilities.values()], p: [...this.perpetrators.values()], ...withoutPostings(this.testimonyIndex) };
    return JSON.stringify(snapshot);
  }

  /**
   * Takes over the snapshot `text` (null: none) into this fresh engine: the slow part (parsing,
   * rebuilding the term tree), which can run while the case file is still loading.
   */
  prepare(text: string | null): void {
    if (this.prepared) return;
    const snapshot = text === null ? null : parseSnapshot(text);
    const restored = snapshot ? this.load(snapshot) : false;
    const names = new Map<Id, string | undefined>();
    if (restored && snapshot) for (const doc of [...snapshot.f, ...snapshot.p]) names.set(doc.id, joined(doc));
    this.prepared = { restored, names };
  }

  /**
   * Finishes a restore (after `prepare`; without it, as from no snapshot): indexes `names`,
   * drops every testimony not in `current` (id → version), and returns the testimonies to
   * (re-)index. `text`, if given, is prepared first.
   */
  restore(text: string | null, current: ReadonlyMap<Id, number>, names: CurrentNames): RestoreOutcome {
    this.prepare(text);
    const restored = this.prepared?.restored ?? false;
    const before = this.prepared?.names ?? new Map<Id, string | undefined>();
    const stale = new Set<Id>();
    const linkedStale = (entity: Id) => {
      for (const id of this.linkedFrom.get(entity) ?? []) stale.add(id);
    };
    // Entities renamed, removed or added since the snapshot: their linking testimonies carry old names.
    const now = new Set<Id>();
    for (const doc of names.facilities) this.addNamed('facility', doc);
    for (const doc of names.perpetrators) this.addNamed('perpetrator', doc);
    for (const doc of [...names.facilities, ...names.perpetrators]) {
      now.add(doc.id);
      if (before.get(doc.id) !== joined(doc)) linkedStale(doc.id);
    }
    for (const id of before.keys()) if (!now.has(id)) linkedStale(id);
    let dropped = 0;
    for (const id of [...this.meta.keys()]) {
      if (current.has(id)) continue;
      this.removeTestimony(id);
      dropped += 1;
    }
    for (const [id, version] of current) if (this.meta.get(id)?.version !== version || version === 0) stale.add(id);
    for (const id of stale) if (this.meta.has(id)) this.pending.add(id);
    // The snapshot's names were needed for this comparison only: not kept for the session.
    this.prepared = { restored, names: new Map() };
    return { restored, stale: [...stale].filter((id) => current.has(id)), dropped };
  }

  /** Takes over the snapshot's index; false (and nothing changed) if it does not hold together. */
  private load(snapshot: Snapshot): boolean {
    let index: MiniSearch<IndexedTestimony>;
    try {
      index = MiniSearch.loadJS<IndexedTestimony>({ ...snapshot.x, index: [] }, TESTIMONY_INDEX_OPTIONS);
    } catch {
      return false;
    }
    if (index.documentCount !== snapshot.t.length || !snapshot.t.every(([id]) => index.has(id))) return false;
    const nextId = Number.isSafeInteger(snapshot.x.nextId) ? snapshot.x.nextId : 0;
    if (!decodePostings(index, snapshot.i, TESTIMONY_INDEX_OPTIONS.fields.length, nextId)) return false;
    this.testimonyIndex = index;
    for (const [id, version, referenceCode, facilityIds, perpetratorIds] of snapshot.t) {
      const meta: TestimonyMeta = { version, referenceCode, facilityIds, perpetratorIds };
      this.meta.set(id, meta);
      this.link(id, meta);
    }
    return true;
  }

  private addNamed(kind: 'facility' | 'perpetrator', doc: NamedDoc): void {
    const docs = kind === 'facility' ? this.facilities : this.perpetrators;
    if (!docs.has(doc.id)) this.indexNamed(kind, doc);
  }
}
