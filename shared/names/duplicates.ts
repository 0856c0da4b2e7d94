/**
 * Duplicate suggestions for records with several names (facilities, alleged perpetrators).
 * Two records are suggested as one when their best pair of names scores at least the
 * threshold. A person decides; the merge is audited and reversible (DESIGN.md §10).
 *
 * Scale (thousands of perpetrators, 100,000 testimonies): each name is prepared once, and
 * names are compared only when blocking says they might match, never all pairs. Every
 * prepared name is posted under the keys of each of its words (blockKeys: consonant
 * skeleton prefix and suffix), kunya, numbers, curated alias and exonym. A name's candidates
 * are the names sharing a key with *every* one of its words, found by reading the postings
 * of its rarest word and filtering (plus its curated aliases, which match without sharing a
 * word). That finds every match: apart from aliases, a match needs every word of the shorter
 * name (its kunya, its number) to match in the longer, and both names of a pair are queried.
 */
import { SUGGESTION_THRESHOLD, type MatchReason, type NameMatch } from './match-result';
import { blockKeys } from './phonetic-token';
import { comparePrepared, prepareName, type NameDomain, type PreparedName } from './similarity';

/** Blocking-key prefix of a curated alias. */
const ALIAS_KEY = 'a:';

/** A record to de-duplicate: its id and every name it is known by. */
export interface NamedEntity {
  readonly id: string;
  readonly names: readonly string[];
}

/** Two records that may be one, with the pair of names that says so. */
export interface DuplicateSuggestion {
  readonly a: string;
  readonly b: string;
  /** In [0, 1], rounded to 3 decimals. */
  readonly score: number;
  readonly reason: MatchReason;
  /** The name of `a` and the name of `b` that matched best. */
  readonly names: readonly [string, string];
}

/** Options for suggestions. */
export interface SuggestOptions {
  /** Minimum score to suggest (default SUGGESTION_THRESHOLD = 0.8). */
  readonly threshold?: number;
}

interface Posting {
  readonly entity: number;
  readonly prepared: PreparedName;
  /** One array of keys per word-like part of the name. */
  readonly parts: readonly (readonly string[])[];
}

/** Blocking keys per word-like part of a prepared name. */
function blockingParts(prepared: PreparedName): string[][] {
  if (prepared.domain === 'person') {
    const { words, kunya } = prepared.name;
    const parts = words.map(blockKeys);
    if (kunya) parts.push(blockKeys(kunya.name).map((key) => `${kunya.head}:${key}`));
    return parts;
  }
  const { words, numbers, aliasIds, types, parts: unitParts, qualifiers } = prepared.name;
  const parts = [
    ...aliasIds.map((id) => [`${ALIAS_KEY}${id}`]),
    ...numbers.map((n) => [`n:${n}`]),
    ...words.map((w) => (w.exonym ? [`x:${w.exonym}`, ...blockKeys(w.token)] : blockKeys(w.token))),
  ];
  if (parts.length === 0) parts.push([`g:${[...types, ...unitParts, ...qualifiers].sort().join('+')}`]);
  return parts;
}

type Scored = NameMatch & { readonly names: [string, string] };

const FULL_NAME_CONFLICT = 0.5;

/** Suggestions from full names disagreeing: a shared kunya or nickname does not outweigh them. */
function conflictingFullNames(a: readonly PreparedName[], b: readonly PreparedName[]): boolean {
  const full = (names: readonly PreparedName[]) => names.filter((n) => n.domain === 'person' && n.name.words.length >= 2);
  const fullA = full(a);
  const fullB = full(b);
  if (fullA.length === 0 || fullB.length === 0) return false;
  return fullA.every((x) => fullB.every((y) => comparePrepared(x, y).score < FULL_NAME_CONFLICT));
}

/**
 * An index of named records that answers "which records may be duplicates?" for all of them
 * or for one new record, preparing each name once.
 */
export class DuplicateIndex {
  private readonly entities: NamedEntity[] = [];
  private readonly prepared: PreparedName[][] = [];
  private readonly postings: Posting[] = [];
  private readonly byKey = new Map<string, number[]>();
  private readonly keysOf: ReadonlySet<string>[] = [];

  constructor(readonly domain: NameDomain) {}

  /** Adds a record (its names are prepared now). */
  add(entity: NamedEntity): void {
    const index = this.entities.length;
    this.entities.push(entity);
    const names = entity.names.map((name) => prepareName(name, this.domain));
    this.prepared.push(names);
    for (const prepared of names) {
      const posting = this.postings.length;
      const parts = blockingParts(prepared);
      this.postings.push({ entity: index, prepared, parts });
      const keys = new Set(parts.flat());
      this.keysOf.push(keys);
      for (const key of keys) {
        const list = this.byKey.get(key);
        if (list) list.push(posting);
        else this.byKey.set(key, [posting]);
      }
    }
  }

