/**
 * The "did you mean …?" candidates of a record form as items to show: each suggestion's record
 * by its display name, with the name that matched. Pure; runs on the main thread.
 */
import type { Id, Lang } from '../../../../../shared/domain';
import { displayName, type DuplicateSuggestion } from '../../records';
import type { DidYouMeanItem } from './did-you-mean';

/** Suggestions whose record is in `byId`, named in `lang`; the others are left out. */
export function didYouMeanItems(
  suggestions: readonly DuplicateSuggestion[],
  byId: ReadonlyMap<Id, { readonly id: Id; readonly body: { readonly names: Parameters<typeof displayName>[0] } }>,
  lang: Lang,
): DidYouMeanItem[] {
  return suggestions.flatMap((suggestion) => {
    const existing = byId.get(suggestion.b as Id);
    return existing ? [{ id: existing.id, name: displayName(existing.body.names, lang), matched: suggestion.names[1] }] : [];
  });
}
