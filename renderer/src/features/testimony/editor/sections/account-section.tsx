/**
 * The account itself: its kind, the narrative in the language it was told in, a summary, and
 * translations with who made them (a lawyer will ask).
 */
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { testimonyKinds } from '../../../../../../shared/domain';
import { Button } from '../../../../ui/button';
import { useFieldError } from '../../form/form-errors';
import { LanguageSelect } from '../../form/language-fields';
import { TextField } from '../../form/text-fields';
import { VocabularySelect } from '../../form/vocabulary-fields';
import { newTranslation, type TestimonyValues } from '../testimony-values';
import { SectionFrame } from './section-frame';

/** Kind, narrative, summary and translations. */
export function AccountSection({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const { control, getValues } = useFormContext<TestimonyValues>();
  const translations = useFieldArray({ control, name: 'translations' });
  const listError = useFieldError('translations.root');
  const addTranslation = () => translations.append(newTranslation(getValues('narrative.language') === 'en' ? 'ar' : 'en'));
  return (
    <SectionFrame id="testimony-account" title={t('testimony.account.title')}>
      <VocabularySelect name="kind" label={t('testimony.account.kind')} vocabulary={testimonyKinds} />
      <LanguageSelect name="narrative.language" label={t('testimony.account.narrativeLanguage')} />
      <TextField name="narrative.text" rows={14} label={t('testimony.account.narrative')} hint={t('testimony.account.narrativeHint')} />
      <TextField name="summary" rows={4} label={t('testimony.account.summary')} hint={t('testimony.account.summaryHint')} />
      <h3>{t('testimony.account.translations')}</h3>
      {translations.fields.length === 0 && <p className="case-form__muted">{t('testimony.account.noTranslations')}</p>}
      {translations.fields.map((field, index) => (
        <div key={field.id} className="case-form__item" role="group" aria-label={t('testimony.account.translationNumber', { number: index + 1 })}>
          <LanguageSelect name={`translations.${index}.language`} label={t('testimony.account.translationLanguage')} />
          <TextField name={`translations.${index}.text`} rows={8} label={t('testimony.account.translationText')} />
          <div className="case-form__row">
            <TextField name={`translations.${index}.translator`} label={t('testimony.account.translator')} hint={t('testimony.account.translatorHint')} />
            <TextField name={`translations.${index}.translatedOn`} type="date" label={t('testimony.account.translatedOn')} />
          </div>
          {!readOnly && (
            <Button variant="quiet" onClick={() => translations.remove(index)}>
              {t('testimony.account.removeTranslation', { number: index + 1 })}
            </Button>
          )}
        </div>
      ))}
      {listError && (
        <p className="field__error" role="alert">
          {listError}
        </p>
      )}
      {!readOnly && <Button onClick={addTranslation}>{t('testimony.account.addTranslation')}</Button>}
    </SectionFrame>
  );
}