  /**
   * Postings that share a key with *every* part of `parts`, found from the rarest part, plus
   * the postings of its curated aliases (they match without sharing a word).
   */
  private candidates(parts: readonly (readonly string[])[]): Set<number> {
    const byCount = parts
      .map((keys) => ({ keys, count: keys.reduce((sum, key) => sum + (this.byKey.get(key)?.length ?? 0), 0) }))
      .sort((x, y) => x.count - y.count);
    const [rarest, ...others] = byCount;
    const found = new Set<number>();
    for (const q of (rarest?.keys ?? []).flatMap((key) => this.byKey.get(key) ?? [])) {
      const keys = this.keysOf[q];
      if (keys && others.every(({ keys: part }) => part.some((key) => keys.has(key)))) found.add(q);
    }
    for (const key of parts.flat()) if (key.startsWith(ALIAS_KEY)) for (const q of this.byKey.get(key) ?? []) found.add(q);
    return found;
  }

  /** The suggestion for two records from their best-matching names, or null. */
  private suggestion(a: NamedEntity, namesA: readonly PreparedName[], b: NamedEntity, namesB: readonly PreparedName[], best: Scored): DuplicateSuggestion | null {
    const reason = best.reason as MatchReason;
    if ((reason === 'kunya' || reason === 'single-name') && conflictingFullNames(namesA, namesB)) return null;
    return { a: a.id, b: b.id, score: Math.round(best.score * 1000) / 1000, reason, names: best.names };
  }

  /** Every pair of indexed records that may be one, best first. */
  suggestions(options: SuggestOptions = {}): DuplicateSuggestion[] {
    const threshold = options.threshold ?? SUGGESTION_THRESHOLD;
    const compared = new Set<string>();
    const bestByPair = new Map<string, Scored>();
    this.postings.forEach((posting, p) => {
      for (const q of this.candidates(posting.parts)) {
        const other = this.postings[q] as Posting;
        if (other.entity === posting.entity) continue;
        const [first, second] = posting.entity < other.entity ? [posting, other] : [other, posting];
        const nameKey = p < q ? `${p}|${q}` : `${q}|${p}`;
        if (compared.has(nameKey)) continue;
        compared.add(nameKey);
        const match = comparePrepared(first.prepared, second.prepared);
        const pairKey = `${first.entity}|${second.entity}`;
        if (match.score >= threshold && match.score > (bestByPair.get(pairKey)?.score ?? -1)) {
          bestByPair.set(pairKey, { ...match, names: [first.prepared.name.text, second.prepared.name.text] });
        }
      }
    });
    const out: DuplicateSuggestion[] = [];
    for (const [pairKey, best] of bestByPair) {
      const [a, b] = pairKey.split('|').map(Number) as [number, number];
      const suggestion = this.suggestion(this.entity(a), this.names(a), this.entity(b), this.names(b), best);
      if (suggestion) out.push(suggestion);
    }
    return sortSuggestions(out);
  }

  /**
   * Indexed records that may be the same as `entity` (a record being created or edited; it
   * is not added). Records with the same id are skipped.
   */
  suggestionsFor(entity: NamedEntity, options: SuggestOptions = {}): DuplicateSuggestion[] {
    const threshold = options.threshold ?? SUGGESTION_THRESHOLD;
    const names = entity.names.map((name) => prepareName(name, this.domain));
    const bestByEntity = new Map<number, Scored>();
    for (const prepared of names) {
      for (const q of this.candidates(blockingParts(prepared))) {
        const other = this.postings[q] as Posting;
        if (this.entity(other.entity).id === entity.id) continue;
        const match = comparePrepared(prepared, other.prepared);
        if (match.score >= threshold && match.score > (bestByEntity.get(other.entity)?.score ?? -1)) {
          bestByEntity.set(other.entity, { ...match, names: [prepared.name.text, other.prepared.name.text] });
        }
      }
    }
    const out: DuplicateSuggestion[] = [];
    for (const [index, best] of bestByEntity) {
      const suggestion = this.suggestion(entity, names, this.entity(index), this.names(index), best);
      if (suggestion) out.push(suggestion);
    }
    return sortSuggestions(out);
  }

  private entity(index: number): NamedEntity {
    return this.entities[index] as NamedEntity;
  }

  private names(index: number): readonly PreparedName[] {
    return this.prepared[index] ?? [];
  }
}

function sortSuggestions(suggestions: DuplicateSuggestion[]): DuplicateSuggestion[] {
  return suggestions.sort((x, y) => y.score - x.score || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

/** Suggests which of `entities` may be the same person (or facility), best first. */
export function suggestDuplicates(entities: readonly NamedEntity[], domain: NameDomain, options: SuggestOptions = {}): DuplicateSuggestion[] {
  const index = new DuplicateIndex(domain);
  for (const entity of entities) index.add(entity);
  return index.suggestions(options);
}
