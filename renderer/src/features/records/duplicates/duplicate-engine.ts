/**
 * Duplicate suggestions for facilities and alleged perpetrators, over shared/names'
 * DuplicateIndex. Runs in the search worker next to the search index, because preparing
 * names fills module-level caches in shared/names (phonetic readings of every name): in the
 * worker they are dropped with it at lock instead of outliving the session on the UI thread.
 *
 * DuplicateIndex has no removal, so a change marks the kind's index stale and the next
 * question rebuilds it (a few thousand names: milliseconds, off the UI thread).
 */
import { DuplicateIndex, type DuplicateSuggestion } from '../../../../../shared/names';
import type { Id } from '../../../vault/vault-client';
import type { MergeableKind } from '../record-kinds';
import type { NamedDoc } from '../search/search-docs';

const DOMAIN = { facility: 'facility', perpetrator: 'person' } as const;

/** Names by record, per kind, and a lazily rebuilt index per kind. */
export class DuplicateEngine {
  private readonly names: Record<MergeableKind, Map<Id, readonly string[]>> = { facility: new Map(), perpetrator: new Map() };
  private readonly indexes: Record<MergeableKind, DuplicateIndex | null> = { facility: null, perpetrator: null };

  /** Records (or replaces) the names of `docs`. */
  put(kind: MergeableKind, docs: readonly NamedDoc[]): void {
    if (docs.length === 0) return;
    for (const doc of docs) this.names[kind].set(doc.id, doc.names);
    this.indexes[kind] = null;
  }

  /** Forgets `ids`. */
  remove(kind: MergeableKind, ids: readonly Id[]): void {
    if (ids.length === 0) return;
    for (const id of ids) this.names[kind].delete(id);
    this.indexes[kind] = null;
  }

  private index(kind: MergeableKind): DuplicateIndex {
    let index = this.indexes[kind];
    if (!index) {
      index = new DuplicateIndex(DOMAIN[kind]);
      for (const [id, names] of this.names[kind]) index.add({ id, names });
      this.indexes[kind] = index;
    }
    return index;
  }

  /** Every pair of records of `kind` that may be one, best first. */
  suggestions(kind: MergeableKind): DuplicateSuggestion[] {
    return this.index(kind).suggestions();
  }

  /** Records of `kind` that may be the one named `names` (a record being created or edited). */
  suggestionsFor(kind: MergeableKind, names: readonly string[], excludeId?: Id): DuplicateSuggestion[] {
    const usable = names.map((name) => name.trim()).filter((name) => name !== '');
    if (usable.length === 0) return [];
    return this.index(kind).suggestionsFor({ id: excludeId ?? '', names: usable });
  }
}
