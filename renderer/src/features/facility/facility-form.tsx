/**
 * The facility editor: names in several scripts, type, parent (never itself or one of its
 * parts), authority, place, coordinates, period of operation, notes. Runs on the main thread.
 *
 * Embeddable: the testimony editor mounts it in `compact` mode to create a facility without
 * leaving the testimony (`initialNames` carries what was typed in the picker; `onCreated`
 * returns the id to link). Before a new facility is created, existing ones whose names may be
 * the same are offered ("did you mean …?"). A refused save keeps every value and says why at
 * the field or above the buttons.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Facility, Id } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { useCaseCommands, useFacilities, type FacilityEntry } from '../records';
import { FacilityDetailsFields } from './facility-details-fields';
import { facilityFormSchema, facilityFormValues, UNSAVED_ID, type FacilityFormValues } from './facility-form-values';
import { FacilityNamesFields } from './facility-names-fields';
import { forbiddenParents } from './facility-tree';
import { DidYouMean } from './form-kit/did-you-mean';
import { didYouMeanItems } from './form-kit/did-you-mean-items';
import { FIELD_ERROR_MAP } from './form-kit/field-errors';
import './form-kit/form-kit.css';
import { RecordFormFrame } from './form-kit/record-form-frame';
import { useDidYouMean } from './form-kit/use-did-you-mean';
import { useRecordSave } from './form-kit/use-record-save';

export interface FacilityFormProps {
  /** The facility to edit (its current version); absent to create one. */
  facility?: FacilityEntry | undefined;
  /** Names to start a new facility with (what was typed in a picker). */
  initialNames?: readonly string[] | undefined;
  /** Parent of a new facility (adding a wing from its prison's page). */
  initialParentId?: Id | undefined;
  /** Fewer fields, for creation inside another form; the rest can be filled in later. */
  compact?: boolean | undefined;
  /**
   * A facility to link was chosen: the new one after it is created, or (compact mode) an
   * existing one picked from "did you mean" (`existing: true`).
   */
  onCreated?: ((id: Id, how: { existing: boolean }) => void) | undefined;
  /** An edited facility was saved. */
  onSaved?: ((id: Id) => void) | undefined;
  onCancel?: (() => void) | undefined;
  /** Opens an existing facility (from "did you mean"); not offered when absent. */
  onOpenFacility?: ((id: Id) => void) | undefined;
}

/** The facility form; waits for the facility list (the parent picker needs it). */
export function FacilityForm(props: FacilityFormProps) {
  const list = useFacilities();
  const { t } = useTranslation();
  if (list.status === 'loading') return <p role="status">{t('facility.loading')}</p>;
  return <FacilityFormBody {...props} facilities={list.items} />;
}

function FacilityFormBody({
  facility,
  initialNames,
  initialParentId,
  compact = false,
  onCreated,
  onSaved,
  onCancel,
  onOpenFacility,
  facilities,
}: FacilityFormProps & { facilities: readonly FacilityEntry[] }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const commands = useCaseCommands();
  const forbidden = useMemo(() => forbiddenParents(facility?.id, facilities), [facility?.id, facilities]);
  const resolver = useMemo(() => zodResolver(facilityFormSchema(facility?.id ?? UNSAVED_ID, forbidden), { error: FIELD_ERROR_MAP }), [facility?.id, forbidden]);
  const form = useForm<FacilityFormValues, unknown, Facility>({
    resolver,
    defaultValues: facilityFormValues(facility?.body, { initialNames: initialNames ?? [], ...(initialParentId ? { parentId: initialParentId } : {}) }),
  });
  const names = useWatch({ control: form.control, name: 'names' }).map((name) => name.text);
  const suggestions = useDidYouMean('facility', names, facility?.id);
  const byId = useMemo(() => new Map(facilities.map((entry) => [entry.id, entry])), [facilities]);
  const { submit, failure, saved, busy } = useRecordSave({
    form,
    existing: facility,
    update: (body, version) => commands.updateFacility(body, version),
    create: (input) => commands.createFacility(input),
    onSaved,
    onCreated,
  });
  const title = facility ? t('facility.editTitle') : t('facility.compactTitle');
  return (
    <FormProvider {...form}>
      <RecordFormFrame title={title} compact={compact} editing={facility !== undefined} busy={busy} failure={failure} savedText={saved ? t('facility.saved') : undefined} submit={submit} onCancel={onCancel}>
        <FacilityNamesFields disabled={busy} />
        <DidYouMean
          items={didYouMeanItems(suggestions, byId, lang)}
          title={t('facility.didYouMean')}
          hint={t('facility.didYouMeanHint')}
          matchedLabel={t('facility.matchedOn')}
          useLabel={t('facility.useExisting')}
          openLabel={t('facility.openExisting')}
          onUse={compact && !facility && onCreated ? (id) => onCreated(id as Id, { existing: true }) : undefined}
          onOpen={onOpenFacility ? (id) => onOpenFacility(id as Id) : undefined}
        />
        <FacilityDetailsFields facilities={facilities} forbiddenParents={forbidden} compact={compact} disabled={busy} />
      </RecordFormFrame>
    </FormProvider>
  );
}
