/**
 * Set-up for the testimony, witness and consent UI tests (browser tier): the real vault
 * client (floor Argon2id, a database of its own per test) unlocked, optionally with a Dexie
 * fault (a full disk), the real case file, and the screen under test rendered inside it with
 * its own i18n instance. A probe hands the test the case file's commands and live testimonies,
 * so data is seeded and checked through the data layer. Fictional people; public facility names.
 */
import type { ReactNode } from 'react';
import type { Testimony } from '../../../../../shared/domain';
import type { TestimonyInput } from '../../../../../renderer/src/features/records';
import { useCaseCommands, useCaseFile, useTestimonies, type CaseCommands, type TestimonyEntry } from '../../../../../renderer/src/features/records';
import { testimonyKind } from '../../../../../renderer/src/features/records/record-kinds';
import { useVaultClient } from '../../../../../renderer/src/features/vault-session/vault-context';
import type { Language } from '../../../../../renderer/src/i18n/languages';
import { renderCaseFileUi, type CaseFileUi } from '../../../support/render-case-file-ui';
import type { HarnessOptions } from '../../../vault/support/vault-harness';

/** What the probe saw at the last render. */
export interface Seen {
  commands: CaseCommands;
  status: string;
  /** Summaries, as the case file holds them. */
  testimonies: readonly TestimonyEntry[];
  /** The full body of `testimonies[index]`, read from the vault (narrative, sessions). */
  fullBody(index: number): Promise<Testimony>;
}

function useTestimonySeen(): Seen {
  const client = useVaultClient();
  const testimonies = useTestimonies().items;
  const fullBody = async (index: number) => {
    const entry = testimonies[index];
    if (!entry) throw new Error(`no testimony ${index}`);
    return (await client.records.read(testimonyKind, entry.id)).body;
  };
  return { commands: useCaseCommands(), status: useCaseFile().status, testimonies, fullBody };
}

/** A rendered UI over a real, unlocked vault and its case file. */
export type CaseUi = CaseFileUi<Seen>;

/** Opens a vault (with `options`), renders `ui` inside its case file in `language`, waits until it is loaded. */
export function renderCaseUi(ui: ReactNode, language: Language = 'en', options: HarnessOptions = {}): Promise<CaseUi> {
  return renderCaseFileUi(ui, useTestimonySeen, language, options);
}

let counter = 0;
/** A canonical id for an item inside a record (session, episode, allegation). */
export function itemId(): string {
  counter += 1;
  return `tst${String(counter).padStart(18, '0')}A`;
}

/** A complete-able interview session. */
export const sessionBody = () => ({
  id: itemId(),
  date: '2026-02-10',
  mode: 'in_person' as const,
  interviewers: ['Documenter D-07'],
  interpreters: [],
  languages: ['ar'],
  personsPresent: [],
  recordingMade: false,
  breaks: [],
  distressObserved: false,
  referralOffered: false,
  priorInterviews: [],
});

/** A testimony input; `extra` replaces fields. */
export function testimonyInput(extra: Partial<TestimonyInput> = {}): TestimonyInput {
  return {
    kind: 'survivor_account',
    status: 'draft',
    sessions: [],
    narrative: { language: 'en', text: 'I was held for three months in a crowded dormitory.' },
    translations: [],
    detentionEpisodes: [],
    allegations: [],
    attachmentIds: [],
    tags: [],
    ...extra,
  };
}

/** The value, or a test failure if it is missing. */
export function defined<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
