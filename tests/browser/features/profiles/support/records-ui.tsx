/**
 * Set-up for the facility, alleged perpetrator, profile, search, duplicates and history UI
 * tests (browser tier): the real vault client (floor Argon2id, a database per test) unlocked,
 * the real case file (CaseFileProvider with its search worker), the screens under test
 * rendered inside it with their own i18n instance, and a probe that hands the test the case
 * file's commands and live lists, so data can be seeded through the data layer and checked
 * after the UI acted. Fictional people; public facility names.
 */
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import { render } from 'vitest-browser-react';
import { AppProviders } from '../../../../../renderer/src/app/app-providers';
import {
  CaseFileProvider,
  useCaseCommands,
  useCaseFile,
  useFacilities,
  usePerpetrators,
  useTestimonies,
  type CaseCommands,
  type FacilityEntry,
  type PerpetratorEntry,
  type TestimonyEntry,
} from '../../../../../renderer/src/features/records';
import { createI18n } from '../../../../../renderer/src/i18n/create-i18n';
import type { Language } from '../../../../../renderer/src/i18n/languages';
import { createFakePlatform } from '../../../../fakes/fake-platform';
import { makeUnlockedVault, type Harness } from '../../../vault/support/vault-harness';

/** What the probe saw at the last render. */
export interface Seen {
  commands: CaseCommands;
  status: string;
  facilities: readonly FacilityEntry[];
  perpetrators: readonly PerpetratorEntry[];
  testimonies: readonly TestimonyEntry[];
}

function Probe({ seen }: { seen: Partial<Seen> }) {
  seen.commands = useCaseCommands();
  seen.status = useCaseFile().status;
  seen.facilities = useFacilities().items;
  seen.perpetrators = usePerpetrators().items;
  seen.testimonies = useTestimonies().items;
  return null;
}

/** A rendered UI over a real, unlocked vault and its case file. */
export interface RecordsUi {
  readonly harness: Harness;
  readonly screen: Awaited<ReturnType<typeof render>>;
  /** The probe's view; read after `await`ing UI steps. */
  readonly seen: Seen;
  /** Replaces the UI under test (same vault and case file). */
  show(ui: ReactNode): Promise<void>;
}

/** Opens a vault, renders `ui` inside the case file in `language`, and waits for the case file. */
export async function renderRecordsUi(ui: ReactNode, language: Language = 'en'): Promise<RecordsUi> {
  const harness = await makeUnlockedVault();
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
  return {
    harness,
    screen,
    seen: seen as Seen,
    show: async (next) => {
      await screen.rerender(tree(next));
    },
  };
}

/** The value, or a test failure if it is missing. */
export function defined<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
