/**
 * Merges and their undo, for the duplicates screen: the recent merges list (read again after
 * each merge or undo) and the two actions with their outcome. Runs on the main thread.
 */
import { useCallback, useEffect, useState } from 'react';
import { MergeError, RecordNotFoundError, VersionConflictError, useCaseCommands, useCaseFile, type MergeableKind, type MergeResult, type MergeSummary, type UndoMergeResult } from '../records';

/** What the last action did, for the status line. */
export type MergeOutcome =
  | { readonly kind: 'merged'; readonly result: MergeResult }
  | { readonly kind: 'undone'; readonly result: UndoMergeResult; readonly entity: MergeableKind }
  | { readonly kind: 'changed' | 'failed' | 'undo-failed' };

/** The merges list, the actions and the last outcome. */
export function useMerges() {
  const commands = useCaseCommands();
  const { status } = useCaseFile();
  const [merges, setMerges] = useState<readonly MergeSummary[]>([]);
  const [revision, setRevision] = useState(0);
  const [outcome, setOutcome] = useState<MergeOutcome | null>(null);
  const [undoing, setUndoing] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    commands.listMerges().then(
      (list) => live && setMerges(list),
      // The case file may still be opening; the list fills in on the next revision.
      () => live && setMerges([]),
    );
    return () => {
      live = false;
    };
  }, [commands, revision, status]);
  const merge = useCallback(
    async (kind: MergeableKind, survivorId: string, mergedId: string) => {
      setOutcome(null);
      try {
        const result = await commands.mergeEntities(kind, survivorId, mergedId);
        setOutcome({ kind: 'merged', result });
      } catch (error) {
        const changed = error instanceof MergeError || error instanceof RecordNotFoundError || error instanceof VersionConflictError;
        setOutcome({ kind: changed ? 'changed' : 'failed' });
      } finally {
        setRevision((value) => value + 1);
      }
    },
    [commands],
  );
  const undo = useCallback(
    async (mergeId: string) => {
      const entity = merges.find((item) => item.mergeId === mergeId)?.entity ?? 'facility';
      setOutcome(null);
      setUndoing(mergeId);
      try {
        const result = await commands.undoMerge(mergeId);
        setOutcome({ kind: 'undone', result, entity });
      } catch {
        setOutcome({ kind: 'undo-failed' });
      } finally {
        setUndoing(null);
        setRevision((value) => value + 1);
      }
    },
    [commands, merges],
  );
  return { merges, merge, undo, undoing, outcome };
}
