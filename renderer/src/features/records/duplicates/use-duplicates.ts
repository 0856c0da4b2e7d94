/**
 * Duplicate-suggestion hooks (the work runs in the search worker). Runs on the renderer's
 * main thread.
 */
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { DuplicateSuggestion } from '../../../../../shared/names';
import type { Id } from '../../../vault/vault-client';
import type { MergeableKind } from '../record-kinds';
import type { ListResult } from '../types';
import { useCaseFileContext } from '../use-case-file';

const noSubscribe = () => () => undefined;

function useSearchRevision() {
  const file = useCaseFileContext();
  const status = useSyncExternalStore(file ? file.store.subscribe : noSubscribe, () => file?.store.getSnapshot().status ?? 'loading');
  const search = status === 'ready' ? (file?.store.search ?? null) : null;
  const revision = useSyncExternalStore(search ? (l) => search.subscribe(l) : noSubscribe, () => search?.revision ?? 0);
  const searchStatus = useSyncExternalStore(search ? (l) => search.subscribe(l) : noSubscribe, () => search?.status ?? null);
  return { search, revision, ready: searchStatus === 'ready' };
}

/** Pairs of facilities (or alleged perpetrators) that may be one, best first; refreshed after every change. */
export function useDuplicateSuggestions(kind: MergeableKind): ListResult<DuplicateSuggestion> {
  const { search, revision, ready } = useSearchRevision();
  const [state, setState] = useState<{ key: string; result: ListResult<DuplicateSuggestion> } | null>(null);
  const key = `${kind}:${revision}`;
  useEffect(() => {
    if (!search || !ready) return;
    let live = true;
    search.duplicates(kind).then(
      (items) => live && setState({ key, result: { status: 'ready', items, total: items.length } }),
      () => live && setState({ key, result: { status: 'failed', items: [], total: 0 } }),
    );
    return () => {
      live = false;
    };
  }, [search, ready, kind, key]);
  if (state && state.key === key) return state.result;
  // Keep showing the previous list of this kind while the refreshed one is computed.
  if (state && state.key.startsWith(`${kind}:`)) return state.result;
  return { status: 'loading', items: [], total: 0 };
}

/**
 * "Did you mean": existing records of `kind` whose names may match `names` (the names typed
 * into a create or edit form; `excludeId` is the record being edited). Empty until it knows.
 */
export function useNameSuggestions(kind: MergeableKind, names: readonly string[], excludeId?: Id): readonly DuplicateSuggestion[] {
  const { search, revision, ready } = useSearchRevision();
  const namesKey = JSON.stringify(names);
  const stableNames = useMemo(() => JSON.parse(namesKey) as string[], [namesKey]);
  const [found, setFound] = useState<{ key: string; items: DuplicateSuggestion[] } | null>(null);
  const key = `${kind}:${namesKey}:${excludeId ?? ''}:${revision}`;
  useEffect(() => {
    if (!search || !ready || stableNames.every((name) => name.trim() === '')) return;
    let live = true;
    search.suggestionsFor(kind, stableNames, excludeId).then(
      (items) => live && setFound({ key, items }),
      () => live && setFound({ key, items: [] }),
    );
    return () => {
      live = false;
    };
  }, [search, ready, kind, stableNames, excludeId, key]);
  return found && found.key === key ? found.items : [];
}
