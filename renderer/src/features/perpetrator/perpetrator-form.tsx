/**
 * The alleged perpetrator editor: names of several kinds each with its source, dated and
 * sourced ranks and positions, status, description; photos come with attachments. Runs on the
 * main thread. Always "alleged": the form records what sources say.
 *
 * Embeddable like the facility form: `compact` for creation inside the testimony editor
 * (names, status, description), `initialNames` from the picker, `defaultSource` for the
 * source of every new name (usually the testimony being written), `onCreated(id)` with the
 * record to link — new, or an existing one picked from "is this someone already recorded?".
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useMemo } from 'react';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AllegedPerpetrator, Id, SourceRef } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { DidYouMean } from '../facility/form-kit/did-you-mean';
import { didYouMeanItems } from '../facility/form-kit/did-you-mean-items';
import { FIELD_ERROR_MAP } from '../facility/form-kit/field-errors';
import '../facility/form-kit/form-kit.css';
import { RecordFormFrame } from '../facility/form-kit/record-form-frame';
import { useDidYouMean } from '../facility/form-kit/use-did-you-mean';
import { useRecordSave } from '../facility/form-kit/use-record-save';
import { UNSAVED_ID } from '../facility/facility-form-values';
import { useCaseCommands, useFacilities, usePerpetrators, useTestimonies, type PerpetratorEntry } from '../records';
import { PerpetratorDetailsFields } from './perpetrator-details-fields';
import { perpetratorFormSchema, perpetratorFormValues, sourceValues, type PerpetratorFormValues, type TestimonyCodes } from './perpetrator-form-values';
import { PerpetratorNamesFields } from './perpetrator-names-fields';
import { PositionsFields } from './positions-fields';

export interface PerpetratorFormProps {
  /** The record to edit (its current version); absent to create one. */
  perpetrator?: PerpetratorEntry | undefined;
  initialNames?: readonly string[] | undefined;
  /** Source of new names and positions (e.g. `{ testimonyId }` of the testimony being written). */
  defaultSource?: Partial<SourceRef> | undefined;
  compact?: boolean | undefined;
  /** The record to link: the new one once created, or (compact mode) an existing one (`existing: true`). */
  onCreated?: ((id: Id, how: { existing: boolean }) => void) | undefined;
  onSaved?: ((id: Id) => void) | undefined;
  onCancel?: (() => void) | undefined;
  /** Opens an existing record from "did you mean"; not offered when absent. */
  onOpenPerpetrator?: ((id: Id) => void) | undefined;
}

/** The form; waits for the facility and testimony lists it offers. */
export function PerpetratorForm(props: PerpetratorFormProps) {
  const { t } = useTranslation();
  const facilities = useFacilities();
  const testimonies = useTestimonies();
  const codes = useMemo<TestimonyCodes & { all: string[] }>(() => {
    const byId = new Map(testimonies.items.map((entry) => [entry.id, entry.body.referenceCode]));
    const byCode = new Map(testimonies.items.map((entry) => [entry.body.referenceCode, entry.id]));
    return { codeOf: (id) => byId.get(id), idOf: (code) => byCode.get(code), all: [...byCode.keys()].sort() };
  }, [testimonies.items]);
  if (facilities.status === 'loading' || testimonies.status === 'loading') return <p role="status">{t('perpetrator.loading')}</p>;
  return <PerpetratorFormBody {...props} facilities={facilities.items} codes={codes} />;
}

function PerpetratorFormBody({
  perpetrator,
  initialNames,
  defaultSource,
  compact = false,
  onCreated,
  onSaved,
  onCancel,
  onOpenPerpetrator,
  facilities,
  codes,
}: PerpetratorFormProps & { facilities: ReturnType<typeof useFacilities>['items']; codes: TestimonyCodes & { all: string[] } }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const commands = useCaseCommands();
  const people = usePerpetrators();
  const codesListId = useId();
  const resolver = useMemo(() => zodResolver(perpetratorFormSchema(perpetrator?.id ?? UNSAVED_ID, codes), { error: FIELD_ERROR_MAP }), [perpetrator?.id, codes]);
  const form = useForm<PerpetratorFormValues, unknown, AllegedPerpetrator>({
    resolver,
    defaultValues: perpetratorFormValues(perpetrator?.body, { initialNames: initialNames ?? [], codes, ...(defaultSource ? { defaultSource } : {}) }),
  });
  const newRowSource = useMemo(() => sourceValues(defaultSource, codes), [defaultSource, codes]);
  const names = useWatch({ control: form.control, name: 'names' }).map((name) => name.text);
  const suggestions = useDidYouMean('perpetrator', names, perpetrator?.id);
  const byId = useMemo(() => new Map(people.items.map((entry) => [entry.id, entry])), [people.items]);
  const { submit, failure, saved, busy } = useRecordSave({
    form,
    existing: perpetrator,
    update: (body, version) => commands.updatePerpetrator(body, version),
    create: (input) => commands.createPerpetrator(input),
    onSaved,
    onCreated,
  });
  const title = perpetrator ? t('perpetrator.editTitle') : t('perpetrator.compactTitle');
  return (
    <FormProvider {...form}>
      <RecordFormFrame title={title} compact={compact} editing={perpetrator !== undefined} busy={busy} failure={failure} savedText={saved ? t('perpetrator.saved') : undefined} submit={submit} onCancel={onCancel}>
        <datalist id={codesListId}>
          {codes.all.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
        <PerpetratorNamesFields codesListId={codesListId} defaultSource={newRowSource} disabled={busy} />
        <DidYouMean
          items={didYouMeanItems(suggestions, byId, lang)}
          title={t('perpetrator.didYouMean')}
          hint={t('perpetrator.didYouMeanHint')}
          matchedLabel={t('perpetrator.matchedOn')}
          useLabel={t('perpetrator.useExisting')}
          openLabel={t('perpetrator.openExisting')}
          onUse={compact && !perpetrator && onCreated ? (id) => onCreated(id as Id, { existing: true }) : undefined}
          onOpen={onOpenPerpetrator ? (id) => onOpenPerpetrator(id as Id) : undefined}
        />
        {!compact && <PositionsFields facilities={facilities} codesListId={codesListId} defaultSource={newRowSource} disabled={busy} />}
        <PerpetratorDetailsFields compact={compact} disabled={busy} perpetratorId={perpetrator?.id} />
      </RecordFormFrame>
    </FormProvider>
  );
}
