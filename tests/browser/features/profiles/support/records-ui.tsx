/**
 * Set-up for the facility, alleged perpetrator, profile, search, duplicates and history UI
 * tests (browser tier): the real vault client (floor Argon2id, a database per test) unlocked,
 * the real case file (CaseFileProvider with its search worker), the screens under test
 * rendered inside it with their own i18n instance, and a probe that hands the test the case
 * file's commands and live lists, so data can be seeded through the data layer and checked
 * after the UI acted. Fictional people; public facility names.
 */
import type { ReactNode } from 'react';
import {
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
import type { Language } from '../../../../../renderer/src/i18n/languages';
import { renderCaseFileUi, type CaseFileUi } from '../../../support/render-case-file-ui';

/** What the probe saw at the last render. */
export interface Seen {
  commands: CaseCommands;
  status: string;
  facilities: readonly FacilityEntry[];
  perpetrators: readonly PerpetratorEntry[];
  testimonies: readonly TestimonyEntry[];
}

function useRecordsSeen(): Seen {
  return {
    commands: useCaseCommands(),
    status: useCaseFile().status,
    facilities: useFacilities().items,
    perpetrators: usePerpetrators().items,
    testimonies: useTestimonies().items,
  };
}

/** A rendered UI over a real, unlocked vault and its case file. */
export type RecordsUi = CaseFileUi<Seen>;

/** Opens a vault, renders `ui` inside the case file in `language`, and waits for the case file. */
export function renderRecordsUi(ui: ReactNode, language: Language = 'en'): Promise<RecordsUi> {
  return renderCaseFileUi(ui, useRecordsSeen, language);
}

/** The value, or a test failure if it is missing. */
export function defined<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
