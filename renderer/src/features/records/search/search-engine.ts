/**
 * The full-text index over the case file (DESIGN.md §10): three minisearch indexes
 * (testimonies, facilities, alleged perpetrators) with shared/names tokenising and search
 * keys, so صيدنايا, Saydnaya and Sednaya meet on one skeleton key and ٢٣٥ matches 235.
 * Runs in the search worker (search.worker.ts): the index, the documents and the name
 * caches of shared/names all die with the worker at lock. Pure otherwise (node tests use it).
 *
 * A testimony is also found by the names of the facilities and alleged perpetrators it
 * links to: the engine keeps the names by id and re-indexes the linking testimonies when a
 * name changes.
 *
 * The testimony index can be saved and restored (search-snapshot.ts), so the texts behind it
 * are not all in memory: the engine keeps each indexed testimony's version and links, and the
 * texts of the last TEXT_CACHE testimonies it saw, for snippets and re-indexing. A hit whose
 * text is not held comes back in `textless` (the client reads it and asks for its snippet);
 * a testimony to re-index whose text is not held is returned by `apply` for the client to send.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { facilityAliasNames, searchTermKeys, withoutInvisible } from '../../../../../shared/names';
import type { Id } from '../../../vault/vault-client';
import type { SearchHit, SearchKind } from '../types';
import type { NamedDoc, SearchChange, TestimonyDoc } from './search-docs';
import { snippetOf } from './snippet';

/** Hits by kind, best first, at most `limit` each. */
export interface RawSearchResults {
  readonly testimonies: SearchHit[];
  readonly facilities: SearchHit[];
  readonly perpetrators: SearchHit[];
}

/** A testimony hit whose text the engine does not hold: its snippet waits for the text. */
export interface TextlessHit {
  readonly id: Id;
  readonly terms: readonly string[];
}

/** Results, with the testimony hits that still need a snippet (their `snippet` is empty). */
export interface EngineSearchResults extends RawSearchResults {
  readonly textless: TextlessHit[];
}

export type IndexedTestimony = TestimonyDoc & { readonly linkedNames: string };
type IndexedNamed = NamedDoc & { readonly text: string; readonly more: string; readonly aliases: string };

/** What the engine keeps of every indexed testimony, text or not. */
export interface TestimonyMeta {
  readonly version: number;
  readonly referenceCode: string;
  readonly facilityIds: readonly Id[];
  readonly perpetratorIds: readonly Id[];
}

/** Texts held for snippets and re-indexing (about 5 KB each): the most recently seen. */
export const TEXT_CACHE = 1000;

/**
 * Words as shared/names splits them (letters with their marks, tatweel and apostrophes; digits
 * of any script), found with one regular expression: a long narrative is split ten times
 * faster than by tokenizeForSearch, with the same keys, because searchTermKeys splits a word
 * that mixes scripts itself. Invisible characters (soft hyphen, ZWJ, bidi marks) are removed
 * first, as shared/names does: they are not word boundaries (Sed\u00ADnaya is one word).
 */
