/**
 * The full-text index over the case file (DESIGN.md §10): three minisearch indexes
 * (testimonies, facilities, alleged perpetrators) with shared/names tokenising and search
 * keys, so صيدنايا, Saydnaya and Sednaya meet on one skeleton key and ٢٣٥ matches 235.
 * Runs in the search worker (search.worker.ts): the index, the documents and the name
 * caches of shared/names all die with the worker at lock. Pure otherwise (node tests use it).
 *
 * A testimony is also found by the names of the facilities and alleged perpetrators it
 * links to. Those names are indexed once, in the entities' own indexes, and a query word that
 * matches a name reaches the testimonies linking it (search-links.ts, testimony-ranking.ts):
 * a rename or merge changes no testimony's index entry. minisearch indexes the testimonies;
 * their hits are scored from its posting lists by testimony-scorer.ts (typed arrays, the best
 * `limit` only), which at 100,000 testimonies is several times faster than its own search.
 *
 * The testimony index can be saved and restored (search-snapshot.ts), so the texts behind it
 * are not all in memory: the engine keeps each indexed testimony's version and links, and the
 * texts of the last TEXT_CACHE testimonies it saw, for snippets. A hit whose text is not held
 * comes back in `textless` (the client reads it and asks for its snippet); a testimony a
 * restore found stale and still waiting for its document is returned by `apply`.
 */
import MiniSearch, { type Options, type Query, type SearchResult } from 'minisearch';
import { facilityAliasNames, searchTermKeys, withoutInvisible } from '../../../../../shared/names';
import type { Id } from '../../../vault/vault-client';
import type { SearchHit, SearchKind } from '../types';
import { FieldLengths } from './field-lengths';
import { indexInternals, type IndexInternals } from './index-internals';
import type { NamedDoc, SearchChange, TestimonyDoc } from './search-docs';
import { LinkTable } from './search-links';
import { snippetOf } from './snippet';
import { nameWeight } from './testimony-ranking';
import { termHolds, TestimonyScorer, type ScoredIndex, type ScoredWord } from './testimony-scorer';

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

type IndexedNamed = NamedDoc & { readonly text: string; readonly more: string; readonly aliases: string };

/** What the engine keeps of every indexed testimony, text or not (its links: `slot` in the LinkTable). */
export interface TestimonyMeta {
  readonly version: number;
  readonly referenceCode: string;
  readonly slot: number;
}

/** Texts held for snippets (about 5 KB each): the most recently seen. */
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

/** Options of the testimony index (a restored index needs the same functions back). Linked names are not a field: see testimony-ranking.ts. */
const TESTIMONY_BOOST = { referenceCode: 3, summary: 2, tags: 2 };
export const TESTIMONY_INDEX_OPTIONS = indexOptions(['referenceCode', 'summary', 'narrative', 'translations', 'tags'], TESTIMONY_BOOST);

/** Linked names match on the entities' names only (not ranks, authorities or curated aliases), as when they were copied into testimonies. */
const NAMES_ONLY = { fields: ['text'] };

function newIndex<T>(fields: string[], boost: Record<string, number>): MiniSearch<T> {
  return new MiniSearch<T>(indexOptions(fields, boost));
}

/** The private state of a testimony index; throws if minisearch's shape is not the known one (7.x). */
export function testimonyInternals(index: MiniSearch<TestimonyDoc>): IndexInternals & { _fieldLength: FieldLengths } {
  const internals = indexInternals(index);
  if (!internals || !(internals._fieldLength instanceof FieldLengths)) throw new Error('The testimony index is not shaped as minisearch 7 makes it');
  return internals as IndexInternals & { _fieldLength: FieldLengths };
}

/**
 * An empty testimony index with its field lengths in a typed array (field-lengths.ts), for
 * `capacity` documents. Throws if minisearch's private shape is not the known one (7.x).
 */
export function newTestimonyIndex(capacity = 0): MiniSearch<TestimonyDoc> {
  const index = new MiniSearch<TestimonyDoc>(TESTIMONY_INDEX_OPTIONS);
  const internals = indexInternals(index);
  if (!internals) throw new Error('The testimony index is not shaped as minisearch 7 makes it');
  internals._fieldLength = new FieldLengths(TESTIMONY_INDEX_OPTIONS.fields?.length ?? 0, capacity);
  return index;
}

/** A facility or perpetrator whose names matched one query word. */
interface NameHit {
  readonly entity: Id;
  readonly weight: number;
  readonly keys: readonly string[];
  readonly terms: readonly string[];
}

