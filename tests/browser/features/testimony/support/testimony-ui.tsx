/**
 * Set-up for the testimony, witness and consent UI tests (browser tier): the real vault
 * client (floor Argon2id, a database of its own per test) unlocked, optionally with a Dexie
 * fault (a full disk), the real case file, and the screen under test rendered inside it with
 * its own i18n instance. A probe hands the test the case file's commands and live testimonies,
 * so data is seeded and checked through the data layer. Fictional people; public facility names.
 */
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import { render } from 'vitest-browser-react';
import type { TestimonyInput } from '../../../../../renderer/src/features/records';
import { AppProviders } from '../../../../../renderer/src/app/app-providers';
import { CaseFileProvider, useCaseCommands, useCaseFile, useTestimonies, type CaseCommands, type TestimonyEntry } from '../../../../../renderer/src/features/records';
import { createI18n } from '../../../../../renderer/src/i18n/create-i18n';
import type { Language } from '../../../../../renderer/src/i18n/languages';
import { createFakePlatform } from '../../../../fakes/fake-platform';
import { makeUnlockedVault, type Harness, type HarnessOptions } from '../../../vault/support/vault-harness';

/** What the probe saw at the last render. */
export interface Seen {
  commands: CaseCommands;
  status: string;
  testimonies: readonly TestimonyEntry[];
}

function Probe({ seen }: { seen: Partial<Seen> }) {
  seen.commands = useCaseCommands();
  seen.status = useCaseFile().status;
  seen.testimonies = useTestimonies().items;
  return null;
}

/** A rendered UI over a real, unlocked vault and its case file. */
export interface CaseUi {
  readonly harness: Harness;
  readonly screen: Awaited<ReturnType<typeof render>>;
  readonly seen: Seen;
  /** Replaces the UI under test (same vault and case file). */
  show(ui: ReactNode): Promise<void>;
}

/** Opens a vault (with `options`), renders `ui` inside its case file in `language`, waits until it is loaded. */
export async function renderCaseUi(ui: ReactNode, language: Language = 'en', options: HarnessOptions = {}): Promise<CaseUi> {
  const harness = await makeUnlockedVault(options);
  const platform = createFakePlatform();
  const i18n = createI18n(language);
  const seen: Partial<Seen> = {};
  const tree = (content: ReactNode) => (
    <AppProviders platform={platform} vault={harness.client} i18n={i18n}>
      <CaseFileProvider>
        <Probe seen={seen} />
        {content}
      </CaseFileProvider>
    </AppProviders>
  );
  const screen = await render(tree(ui));
  await expect.poll(() => seen.status, { timeout: 20_000 }).toBe('ready');
  return { harness, screen, seen: seen as Seen, show: async (next) => void (await screen.rerender(tree(next))) };
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