const WORD = /[\p{L}\p{M}\p{Nd}\u0640'`´ʿʾʼʻʽ‘’′‛]+/gu;

/**
 * Each distinct word of a field once: a narrative repeats its words, and indexing every
 * repetition triples the time. The cost is term frequency (a word said ten times weighs as
 * much as a word said once); field length and rarity still rank the hits.
 */
export function indexWords(text: string): string[] {
  return [...new Set(withoutInvisible(text).match(WORD) ?? [])];
}

/** Query words, in order. */
function queryWords(text: string): string[] {
  return withoutInvisible(text).match(WORD) ?? [];
}

/**
 * Derived keys (skeleton, concept, exonym) match exactly; the surface form of the word being
 * typed (the last) also as a prefix, once it has three characters (two digits): a one-letter
 * prefix matches half the archive and says nothing.
 */
const asPrefix = (term: string) => !/^[~#=]/.test(term) && (term.length >= 3 || /^\d{2,}$/.test(term));

function indexOptions(fields: string[], boost: Record<string, number>): Options {
  return { fields, storeFields: [], tokenize: indexWords, processTerm: searchTermKeys, searchOptions: { boost } };
}

/** Options of the testimony index (a restored index needs the same functions back). */
export const TESTIMONY_INDEX_OPTIONS = indexOptions(['referenceCode', 'summary', 'narrative', 'translations', 'tags', 'linkedNames'], {
  referenceCode: 3,
  summary: 2,
  tags: 2,
  linkedNames: 1.5,
});

function newIndex<T>(fields: string[], boost: Record<string, number>): MiniSearch<T> {
  return new MiniSearch<T>(indexOptions(fields, boost));
}

const metaOf = (doc: TestimonyDoc): TestimonyMeta => ({ version: doc.version, referenceCode: doc.referenceCode, facilityIds: doc.facilityIds, perpetratorIds: doc.perpetratorIds });

/** The engine's state: documents by id and their indexes. */
export class SearchEngine {
  /** Every indexed testimony (version and links), text or not. */
  protected readonly meta = new Map<Id, TestimonyMeta>();
  /** Texts of recently seen testimonies, least recently used first. */
  private readonly texts = new Map<Id, IndexedTestimony>();
  /** Testimonies whose linked names changed while their text was not held: to re-index. */
  protected readonly pending = new Set<Id>();
  protected readonly facilities = new Map<Id, NamedDoc>();
  protected readonly perpetrators = new Map<Id, NamedDoc>();
  /** Testimonies by linked facility or perpetrator id, to re-index on a rename. */
  protected readonly linkedFrom = new Map<Id, Set<Id>>();
  protected testimonyIndex = new MiniSearch<IndexedTestimony>(TESTIMONY_INDEX_OPTIONS);
  /** Curated alias names of facilities (not the facility's own names), indexed with them. */
  private readonly facilityAliases = new Map<Id, readonly string[]>();
  protected readonly facilityIndex = newIndex<IndexedNamed>(['text', 'more', 'aliases'], { text: 2 });
  protected readonly perpetratorIndex = newIndex<IndexedNamed>(['text', 'more'], { text: 2 });

  /** Number of documents per kind. */
  get size(): { testimonies: number; facilities: number; perpetrators: number } {
    return { testimonies: this.meta.size, facilities: this.facilities.size, perpetrators: this.perpetrators.size };
  }

  /**
   * Adds, replaces and removes documents. Returns the testimonies that must be re-indexed (a
   * linked name changed) but whose text is not held: send their documents in a later change.
   */
  apply(change: SearchChange): Id[] {
    const reindex = new Set<Id>();
    for (const id of change.removed?.testimonies ?? []) this.removeTestimony(id);
    for (const id of change.removed?.facilities ?? []) this.removeNamed('facility', id, reindex);
    for (const id of change.removed?.perpetrators ?? []) this.removeNamed('perpetrator', id, reindex);
    for (const doc of change.facilities ?? []) this.putNamed('facility', doc, reindex);
    for (const doc of change.perpetrators ?? []) this.putNamed('perpetrator', doc, reindex);
    for (const doc of change.testimonies ?? []) {
      reindex.delete(doc.id);
      this.putTestimony(doc);
    }
    for (const id of reindex) {
      const doc = this.texts.get(id);
      if (doc) this.putTestimony(doc);
      else if (this.meta.has(id)) this.pending.add(id);
    }
    return [...this.pending];
  }

  /** Holds `docs`' texts (read for snippets) without indexing them. */
  remember(docs: readonly TestimonyDoc[]): void {
    for (const doc of docs) {
      const meta = this.meta.get(doc.id);
      // Only the text of the version indexed: a newer one arrives through `apply`.
      if (meta && meta.version === doc.version) this.hold({ ...doc, linkedNames: this.linkedNames(doc) });
    }
  }

  private hold(doc: IndexedTestimony): void {
    this.texts.delete(doc.id);
    this.texts.set(doc.id, doc);
    if (this.texts.size > TEXT_CACHE) {
      const oldest = this.texts.keys().next();
      if (!oldest.done) this.texts.delete(oldest.value);
    }
  }

  private linkedNames(doc: Pick<TestimonyDoc, 'facilityIds' | 'perpetratorIds'>): string {
    const names = [
      ...doc.facilityIds.flatMap((id) => this.facilities.get(id)?.names ?? []),
      ...doc.perpetratorIds.flatMap((id) => this.perpetrators.get(id)?.names ?? []),
    ];
    return names.join('\n');
  }

  private putTestimony(doc: TestimonyDoc): void {
    // A batch read before a save can arrive after it: never replace a newer version's words.
    const held = this.meta.get(doc.id);
    if (held && doc.version > 0 && held.version > doc.version) return;
    this.removeTestimony(doc.id);
    const indexed: IndexedTestimony = { ...doc, linkedNames: this.linkedNames(doc) };
    this.meta.set(doc.id, metaOf(doc));
    this.hold(indexed);
    this.testimonyIndex.add(indexed);
    this.link(doc.id, doc);
  }

  protected link(id: Id, meta: Pick<TestimonyMeta, 'facilityIds' | 'perpetratorIds'>): void {
    for (const linked of [...meta.facilityIds, ...meta.perpetratorIds]) {
      let set = this.linkedFrom.get(linked);
      if (!set) this.linkedFrom.set(linked, (set = new Set()));
      set.add(id);
    }
  }

  protected removeTestimony(id: Id): void {
    const old = this.meta.get(id);
    this.pending.delete(id);
    if (!old) return;
    this.testimonyIndex.discard(id);
    this.meta.delete(id);
    this.texts.delete(id);
    for (const linked of [...old.facilityIds, ...old.perpetratorIds]) this.linkedFrom.get(linked)?.delete(id);
  }

  private putNamed(kind: 'facility' | 'perpetrator', doc: NamedDoc, reindex: Set<Id>): void {
    const [docs, index] = kind === 'facility' ? [this.facilities, this.facilityIndex] : [this.perpetrators, this.perpetratorIndex];
    const old = docs.get(doc.id);
    if (old) index.discard(doc.id);
    this.indexNamed(kind, doc);
    const namesChanged = !old || old.names.join('\n') !== doc.names.join('\n');
    if (namesChanged) for (const id of this.linkedFrom.get(doc.id) ?? []) reindex.add(id);
  }

  /**
   * Holds and indexes a facility or perpetrator: names, other words, and for a facility the
   * curated alias names of the listed facility it is (so "Branch 215" finds "Raids Branch").
   */
  protected indexNamed(kind: 'facility' | 'perpetrator', doc: NamedDoc): void {
    const [docs, index] = kind === 'facility' ? [this.facilities, this.facilityIndex] : [this.perpetrators, this.perpetratorIndex];
    const aliases = kind === 'facility' ? facilityAliasNames(doc.names) : [];
    docs.set(doc.id, doc);
    if (aliases.length > 0) this.facilityAliases.set(doc.id, aliases);
    else this.facilityAliases.delete(doc.id);
    index.add({ ...doc, text: doc.names.join('\n'), more: doc.extra.join('\n'), aliases: aliases.join('\n') });
  }

  private removeNamed(kind: 'facility' | 'perpetrator', id: Id, reindex: Set<Id>): void {
    const [docs, index] = kind === 'facility' ? [this.facilities, this.facilityIndex] : [this.perpetrators, this.perpetratorIndex];
    if (!docs.has(id)) return;
    index.discard(id);
    docs.delete(id);
    this.facilityAliases.delete(id);
    for (const testimonyId of this.linkedFrom.get(id) ?? []) reindex.add(testimonyId);
  }

  /**
   * Searches every kind. Every word of the query must match (any of its keys); words that
   * are only an article are ignored.
   */
  search(query: string, limit = 20): EngineSearchResults {
    const textless: TextlessHit[] = [];
    const words = queryWords(query).filter((word) => searchTermKeys(word) !== null);
    if (words.length === 0) return { testimonies: [], facilities: [], perpetrators: [], textless };
    const tree = {
      combineWith: 'AND' as const,
      queries: words.map((word, i) => ({ combineWith: 'OR' as const, prefix: i === words.length - 1 ? asPrefix : false, queries: [word] })),
    };
    const run = <T>(index: MiniSearch<T>, kind: SearchKind, hit: (result: SearchResult) => SearchHit | null) =>
      index
        .search(tree)
        .slice(0, limit)
        .flatMap((result) => {
          const made = hit(result);
          return made ? [{ ...made, kind }] : [];
        });
    return {
      testimonies: run(this.testimonyIndex, 'testimony', (result) => {
        const id = result.id as Id;
        const meta = this.meta.get(id);
        if (!meta) return null;
        const doc = this.texts.get(id);
        if (doc) this.hold(doc);
        else textless.push({ id, terms: result.terms });
        const snippet = doc ? snippetFor(doc, result.terms) : '';
        return { kind: 'testimony', id, score: result.score, title: meta.referenceCode, snippet };
      }),
      facilities: run(this.facilityIndex, 'facility', (result) => this.namedHit('facility', this.facilities.get(result.id as Id), result)),
      perpetrators: run(this.perpetratorIndex, 'perpetrator', (result) => this.namedHit('perpetrator', this.perpetrators.get(result.id as Id), result)),
      textless,
    };
  }

  /** Snippets of `hits` once their texts are held (`remember`); absent for a text still missing. */
  snippets(hits: readonly TextlessHit[]): Record<Id, string> {
    const out: Record<Id, string> = {};
    for (const { id, terms } of hits) {
      const doc = this.texts.get(id);
      if (doc) out[id] = snippetFor(doc, terms);
    }
    return out;
  }

  private namedHit(kind: SearchKind, doc: NamedDoc | undefined, result: SearchResult): SearchHit | null {
    if (!doc) return null;
    // The snippet is the name (or rank/unit) that matched, so "Sednaya" shows "صيدنايا" when that is what matched.
    const aliases = kind === 'facility' ? (this.facilityAliases.get(doc.id) ?? []) : [];
    // The text matching most query terms: "Branch 215" shows the alias "Branch 215", not "Raids Branch".
    let matched: string | undefined;
    let best = 0;
    for (const text of [...doc.names, ...doc.extra, ...aliases]) {
      const count = matchCount(text, result.terms);
      if (count > best) [matched, best] = [text, count];
    }
    return { kind, id: doc.id, score: result.score, title: doc.names[0] ?? '', snippet: matched ?? doc.names.join(' · ') };
  }
}

function snippetFor(doc: IndexedTestimony, terms: readonly string[]): string {
  return snippetOf([doc.summary, doc.narrative, doc.translations, doc.tags, doc.linkedNames], terms);
}

/** How many words of `text` match one of `terms`. */
function matchCount(text: string, terms: readonly string[]): number {
  const wanted = new Set(terms);
  return queryWords(text).filter((word) => searchTermKeys(word)?.some((key) => wanted.has(key)) ?? false).length;
}
