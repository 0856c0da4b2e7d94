/**
 * A link picker's records, prepared once per list: the entries to match what is typed and how
 * one is shown (its display name, or a label the picker derives, with its other names beneath).
 * Runs on the main thread.
 */
import { useCallback, useMemo } from 'react';
import type { Id, Lang } from '../../../../../shared/domain';
import { displayName, type EntityIndex } from '../../records';
import type { LinkDisplay } from './link-field';
import { otherNames, prepareLinkables, type PreparedLinkable } from './link-options';

/** A record a picker offers: its id, every name as typed, and its structured names. */
export interface LinkableEntry {
  readonly id: Id;
  readonly names: readonly string[];
  readonly body: { readonly names: Parameters<typeof displayName>[0] };
}

/**
 * The label of one record when it is not just its display name (`shown`). Keep it stable (a
 * module-level function): it is a dependency of `display`.
 */
export type LinkLabel<T extends LinkableEntry> = (entry: T, shown: string, byId: ReadonlyMap<Id, T>, lang: Lang) => string;

/**
 * Entries to match (prepared on first use: a picker reads them only once its user types, and
 * every save of the case file gives it a new index) and the display of one id, in `lang`.
 */
export function useLinkables<T extends LinkableEntry>(
  index: EntityIndex<T>,
  lang: Lang,
  label?: LinkLabel<T>,
): { entries: () => readonly PreparedLinkable[]; display: (id: string) => LinkDisplay | undefined } {
  const { byId } = index;
  const entries = useMemo(() => {
    let prepared: PreparedLinkable[] | null = null;
    return () => (prepared ??= prepareLinkables(index.sorted().map((entry) => ({ id: entry.id, names: entry.names }))));
  }, [index]);
  const display = useCallback(
    (id: string): LinkDisplay | undefined => {
      const entry = byId.get(id as Id);
      if (!entry) return undefined;
      const shown = displayName(entry.body.names, lang);
      const others = otherNames(entry.names, shown);
      return { label: label ? label(entry, shown, byId, lang) : shown, ...(others ? { detail: others } : {}) };
    },
    [byId, lang, label],
  );
  return { entries, display };
}
