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
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { searchTermKeys } from '../../../../../shared/names';
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

type IndexedTestimony = TestimonyDoc & { readonly linkedNames: string };

/**
 * Words as shared/names splits them (letters with their marks, tatweel and apostrophes; digits
 * of any script), found with one regular expression: a long narrative is split ten times
 * faster than by tokenizeForSearch, with the same keys, because searchTermKeys splits a word
 * that mixes scripts itself.
 */
const WORD = /[\p{L}\p{M}\p{Nd}\u0640'`´ʿʾʼʻʽ‘’′‛]+/gu;

/**
 * Each distinct word of a field once: a narrative repeats its words, and indexing every
 * repetition triples the time. The cost is term frequency (a word said ten times weighs as
 * much as a word said once); field length and rarity still rank the hits.
 */
export function indexWords(text: string): string[] {
  return [...new Set(text.normalize('NFC').match(WORD) ?? [])];
}

/** Query words, in order. */
function queryWords(text: string): string[] {
  return text.normalize('NFC').match(WORD) ?? [];
}

/**
 * Derived keys (skeleton, concept, exonym) match exactly; the surface form of the word being
 * typed (the last) also as a prefix, once it has three characters (two digits): a one-letter
 * prefix matches half the archive and says nothing.
 */
const asPrefix = (term: string) => !/^[~#=]/.test(term) && (term.length >= 3 || /^\d{2,}$/.test(term));

function newIndex<T>(fields: string[], boost: Record<string, number>): MiniSearch<T> {
  return new MiniSearch<T>({
    fields,
    storeFields: [],
    tokenize: indexWords,
    processTerm: searchTermKeys,
    searchOptions: { boost },
  });
}

/** The engine's state: documents by id and their indexes. */
export class SearchEngine {
  private readonly testimonies = new Map<Id, IndexedTestimony>();
  private readonly facilities = new Map<Id, NamedDoc>();
  private readonly perpetrators = new Map<Id, NamedDoc>();
  /** Testimonies by linked facility or perpetrator id, to re-index on a rename. */
  private readonly linkedFrom = new Map<Id, Set<Id>>();
  private readonly testimonyIndex = newIndex<IndexedTestimony>(['referenceCode', 'summary', 'narrative', 'translations', 'tags', 'linkedNames'], {
    referenceCode: 3,
    summary: 2,
    tags: 2,
    linkedNames: 1.5,
  });
  private readonly facilityIndex = newIndex<NamedDoc & { text: string; more: string }>(['text', 'more'], { text: 2 });
  private readonly perpetratorIndex = newIndex<NamedDoc & { text: string; more: string }>(['text', 'more'], { text: 2 });

  /** Number of documents per kind. */
  get size(): { testimonies: number; facilities: number; perpetrators: number } {
    return { testimonies: this.testimonies.size, facilities: this.facilities.size, perpetrators: this.perpetrators.size };
  }

  /** Adds, replaces and removes documents. */
  apply(change: SearchChange): void {
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
      const doc = this.testimonies.get(id);
      if (doc) this.putTestimony(doc);
    }
  }

  private linkedNames(doc: TestimonyDoc): string {
    const names = [
      ...doc.facilityIds.flatMap((id) => this.facilities.get(id)?.names ?? []),
      ...doc.perpetratorIds.flatMap((id) => this.perpetrators.get(id)?.names ?? []),
    ];
    return names.join('\n');
  }

  private putTestimony(doc: TestimonyDoc): void {
    this.removeTestimony(doc.id);
    const indexed: IndexedTestimony = { ...doc, linkedNames: this.linkedNames(doc) };
    this.testimonies.set(doc.id, indexed);
    this.testimonyIndex.add(indexed);
    for (const id of [...doc.facilityIds, ...doc.perpetratorIds]) {
      let set = this.linkedFrom.get(id);
      if (!set) this.linkedFrom.set(id, (set = new Set()));
      set.add(doc.id);
    }
  }

  private removeTestimony(id: Id): void {
    const old = this.testimonies.get(id);
    if (!old) return;
    this.testimonyIndex.discard(id);
    this.testimonies.delete(id);
    for (const linked of [...old.facilityIds, ...old.perpetratorIds]) this.linkedFrom.get(linked)?.delete(id);
  }

  private putNamed(kind: 'facility' | 'perpetrator', doc: NamedDoc, reindex: Set<Id>): void {
    const [docs, index] = kind === 'facility' ? [this.facilities, this.facilityIndex] : [this.perpetrators, this.perpetratorIndex];
    const old = docs.get(doc.id);
    if (old) index.discard(doc.id);
    docs.set(doc.id, doc);
    index.add({ ...doc, text: doc.names.join('\n'), more: doc.extra.join('\n') });
    const namesChanged = !old || old.names.join('\n') !== doc.names.join('\n');
    if (namesChanged) for (const id of this.linkedFrom.get(doc.id) ?? []) reindex.add(id);
  }

  private removeNamed(kind: 'facility' | 'perpetrator', id: Id, reindex: Set<Id>): void {
    const [docs, index] = kind === 'facility' ? [this.facilities, this.facilityIndex] : [this.perpetrators, this.perpetratorIndex];
    if (!docs.has(id)) return;
    index.discard(id);
    docs.delete(id);
    for (const testimonyId of this.linkedFrom.get(id) ?? []) reindex.add(testimonyId);
  }

  /**
   * Searches every kind. Every word of the query must match (any of its keys); words that
   * are only an article are ignored.
   */
  search(query: string, limit = 20): RawSearchResults {
    const words = queryWords(query).filter((word) => searchTermKeys(word) !== null);
    if (words.length === 0) return { testimonies: [], facilities: [], perpetrators: [] };
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
        const doc = this.testimonies.get(result.id as Id);
        if (!doc) return null;
        const snippet = snippetOf([doc.summary, doc.narrative, doc.translations, doc.tags, doc.linkedNames], result.terms);
        return { kind: 'testimony', id: doc.id, score: result.score, title: doc.referenceCode, snippet };
      }),
      facilities: run(this.facilityIndex, 'facility', (result) => this.namedHit('facility', this.facilities.get(result.id as Id), result)),
      perpetrators: run(this.perpetratorIndex, 'perpetrator', (result) => this.namedHit('perpetrator', this.perpetrators.get(result.id as Id), result)),
    };
  }

  private namedHit(kind: SearchKind, doc: NamedDoc | undefined, result: SearchResult): SearchHit | null {
    if (!doc) return null;
    // The snippet is the name (or rank/unit) that matched, so "Sednaya" shows "صيدنايا" when that is what matched.
    const matched = [...doc.names, ...doc.extra].find((text) => hasMatch(text, result.terms));
    return { kind, id: doc.id, score: result.score, title: doc.names[0] ?? '', snippet: matched ?? doc.names.join(' · ') };
  }
}

function hasMatch(text: string, terms: readonly string[]): boolean {
  const wanted = new Set(terms);
  return queryWords(text).some((word) => searchTermKeys(word)?.some((key) => wanted.has(key)) ?? false);
}
