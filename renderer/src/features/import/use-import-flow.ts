/**
 * The steps of importing one bundle, as state for the import screen. Runs on the main thread:
 * it opens the file through the platform port (from the click that asked for it), lends it to
 * the vault worker, and after a merge refreshes the case file with the records it wrote.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Id } from '../../../../shared/domain/ids';
import type { Platform } from '../../platform/platform';
import type { ImportChanges, ImportCounts, ImportProblem, ImportSummary } from '../../vault/import-types';
import type { VaultClient } from '../../vault/vault-client';
import { LockedError } from '../../vault/vault-errors';
import { useCaseFileContext } from '../records/use-case-file';
import type { CaseStore } from '../records/case-store';
import { consentKind, facilityKind, perpetratorKind, testimonyKind } from '../records/record-kinds';

/** Where the import is. */
export type ImportStep =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly percent: number }
  | { readonly step: 'quarantine'; readonly summary: ImportSummary; readonly busy: boolean }
  | { readonly step: 'merged'; readonly counts: ImportCounts }
  | { readonly step: 'discarded' }
  | { readonly step: 'refused'; readonly problem: ImportProblem };

/** The file types the picker offers. */
export const BUNDLE_FILTERS = [{ name: 'Sijill bundle', extensions: ['sijill'] }];

/** Reads the records a merge wrote and hands them to the open case file. */
async function refreshCaseFile(client: VaultClient, store: CaseStore | undefined, changed: ImportChanges): Promise<void> {
  if (!store || store.closed) return;
  const ids = (list: readonly Id[] | undefined) => list ?? [];
  const [testimonies, facilities, perpetrators, consents] = await Promise.all([
    Promise.all(ids(changed.testimony).map((id) => client.records.read(testimonyKind, id))),
    Promise.all(ids(changed.facility).map((id) => client.records.read(facilityKind, id))),
    Promise.all(ids(changed.perpetrator).map((id) => client.records.read(perpetratorKind, id))),
    Promise.all(ids(changed.consent).map((id) => client.records.read(consentKind, id))),
  ]);
  await store.exclusive(async () => store.commit({ testimonies, facilities, perpetrators, consents }));
}

/** The import flow over `client` and `platform`. */
export function useImportFlow(client: VaultClient, platform: Pick<Platform, 'openFile'>) {
  const [state, setState] = useState<ImportStep>({ step: 'idle' });
  const store = useCaseFileContext()?.store;
  const importId = useRef<string | null>(null);
  const imports = client.imports;

  // Leaving the screen with a bundle in quarantine discards it (its pending rows go at once).
  useEffect(
    () => () => {
      if (importId.current) void imports?.discard(importId.current).catch(() => undefined);
    },
    [imports],
  );

  const choose = useCallback(async () => {
    if (!imports) return;
    const file = await platform.openFile(BUNDLE_FILTERS);
    if (!file) return;
    setState({ step: 'reading', percent: 0 });
    try {
      const result = await imports.open(file, (p) => setState({ step: 'reading', percent: p.total ? Math.floor((p.bytes * 100) / p.total) : 100 }));
      if (!result.ok) return setState({ step: 'refused', problem: result.problem });
      importId.current = result.summary.importId;
      setState({ step: 'quarantine', summary: result.summary, busy: false });
    } catch (error) {
      if (!(error instanceof LockedError)) setState({ step: 'refused', problem: 'unreadable-file' });
    } finally {
      await file.close().catch(() => undefined);
    }
  }, [imports, platform]);

  const merge = useCallback(async () => {
    const id = importId.current;
    if (!imports || !id || state.step !== 'quarantine') return;
    setState({ ...state, busy: true });
    importId.current = null;
    const result = await imports.merge(id);
    if (!result.ok) return setState({ step: 'refused', problem: result.problem });
    await refreshCaseFile(client, store, result.changed).catch(() => undefined);
    setState({ step: 'merged', counts: result.counts });
  }, [client, imports, state, store]);

  const discard = useCallback(async () => {
    const id = importId.current;
    importId.current = null;
    if (imports && id) await imports.discard(id);
    setState({ step: 'discarded' });
  }, [imports]);

  const reset = useCallback(() => setState({ step: 'idle' }), []);
  return { state, available: imports !== undefined, choose, merge, discard, reset };
}
