/**
 * Existing facilities or alleged perpetrators whose names may be the ones being typed, looked
 * up a moment after typing stops (the matching runs in the search worker). Runs on the main
 * thread.
 */
import { useEffect, useState } from 'react';
import type { Id } from '../../../../../shared/domain';
import { useNameSuggestions, type DuplicateSuggestion, type MergeableKind } from '../../records';

/** Pause after the last keystroke before asking: typing comes first. */
const DEBOUNCE_MS = 300;

/** Suggestions for `names` (blank names ignored); `excludeId` skips the record being edited. */
export function useDidYouMean(kind: MergeableKind, names: readonly string[], excludeId?: Id): readonly DuplicateSuggestion[] {
  const typed = names
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .join('\n');
  const [settled, setSettled] = useState(typed);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(typed), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const suggestions = useNameSuggestions(kind, settled === '' ? [] : settled.split('\n'), excludeId);
  return settled === '' ? [] : suggestions;
}
