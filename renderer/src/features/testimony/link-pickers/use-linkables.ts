/**
 * A link picker's records, prepared once per list: the entries to match what is typed and how
 * one is shown (its display name, or a label the picker derives, with its other names beneath).
 * Runs on the main thread.
 */
import { useCallback, useMemo } from 'react';
import type { Id, Lang } from '../../../../../shared/domain';
import { displayName } from '../../records';
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

/** Entries to match and the display of one id, for `items` in `lang`. */
export function useLinkables<T extends LinkableEntry>(
  items: readonly T[],
  lang: Lang,
  label?: LinkLabel<T>,
): { entries: PreparedLinkable[]; display: (id: string) => LinkDisplay | undefined } {
  const byId = useMemo(() => new Map(items.map((entry) => [entry.id, entry])), [items]);
  const entries = useMemo(() => prepareLinkables(items.map((entry) => ({ id: entry.id, names: entry.names }))), [items]);
  const display = useCallback(
    (id: string): LinkDisplay | undefined => {
      const entry = byId.get(id);
      if (!entry) return undefined;
      const shown = displayName(entry.body.names, lang);
      const others = otherNames(entry.names, shown);
      return { label: label ? label(entry, shown, byId, lang) : shown, ...(others ? { detail: others } : {}) };
    },
    [byId, lang, label],
  );
  return { entries, display };
}
