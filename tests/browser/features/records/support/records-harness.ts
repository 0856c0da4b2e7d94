/**
 * Set-up for the case-records tests (browser tier): the real vault client (floor Argon2id, a
 * database per test), the case file opened over it with a logged search worker, and valid
 * synthetic inputs. Fictional people; public facility names.
 */
import type { DBCore, Middleware } from 'dexie';
import type { FacilityInput, PerpetratorInput, TestimonyInput } from '../../../../../renderer/src/features/records';
import { openCaseFile, type CaseFile } from '../../../../../renderer/src/features/records/case-commands';
import { spawnSearchWorker, type SearchEndpoint } from '../../../../../renderer/src/features/records/search/search-client';
import type { Id } from '../../../../../renderer/src/vault/vault-client';
import { makeUnlockedVault, rawDatabase, type Harness, type HarnessOptions } from '../../../vault/support/vault-harness';
import { quotaFault } from '../../../../fakes/quota-fault';

/** Search workers started and terminated. */
export interface SearchLog {
  readonly spawned: SearchEndpoint[];
  readonly terminated: SearchEndpoint[];
}

/** The real search worker, logged. */
export function loggedSearch(log: SearchLog): () => SearchEndpoint {
  return () => {
    const worker = spawnSearchWorker();
    const terminate = worker.terminate.bind(worker);
    const logged = Object.assign(worker, {
      terminate: () => {
        (log.terminated as SearchEndpoint[]).push(logged);
        terminate();
      },
    });
    (log.spawned as SearchEndpoint[]).push(logged);
    return logged;
  };
}

/** An unlocked vault and its case file. */
export interface CaseHarness extends Harness {
  readonly file: CaseFile;
  readonly search: SearchLog;
}

/** Opens the case file of `harness`'s vault (again, e.g. after an unlock) and waits for it. */
export async function openCase(harness: Harness, search: SearchLog = { spawned: [], terminated: [] }): Promise<CaseHarness> {
  const file = openCaseFile(harness.client, { spawnSearch: loggedSearch(search) });
  await file.ready;
  return { ...harness, file, search };
}

/** A new vault, unlocked, with its case file open. */
export async function makeCase(options: HarnessOptions = {}): Promise<CaseHarness> {
  return openCase(await makeUnlockedVault(options));
}

/** Waits until the search index has loaded. */
export async function searchReady(file: CaseFile): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (file.store.search?.status === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('search index not ready');
}

export const facilityInput = (names: string[], extra: Partial<FacilityInput> = {}): FacilityInput => ({
  names: names.map((text) => ({ text, lang: /\p{Script=Arabic}/u.test(text) ? 'ar' : 'en', kind: 'common' })),
  type: 'prison',
  ...extra,
});

export const perpetratorInput = (names: string[], extra: Partial<PerpetratorInput> = {}): PerpetratorInput => ({
  names: names.map((text) => ({ text, kind: 'full_name', source: { note: 'test source' } })),
  positions: [],
  status: 'unknown',
  photoAttachmentIds: [],
  ...extra,
});

let itemCounter = 0;
/** A canonical id for an item inside a record (allegation, episode, session). */
export function itemId(): Id {
  itemCounter += 1;
  return `item${String(itemCounter).padStart(17, '0')}A`;
}

export const session = () => ({
  id: itemId(),
  date: '2026-01-05',
  mode: 'in_person' as const,
  interviewers: ['DOC-01'],
  interpreters: [],
  languages: ['ar'],
  personsPresent: [],
  recordingMade: false,
  breaks: [],
  distressObserved: false,
  referralOffered: true,
  priorInterviews: [],
});

/** A testimony input in Arabic linking `facilityId` and `perpetratorId`. */
export function testimonyInput(links: { facilityId?: Id; perpetratorId?: Id } = {}, extra: Partial<TestimonyInput> = {}): TestimonyInput {
  return {
    kind: 'survivor_account',
    status: 'draft',
    sessions: [],
    narrative: { language: 'ar', text: 'اعتُقلتُ عند حاجز واقتِدتُ إلى الفرع، وأمضيت أشهراً في مهجع مكتظ.' },
    translations: [],
    summary: 'Account of detention (synthetic)',
    detentionEpisodes: links.facilityId ? [{ id: itemId(), facilityId: links.facilityId, from: { year: 2013, precision: 'year', approximate: false } }] : [],
    allegations: links.perpetratorId
      ? [{ id: itemId(), perpetratorId: links.perpetratorId, ...(links.facilityId ? { facilityId: links.facilityId } : {}), acts: ['beating'], role: 'directly_carried_out', identificationBasis: ['saw_face'] }]
      : [],
    attachmentIds: [],
    tags: [],
    ...extra,
  };
}

/** Fails mutations of `objects` with the quota error once `after` of them succeeded, until disarmed. */
export function quotaAfter(): { middleware: Middleware<DBCore>; arm(after: number): void; disarm(): void } {
  const fault = quotaFault();
  return { middleware: fault.middleware, arm: (after) => fault.failAfter('objects', after), disarm: fault.disarm };
}

/** Ids of the rows in `objects` (records and their summaries), read raw. */
export async function objectIds(databaseName: string): Promise<Set<string>> {
  const db = await rawDatabase(databaseName);
  try {
    return new Set((await db.table('objects').toCollection().primaryKeys()).map(String));
  } finally {
    db.close();
  }
}
