/**
 * What the pieces of the testimony editor need to know about the testimony itself: its id and
 * reference code once it has been saved (a perpetrator created inline cites it as the source
 * of the name). Runs on the main thread.
 */
import { createContext, use } from 'react';
import type { Id } from '../../../../../shared/domain';

export interface TestimonyIdentity {
  /** Undefined until the first save creates the record. */
  readonly id?: Id | undefined;
  readonly referenceCode?: string | undefined;
}

export const TestimonyIdentityContext = createContext<TestimonyIdentity>({});

/** The testimony being edited (empty outside the editor). */
export function useTestimonyIdentity(): TestimonyIdentity {
  return use(TestimonyIdentityContext);
}

/** Opening the page of a linked record from inside the editor (the editor then saves and closes). */
export interface RecordOpeners {
  readonly openFacility?: ((id: string) => void) | undefined;
  readonly openPerpetrator?: ((id: string) => void) | undefined;
}

export const RecordOpenersContext = createContext<RecordOpeners>({});

/** How to open a linked record's page (nothing outside the testimony screen). */
export function useRecordOpeners(): RecordOpeners {
  return use(RecordOpenersContext);
}
