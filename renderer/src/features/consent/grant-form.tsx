/**
 * Recording consent: the full terms the witness agreed to on one day (DESIGN.md §4). A new
 * grant replaces the terms in force; earlier events stay in the history unchanged.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { consentForms, consentScopes, identityDisclosures, type ConsentGranted } from '../../../../shared/domain';
import { Button } from '../../ui/button';
import { FIELD_ERROR_MAP } from '../facility/form-kit/field-errors';
import { BooleanField, LanguageSelect } from '../testimony/form/language-fields';
import { TextField } from '../testimony/form/text-fields';
import { VocabularyCheckboxes, VocabularySelect } from '../testimony/form/vocabulary-fields';
import { caseIssue } from '../testimony/form/issue-messages';
import { grantFormSchema, type GrantValues } from './consent-values';
import { useRecipientContacts } from '../contacts/use-recipient-contacts';
import { RecipientFields } from './recipient-fields';

export interface GrantFormProps {
  defaults: GrantValues;
  /** Date of the latest event: a new one cannot be dated before it. */
  notBefore?: string | undefined;
  busy: boolean;
  onSubmit(event: ConsentGranted): void;
  onCancel?: (() => void) | undefined;
}

/** The terms form. */
export function GrantForm({ defaults, notBefore, busy, onSubmit, onCancel }: GrantFormProps) {
  const { t } = useTranslation();
  const form = useForm<GrantValues, unknown, ConsentGranted>({ resolver: zodResolver(grantFormSchema, { error: FIELD_ERROR_MAP }), defaultValues: defaults, mode: 'onBlur' });
  const contacts = useRecipientContacts();
  const [scopes, disclosure] = useWatch({ control: form.control, name: ['scopes', 'identityDisclosure'] });
  const submit = form.handleSubmit((event) => {
    if (notBefore !== undefined && event.date < notBefore) {
      form.setError('date', { type: 'order', message: caseIssue('eventBeforePrevious') }, { shouldFocus: true });
      return;
    }
    onSubmit(event);
  });
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('consent.grant.title')}>
        <div className="case-form__row">
          <TextField name="date" type="date" label={t('consent.grant.date')} />
          <VocabularySelect name="form" label={t('consent.grant.form')} vocabulary={consentForms} />
        </div>
        <div className="case-form__row">
          <TextField name="explainedBy" label={t('consent.grant.explainedBy')} hint={t('consent.grant.explainedByHint')} />
          <LanguageSelect name="language" label={t('consent.grant.language')} />
        </div>
        <VocabularyCheckboxes name="scopes" legend={t('consent.grant.scopes')} hint={t('consent.grant.scopesHint')} vocabulary={consentScopes} />
        {scopes.includes('sharing') && <RecipientFields name="sharing" legend={t('consent.grant.sharingWith')} hint={t('consent.grant.sharingHint')} contacts={contacts} />}
        <VocabularySelect name="identityDisclosure" label={t('consent.grant.identity')} vocabulary={identityDisclosures} />
        {disclosure === 'named' && <RecipientFields name="namedDisclosureTo" legend={t('consent.grant.namedTo')} hint={t('consent.grant.namedToHint')} contacts={contacts} />}
        <BooleanField name="recordingAllowed" label={t('consent.grant.recording')} />
        <BooleanField name="recontactAllowed" label={t('consent.grant.recontact')} />
        <TextField name="reviewDate" type="date" label={t('consent.grant.reviewDate')} hint={t('consent.grant.reviewDateHint')} />
        <TextField name="notes" rows={2} label={t('consent.grant.notes')} />
        <div className="case-form__actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {t('consent.grant.save')}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t('consent.cancel')}</Button>}
        </div>
      </form>
    </FormProvider>
  );
}
