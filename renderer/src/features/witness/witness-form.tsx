/**
 * The witness's identifying details: full name, other names, birth year, gender, contacts,
 * origin, safety notes and support needs. Stored in the witness compartment under its own key;
 * shown only on the witness screen, after "Show identifying details".
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { FormProvider, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contactChannels, genders, type Witness } from '../../../../shared/domain';
import { Button } from '../../ui/button';
import { FIELD_ERROR_MAP } from '../facility/form-kit/field-errors';
import { saveFailure, type SaveFailure } from '../facility/form-kit/save-errors';
import { SaveFailureNotice } from '../facility/form-kit/save-failure-notice';
import { useCaseCommands, type LiveRecord } from '../records';
import { BooleanField } from '../testimony/form/language-fields';
import { TextField } from '../testimony/form/text-fields';
import { VocabularySelect } from '../testimony/form/vocabulary-fields';
import '../testimony/form/case-form.css';
import { newContact, UNSAVED_WITNESS_ID, witnessFormSchema, witnessToValues, type WitnessValues } from './witness-values';

export interface WitnessFormProps {
  /** The witness's current version; absent to create one. */
  record?: LiveRecord<Witness> | undefined;
  onSaved(record: LiveRecord<Witness>): void;
}

/** The form; creating assigns the next pseudonym code unless one is typed. */
export function WitnessForm({ record, onSaved }: WitnessFormProps) {
  const { t } = useTranslation();
  const commands = useCaseCommands();
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<WitnessValues, unknown, Witness>({
    resolver: zodResolver(witnessFormSchema(record?.id ?? UNSAVED_WITNESS_ID), { error: FIELD_ERROR_MAP }),
    defaultValues: witnessToValues(record?.body),
    mode: 'onBlur',
  });
  const contacts = useFieldArray({ control: form.control, name: 'contacts' });
  const submit = form.handleSubmit(async (witness) => {
    setFailure(null);
    setSaved(false);
    try {
      if (record) {
        onSaved(await commands.updateWitness(witness, record.version));
      } else {
        const { id: _id, pseudonymCode, ...rest } = witness;
        const typed = form.getValues('pseudonymCode').trim();
        onSaved(await commands.createWitness(typed === '' ? rest : { ...rest, pseudonymCode }));
      }
      setSaved(true);
    } catch (error) {
      const why = saveFailure(error);
      if (why.kind === 'fields') for (const issue of why.issues) form.setError(issue.path as never, { type: 'save', message: issue.message });
      setFailure(why);
    }
  });
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(event) => void submit(event)} onChange={() => setSaved(false)} aria-label={t('witness.formLabel')}>
        {record ? (
          <p>
            {t('witness.pseudonym')}: <bdi className="witness-code">{record.body.pseudonymCode}</bdi>
          </p>
        ) : (
          <TextField name="pseudonymCode" code short label={t('witness.pseudonym')} hint={t('witness.pseudonymHint')} />
        )}
        <TextField name="fullName" label={t('witness.fullName')} />
        <TextField name="otherNames" rows={2} label={t('witness.otherNames')} hint={t('witness.otherNamesHint')} />
        <div className="case-form__row">
          <TextField name="birthYear" inputMode="numeric" short label={t('witness.birthYear')} />
          <VocabularySelect name="gender" label={t('witness.gender')} vocabulary={genders} emptyLabel={t('witness.genderNotRecorded')} />
        </div>
        <BooleanField name="birthYearApproximate" label={t('witness.birthYearApproximate')} />
        <h3>{t('witness.contacts')}</h3>
        <p className="case-form__muted">{t('witness.contactsHint')}</p>
        {contacts.fields.map((field, index) => (
          <div key={field.id} className="case-form__subitem" role="group" aria-label={t('witness.contactNumber', { number: index + 1 })}>
            <div className="case-form__row">
              <VocabularySelect name={`contacts.${index}.channel`} label={t('witness.contactChannel')} vocabulary={contactChannels} />
              <TextField name={`contacts.${index}.value`} label={t('witness.contactValue')} />
            </div>
            <TextField name={`contacts.${index}.note`} label={t('witness.contactNote')} hint={t('witness.contactNoteHint')} />
            <Button variant="quiet" onClick={() => contacts.remove(index)}>
              {t('witness.removeContact', { number: index + 1 })}
            </Button>
          </div>
        ))}
        <Button onClick={() => contacts.append(newContact())}>{t('witness.addContact')}</Button>
        <h3>{t('witness.origin')}</h3>
        <div className="case-form__row">
          <TextField name="origin.governorate" label={t('witness.governorate')} />
          <TextField name="origin.district" label={t('witness.district')} />
          <TextField name="origin.place" label={t('witness.place')} />
        </div>
        <TextField name="safetyNotes" rows={3} label={t('witness.safetyNotes')} hint={t('witness.safetyNotesHint')} />
        <TextField name="supportNeeds" rows={3} label={t('witness.supportNeeds')} />
        <SaveFailureNotice failure={failure} />
        <div className="case-form__actions">
          <Button type="submit" variant="primary" disabled={form.formState.isSubmitting}>
            {record ? t('witness.save') : t('witness.create')}
          </Button>
          {saved && (
            <p role="status" className="case-form__muted">
              {t('witness.saved')}
            </p>
          )}
        </div>
      </form>
    </FormProvider>
  );
}