/** The engine's state: documents by id and their indexes. */
export class SearchEngine {
  /** Every indexed testimony (version and links), text or not (replaced, with the index and links, by a restore). */
  protected meta = new Map<Id, TestimonyMeta>();
  /** Texts of recently seen testimonies, least recently used first. */
  private readonly texts = new Map<Id, TestimonyDoc>();
  /** Testimonies a restore found stale whose documents have not arrived yet. */
  protected readonly pending = new Set<Id>();
  protected readonly facilities = new Map<Id, NamedDoc>();
  protected readonly perpetrators = new Map<Id, NamedDoc>();
  /** Which facilities and perpetrators each testimony links to, and the reverse. */
  protected links = new LinkTable();
  protected testimonyIndex = newTestimonyIndex();
  private readonly scorer = new TestimonyScorer();
  /** Curated alias names of facilities (not the facility's own names), indexed with them. */
  private readonly facilityAliases = new Map<Id, readonly string[]>();
  protected readonly facilityIndex = newIndex<IndexedNamed>(['text', 'more', 'aliases'], { text: 2 });
  protected readonly perpetratorIndex = newIndex<IndexedNamed>(['text', 'more'], { text: 2 });

  /** Number of documents per kind. */
  get size(): { testimonies: number; facilities: number; perpetrators: number } {
    return { testimonies: this.meta.size, facilities: this.facilities.size, perpetrators: this.perpetrators.size };
  }

  /**
   * Adds, replaces and removes documents. A renamed, merged or removed facility or perpetrator
   * needs nothing re-indexed (its names are found at query time). Returns the testimonies a
   * restore found stale whose documents have not arrived yet.
   */
  apply(change: SearchChange): Id[] {
    for (const id of change.removed?.testimonies ?? []) this.removeTestimony(id);
    for (const id of change.removed?.facilities ?? []) this.removeNamed('facility', id);
    for (const id of change.removed?.perpetrators ?? []) this.removeNamed('perpetrator', id);
    for (const doc of change.facilities ?? []) this.putNamed('facility', doc);
    for (const doc of change.perpetrators ?? []) this.putNamed('perpetrator', doc);
    for (const doc of change.testimonies ?? []) this.putTestimony(doc);
    return [...this.pending];
  }

  /** Holds `docs`' texts (read for snippets) without indexing them. */
  remember(docs: readonly TestimonyDoc[]): void {
    for (const doc of docs) {
      const meta = this.meta.get(doc.id);
      // Only the text of the version indexed: a newer one arrives through `apply`.
      if (meta && meta.version === doc.version) this.hold(doc);
    }
  }

  private hold(doc: TestimonyDoc): void {
    this.texts.delete(doc.id);
    this.texts.set(doc.id, doc);
    if (this.texts.size > TEXT_CACHE) {
      const oldest = this.texts.keys().next();
      if (!oldest.done) this.texts.delete(oldest.value);
    }
  }

  /** The names of what `slot` links to, one per line (a snippet's last resort). */
  private linkedNames(slot: number): string {
    return this.links
      .linkedIds(slot)
      .flatMap((id) => this.facilities.get(id)?.names ?? this.perpetrators.get(id)?.names ?? [])
      .join('\n');
  }

  private putTestimony(doc: TestimonyDoc): void {
    // A batch read before a save can arrive after it: never replace a newer version's words.
    const held = this.meta.get(doc.id);
    if (held && doc.version > 0 && held.version > doc.version) return;
    this.removeTestimony(doc.id);
    this.testimonyIndex.add(doc);
    const shortId = testimonyInternals(this.testimonyIndex)._idToShortId.get(doc.id) ?? -1;
    const slot = this.links.add(doc.id, shortId, [...doc.facilityIds, ...doc.perpetratorIds]);
    this.meta.set(doc.id, { version: doc.version, referenceCode: doc.referenceCode, slot });
    this.hold(doc);
  }

  protected removeTestimony(id: Id): void {
    const old = this.meta.get(id);
    this.pending.delete(id);
    if (!old) return;
    this.testimonyIndex.discard(id);
    this.meta.delete(id);
    this.texts.delete(id);
    this.links.remove(old.slot);
  }

