/**
 * Recording a withdrawal: from which day, all consent or some scopes, and who recorded it.
 * Always possible, whatever the testimony's status: a withdrawn consent blocks export.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { consentScopes, type ConsentScope, type ConsentWithdrawn } from '../../../../shared/domain';
import { Button } from '../../ui/button';
import { FIELD_ERROR_MAP } from '../facility/form-kit/field-errors';
import { caseIssue } from '../testimony/form/issue-messages';
import { TextField } from '../testimony/form/text-fields';
import { VocabularyCheckboxes } from '../testimony/form/vocabulary-fields';
import { withdrawalFormSchema, withdrawalValues, type WithdrawalValues } from './consent-values';

export interface WithdrawalFormProps {
  today: string;
  /** Scopes in force (the ones that can be withdrawn one by one). */
  activeScopes: readonly ConsentScope[];
  notBefore?: string | undefined;
  busy: boolean;
  onSubmit(event: ConsentWithdrawn): void;
  onCancel(): void;
}

/** The withdrawal form. */
export function WithdrawalForm({ today, activeScopes, notBefore, busy, onSubmit, onCancel }: WithdrawalFormProps) {
  const { t } = useTranslation();
  const form = useForm<WithdrawalValues, unknown, ConsentWithdrawn>({
    resolver: zodResolver(withdrawalFormSchema, { error: FIELD_ERROR_MAP }),
    defaultValues: withdrawalValues(today),
    mode: 'onBlur',
  });
  const { register } = form;
  const extent = useWatch({ control: form.control, name: 'extent' });
  const submit = form.handleSubmit((event) => {
    if (notBefore !== undefined && event.date < notBefore) {
      form.setError('date', { type: 'order', message: caseIssue('eventBeforePrevious') }, { shouldFocus: true });
      return;
    }
    onSubmit(event);
  });
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(event) => void submit(event)} aria-label={t('consent.withdraw.title')}>
        <TextField name="date" type="date" label={t('consent.withdraw.date')} />
        <fieldset className="case-form__choices">
          <legend className="field__label">{t('consent.withdraw.extent')}</legend>
          <div className="case-form__choice-list">
            <label className="case-form__choice">
              <input type="radio" value="all" {...register('extent')} />
              <span>{t('consent.withdraw.all')}</span>
            </label>
            <label className="case-form__choice">
              <input type="radio" value="some" {...register('extent')} />
              <span>{t('consent.withdraw.some')}</span>
            </label>
          </div>
        </fieldset>
        {extent === 'some' && <VocabularyCheckboxes name="scope" legend={t('consent.withdraw.scopes')} vocabulary={consentScopes} codes={activeScopes} />}
        <TextField name="recordedBy" label={t('consent.withdraw.recordedBy')} />
        <TextField name="notes" rows={2} label={t('consent.withdraw.notes')} />
        <div className="case-form__actions">
          <Button type="submit" variant="danger" disabled={busy}>
            {t('consent.withdraw.save')}
          </Button>
          <Button onClick={onCancel}>{t('consent.cancel')}</Button>
        </div>
      </form>
    </FormProvider>
  );
}
