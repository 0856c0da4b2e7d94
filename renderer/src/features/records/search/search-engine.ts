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
 * a rename or merge changes no testimony's index entry.
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
import type { NamedDoc, SearchChange, TestimonyDoc } from './search-docs';
import { LinkTable } from './search-links';
import { snippetOf } from './snippet';
import { addLinked, intersect, nameWeight, ownMatches, ranked, union, type Matches, type NameMatch } from './testimony-ranking';

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
export const TESTIMONY_INDEX_OPTIONS = indexOptions(['referenceCode', 'summary', 'narrative', 'translations', 'tags'], {
  referenceCode: 3,
  summary: 2,
  tags: 2,
});

/** Linked names match on the entities' names only (not ranks, authorities or curated aliases), as when they were copied into testimonies. */
const NAMES_ONLY = { fields: ['text'] };

function newIndex<T>(fields: string[], boost: Record<string, number>): MiniSearch<T> {
  return new MiniSearch<T>(indexOptions(fields, boost));
}

/** The engine's state: documents by id and their indexes. */
export class SearchEngine {
  /** Every indexed testimony (version and links), text or not. */
  protected readonly meta = new Map<Id, TestimonyMeta>();
  /** Texts of recently seen testimonies, least recently used first. */
  private readonly texts = new Map<Id, TestimonyDoc>();
  /** Testimonies a restore found stale whose documents have not arrived yet. */
  protected readonly pending = new Set<Id>();
  protected readonly facilities = new Map<Id, NamedDoc>();
  protected readonly perpetrators = new Map<Id, NamedDoc>();
  /** Which facilities and perpetrators each testimony links to, and the reverse. */
  protected readonly links = new LinkTable();
  protected testimonyIndex = new MiniSearch<TestimonyDoc>(TESTIMONY_INDEX_OPTIONS);
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
    const slot = this.links.add(doc.id, [...doc.facilityIds, ...doc.perpetratorIds]);
    this.meta.set(doc.id, { version: doc.version, referenceCode: doc.referenceCode, slot });
    this.hold(doc);
    this.testimonyIndex.add(doc);
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
    const testimonies = ranked(this.testimonyMatches(subqueries), limit).flatMap(({ id, score, terms }): SearchHit[] => {
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
   * Testimonies matching every word: by their own text (minisearch, one query per word) or
   * through the names of a facility or perpetrator they link to (testimony-ranking.ts).
   */
  private testimonyMatches(subqueries: readonly Query[]): Matches {
    let matches: Matches | null = null;
    for (const subquery of subqueries) {
      const word = ownMatches(this.testimonyIndex, subquery);
      addLinked(word, this.linkedMatches(subquery), this.meta.size);
      matches = matches ? intersect(matches, word) : word;
      if (matches.size === 0) break;
    }
    return matches ?? new Map();
  }

  /** The testimonies linking a facility or perpetrator whose names match `subquery`, each with its best name match. */
  private linkedMatches(subquery: Query): Map<Id, NameMatch> {
    const out = new Map<Id, NameMatch>();
    for (const index of [this.facilityIndex, this.perpetratorIndex]) {
      for (const result of index.search(subquery, NAMES_ONLY)) {
        const name: NameMatch = { weight: nameWeight(result), keys: result.queryTerms, terms: result.terms };
        for (const id of this.links.linkingTo(result.id as Id)) {
          const held = out.get(id);
          out.set(id, held ? { weight: Math.max(held.weight, name.weight), keys: union(held.keys, name.keys), terms: union(held.terms, name.terms) } : name);
        }
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