  private putNamed(kind: 'facility' | 'perpetrator', doc: NamedDoc): void {
    const index = kind === 'facility' ? this.facilityIndex : this.perpetratorIndex;
    if (index.has(doc.id)) index.discard(doc.id);
    this.indexNamed(kind, doc);
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

  private removeNamed(kind: 'facility' | 'perpetrator', id: Id): void {
    const [docs, index] = kind === 'facility' ? [this.facilities, this.facilityIndex] : [this.perpetrators, this.perpetratorIndex];
    if (!docs.has(id)) return;
    index.discard(id);
    docs.delete(id);
    this.facilityAliases.delete(id);
  }

  /**
   * Searches every kind. Every word of the query must match (any of its keys); words that
   * are only an article are ignored.
   */
  search(query: string, limit = 20): EngineSearchResults {
    const textless: TextlessHit[] = [];
    const words = queryWords(query).filter((word) => searchTermKeys(word) !== null);
    if (words.length === 0) return { testimonies: [], facilities: [], perpetrators: [], textless };
    const subqueries = words.map((word, i) => ({ combineWith: 'OR' as const, prefix: i === words.length - 1 ? asPrefix : false, queries: [word] }));
    const tree = { combineWith: 'AND' as const, queries: subqueries };
    const run = <T>(index: MiniSearch<T>, kind: SearchKind, hit: (result: SearchResult) => SearchHit | null) =>
      index
        .search(tree)
        .slice(0, limit)
        .flatMap((result) => {
          const made = hit(result);
          return made ? [{ ...made, kind }] : [];
        });
    const testimonies = this.rankTestimonies(words, subqueries, limit).flatMap(({ id, score, terms }): SearchHit[] => {
      const meta = this.meta.get(id);
      if (!meta) return [];
      const doc = this.texts.get(id);
      if (doc) this.hold(doc);
      else textless.push({ id, terms });
      const snippet = doc ? this.snippetFor(doc, meta.slot, terms) : '';
      return [{ kind: 'testimony', id, score, title: meta.referenceCode, snippet }];
    });
    return {
      testimonies,
      facilities: run(this.facilityIndex, 'facility', (result) => this.namedHit('facility', this.facilities.get(result.id as Id), result)),
      perpetrators: run(this.perpetratorIndex, 'perpetrator', (result) => this.namedHit('perpetrator', this.perpetrators.get(result.id as Id), result)),
      textless,
    };
  }

  /**
   * The best `limit` testimonies matching every word, by their own text or through the names
   * of a facility or perpetrator they link to (testimony-ranking.ts, testimony-scorer.ts), with
   * the index terms and names each matched (for its snippet).
   */
  private rankTestimonies(words: readonly string[], subqueries: readonly Query[], limit: number): { id: Id; score: number; terms: string[] }[] {
    const internals = testimonyInternals(this.testimonyIndex);
    const index: ScoredIndex = { internals, lengths: internals._fieldLength, fields: TESTIMONY_INDEX_OPTIONS.fields ?? [], boost: TESTIMONY_BOOST };
    const names = subqueries.map((subquery) => this.namesMatching(subquery));
    const scoredWords = words.map((word, at): ScoredWord => ({
      keys: searchTermKeys(word) ?? [],
      prefix: at === words.length - 1 ? asPrefix : () => false,
      linked: (names[at] ?? []).map((name) => ({ weight: name.weight, keys: name.keys, forEachDoc: (visit) => this.links.forEachLinking(name.entity, visit) })),
    }));
    const { hits, terms } = this.scorer.rank(index, scoredWords, this.meta.size, limit);
    return hits.flatMap(({ shortId, score }) => {
      const id = internals._documentIds.get(shortId) as Id | undefined;
      const meta = id === undefined ? undefined : this.meta.get(id);
      if (id === undefined || !meta) return [];
      const matched = new Set<string>();
      for (const [at, wordTerms] of terms.entries()) {
        for (const term of wordTerms) if (termHolds(term, shortId)) matched.add(term.term);
        for (const name of names[at] ?? []) if (this.links.slotLinks(meta.slot, name.entity)) for (const term of name.terms) matched.add(term);
      }
      return [{ id, score, terms: [...matched] }];
    });
  }

  /** The facilities and perpetrators whose names match `subquery` (one word), with how well. */
  private namesMatching(subquery: Query): NameHit[] {
    const out: NameHit[] = [];
    for (const index of [this.facilityIndex, this.perpetratorIndex]) {
      for (const result of index.search(subquery, NAMES_ONLY)) {
        out.push({ entity: result.id as Id, weight: nameWeight(result), keys: result.queryTerms, terms: result.terms });
      }
    }
    return out;
  }

  /** Snippets of `hits` once their texts are held (`remember`); absent for a text still missing. */
  snippets(hits: readonly TextlessHit[]): Record<Id, string> {
    const out: Record<Id, string> = {};
    for (const { id, terms } of hits) {
      const doc = this.texts.get(id);
      const meta = this.meta.get(id);
      if (doc && meta) out[id] = this.snippetFor(doc, meta.slot, terms);
    }
    return out;
  }

  /** A snippet from the testimony's own text, else from the linked name that matched. */
  private snippetFor(doc: TestimonyDoc, slot: number, terms: readonly string[]): string {
    return snippetOf([doc.summary, doc.narrative, doc.translations, doc.tags, this.linkedNames(slot)], terms);
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

/** How many words of `text` match one of `terms`. */
function matchCount(text: string, terms: readonly string[]): number {
  const wanted = new Set(terms);
  return queryWords(text).filter((word) => searchTermKeys(word)?.some((key) => wanted.has(key)) ?? false).length;
}
