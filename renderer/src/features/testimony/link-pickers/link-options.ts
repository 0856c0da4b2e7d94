/**
 * Which records a link picker offers for what was typed. Pure; runs on the main thread.
 *
 * Two sources, merged: a plain normalised substring over every name (instant, and it finds a
 * half-typed word), and the case file's full-text search (run in the search worker, where
 * `Saydnaya` finds `صيدنايا` across scripts). Substring matches come first, then search hits
 * in their order; each record once.
 */
import { normaliseForFilter } from '../../../../../shared/names';

/** A record that can be linked, with every name it is known by. */
export interface Linkable {
  readonly id: string;
  readonly names: readonly string[];
}

/** A linkable with its names normalised once (not on every keystroke). */
export interface PreparedLinkable extends Linkable {
  readonly plain: readonly string[];
}

/** Normalises every name once; call in a memo over the entries. */
export function prepareLinkables(entries: readonly Linkable[]): PreparedLinkable[] {
  return entries.map((entry) => ({ id: entry.id, names: entry.names, plain: entry.names.map(normaliseForFilter) }));
}

/** The ids to offer for `query`, at most `limit`. */
export function matchLinkables(entries: readonly PreparedLinkable[], query: string, searchHitIds: readonly string[], limit = 12): string[] {
  const needle = normaliseForFilter(query.trim());
  if (needle === '') return [];
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (seen.has(id) || out.length >= limit) return;
    seen.add(id);
    out.push(id);
  };
  for (const entry of entries) {
    if (out.length >= limit) break;
    if (entry.plain.some((name) => name.includes(needle))) add(entry.id);
  }
  const known = new Set(entries.map((entry) => entry.id));
  for (const id of searchHitIds) if (known.has(id)) add(id);
  return out;
}

/** The names other than `shown`, for the second line of an option ("also: Sednaya, صيدنايا"). */
export function otherNames(names: readonly string[], shown: string, max = 3): string {
  return names
    .filter((name) => name !== shown)
    .slice(0, max)
    .join(' · ');
}
