/**
 * The CaseCommands of one case store, and opening a case file (load, then finish any merge
 * an earlier session left half done). Runs on the renderer's main thread.
 */
import type { Id, VaultClient } from '../../vault/vault-client';
import { CaseStore, type CaseStoreOptions } from './case-store';
import type { CaseCommands } from './commands';
import { CaseFileClosedError } from './errors';
import { journalOf, resumeMerges, runMerge } from './duplicates/merge';
import { runUndoMerge } from './duplicates/undo-merge';
import * as entities from './entity-commands';
import { toVersionEntries } from './history';
import { consentKind, facilityKind, perpetratorKind, testimonyKind, type MergeableKind } from './record-kinds';
import * as testimonies from './testimony-commands';
import type { MergeSummary, VersionEntry } from './types';
import * as witnesses from './witness-commands';

const HISTORY_KINDS = { testimony: testimonyKind, facility: facilityKind, perpetrator: perpetratorKind, consent: consentKind } as const;

/** The commands over `store`. */
export function createCaseCommands(store: CaseStore): CaseCommands {
  const search = () => {
    if (store.closed) throw new CaseFileClosedError();
    return store.search;
  };
  return {
    createTestimony: (input) => testimonies.createTestimony(store, input),
    updateTestimony: (testimony, v) => testimonies.updateTestimony(store, testimony, v),
    changeTestimonyStatus: (id, to, v) => testimonies.changeTestimonyStatus(store, id, to, v),
    amendTestimony: (testimony, reason, v) => testimonies.amendTestimony(store, testimony, reason, v),
    deleteTestimony: (id, v) => testimonies.deleteTestimony(store, id, v),
    createFacility: (input) => entities.createFacility(store, input),
    updateFacility: (facility, v) => entities.updateFacility(store, facility, v),
    deleteFacility: (id, v) => entities.deleteFacility(store, id, v),
    createPerpetrator: (input) => entities.createPerpetrator(store, input),
    updatePerpetrator: (perpetrator, v) => entities.updatePerpetrator(store, perpetrator, v),
    deletePerpetrator: (id, v) => entities.deletePerpetrator(store, id, v),
    createWitness: (input) => witnesses.createWitness(store, input),
    updateWitness: (witness, v) => witnesses.updateWitness(store, witness, v),
    deleteWitness: (id, v) => witnesses.deleteWitness(store, id, v),
    readWitness: (id) => witnesses.readWitness(store, id),
    createConsent: (witnessId, first) => witnesses.createConsent(store, witnessId, first),
    addConsentEvent: (id, event, v) => witnesses.addConsentEvent(store, id, event, v),
    deleteConsent: (id, v) => witnesses.deleteConsent(store, id, v),
    history: (async (kind: keyof typeof HISTORY_KINDS, id: Id): Promise<VersionEntry<unknown>[]> => {
      if (store.closed) throw new CaseFileClosedError();
      return toVersionEntries(await store.client.records.history(HISTORY_KINDS[kind] as typeof testimonyKind, id));
    }) as CaseCommands['history'],
    // Before the name index has started (still loading) there is nothing to suggest yet.
    suggestionsFor: async (entity: MergeableKind, names, excludeId) => (await search()?.suggestionsFor(entity, names, excludeId)) ?? [],
    mergeEntities: (entity, survivorId, mergedId) => store.exclusive(() => runMerge(store, entity, survivorId, mergedId)),
    undoMerge: (mergeId) => store.exclusive(() => runUndoMerge(store, mergeId)),
    listMerges: async () => {
      if (store.closed) throw new CaseFileClosedError();
      return [...store.journals.keys()]
        .map((id): MergeSummary => {
          const { body } = journalOf(store, id);
          const merged = body.mergedBody as { names?: { text?: unknown }[] };
          return {
            mergeId: id,
            entity: body.entity,
            survivorId: body.survivorId,
            mergedId: body.mergedId,
            mergedNames: (merged.names ?? []).flatMap((n) => (typeof n.text === 'string' ? [n.text] : [])),
            at: body.startedAt,
            state: body.state,
            links: body.links.length,
          };
        })
        .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    },
  };
}

/** A store and its commands. */
export interface CaseFile {
  readonly store: CaseStore;
  readonly commands: CaseCommands;
  /** Settles when loaded and any interrupted merge is finished (rejects if loading failed). */
  readonly ready: Promise<void>;
}

/** Opens the case file of `client`'s unlocked vault: load, then finish interrupted merges. */
export function openCaseFile(client: VaultClient, options: CaseStoreOptions = {}): CaseFile {
  const store = new CaseStore(client, options);
  const ready = (async () => {
    await store.load();
    if (!store.closed) await store.exclusive(() => resumeMerges(store));
  })();
  ready.catch(() => undefined); // the snapshot says `failed` (or `closed` after a lock)
  return { store, commands: createCaseCommands(store), ready };
}
