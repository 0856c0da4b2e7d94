/**
 * Names of linked records for the profile pages: a facility's or alleged perpetrator's
 * display name in the UI language, a testimony's reference code. Runs on the main thread;
 * the maps are rebuilt only when the case file changes.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { displayName, useFacilities, usePerpetrators, useTestimonies } from '../records';

/** Lookups by id; `undefined` for a record that is not in the case file (deleted, merged). */
export interface RecordNames {
  facility(id: Id): string | undefined;
  perpetrator(id: Id): string | undefined;
  referenceCode(id: Id): string | undefined;
}

/** The lookups for the current UI language. */
export function useRecordNames(): RecordNames {
  const { i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const facilities = useFacilities();
  const perpetrators = usePerpetrators();
  const testimonies = useTestimonies();
  return useMemo(() => {
    const facilityNames = new Map(facilities.items.map((entry) => [entry.id, displayName(entry.body.names, lang)]));
    const perpetratorNames = new Map(perpetrators.items.map((entry) => [entry.id, displayName(entry.body.names, lang)]));
    const codes = new Map(testimonies.items.map((entry) => [entry.id, entry.body.referenceCode]));
    return { facility: (id) => facilityNames.get(id), perpetrator: (id) => perpetratorNames.get(id), referenceCode: (id) => codes.get(id) };
  }, [facilities.items, perpetrators.items, testimonies.items, lang]);
}
