/**
 * One interview session: when, where in general terms, how, who was there, and the care given
 * to the witness (DESIGN.md §4). Lawyers read these fields to judge how the account was taken.
 */
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { interviewModes } from '../../../../../../shared/domain';
import { Button } from '../../../../ui/button';
import { PartialDateFields } from '../../../facility';
import { BooleanField, LanguageCheckboxes } from '../../form/language-fields';
import { TextField } from '../../form/text-fields';
import { VocabularySelect } from '../../form/vocabulary-fields';
import { newBreak, newPriorInterview } from '../session-values';
import type { TestimonyValues } from '../testimony-values';

export interface SessionItemProps {
  index: number;
  readOnly: boolean;
  onRemove(): void;
}

/** The fields of session `index`, with its breaks and earlier interviews. */
export function SessionItem({ index, readOnly, onRemove }: SessionItemProps) {
  const { t } = useTranslation();
  const { control } = useFormContext<TestimonyValues>();
  const base = `sessions.${index}` as const;
  const breaks = useFieldArray({ control, name: `${base}.breaks` });
  const priors = useFieldArray({ control, name: `${base}.priorInterviews` });
  const [distress, referral, languages] = useWatch({ control, name: [`${base}.distressObserved`, `${base}.referralOffered`, `${base}.languages`] });
  return (
    <div className="case-form__item" role="group" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{t('testimony.sessions.itemTitle', { number: index + 1 })}</h3>
      <div className="case-form__row">
        <TextField name={`${base}.date`} type="date" label={t('testimony.sessions.date')} />
        <TextField name={`${base}.startTime`} type="time" label={t('testimony.sessions.startTime')} />
        <TextField name={`${base}.endTime`} type="time" label={t('testimony.sessions.endTime')} />
      </div>
      <TextField name={`${base}.place`} label={t('testimony.sessions.place')} hint={t('testimony.sessions.placeHint')} />
      <VocabularySelect name={`${base}.mode`} label={t('testimony.sessions.mode')} vocabulary={interviewModes} />
      <div className="case-form__row">
        <TextField name={`${base}.interviewers`} rows={2} label={t('testimony.sessions.interviewers')} hint={t('testimony.sessions.onePerLine')} />
        <TextField name={`${base}.interpreters`} rows={2} label={t('testimony.sessions.interpreters')} hint={t('testimony.sessions.onePerLine')} />
      </div>
      <TextField name={`${base}.personsPresent`} rows={2} label={t('testimony.sessions.personsPresent')} hint={t('testimony.sessions.personsPresentHint')} />
      <LanguageCheckboxes name={`${base}.languages`} legend={t('testimony.sessions.languages')} extra={languages} />
      <BooleanField name={`${base}.recordingMade`} label={t('testimony.sessions.recordingMade')} />
      <BooleanField name={`${base}.distressObserved`} label={t('testimony.sessions.distressObserved')} />
      {distress && <TextField name={`${base}.distressNotes`} rows={2} label={t('testimony.sessions.distressNotes')} />}
      <BooleanField name={`${base}.referralOffered`} label={t('testimony.sessions.referralOffered')} />
      {referral && <TextField name={`${base}.referralNotes`} rows={2} label={t('testimony.sessions.referralNotes')} />}

      <h4>{t('testimony.sessions.breaks')}</h4>
      {breaks.fields.map((field, breakIndex) => (
        <div key={field.id} className="case-form__row" role="group" aria-label={t('testimony.sessions.breakNumber', { number: breakIndex + 1 })}>
          <TextField name={`${base}.breaks.${breakIndex}.at`} type="time" label={t('testimony.sessions.breakAt')} />
          <TextField name={`${base}.breaks.${breakIndex}.minutes`} inputMode="numeric" short label={t('testimony.sessions.breakMinutes')} />
          <TextField name={`${base}.breaks.${breakIndex}.reason`} label={t('testimony.sessions.breakReason')} />
          {!readOnly && (
            <Button variant="quiet" onClick={() => breaks.remove(breakIndex)}>
              {t('testimony.sessions.removeBreak', { number: breakIndex + 1 })}
            </Button>
          )}
        </div>
      ))}
      {!readOnly && <Button onClick={() => breaks.append(newBreak())}>{t('testimony.sessions.addBreak')}</Button>}

      <h4>{t('testimony.sessions.priorInterviews')}</h4>
      <p className="case-form__muted">{t('testimony.sessions.priorInterviewsHint')}</p>
      {priors.fields.map((field, priorIndex) => (
        <div key={field.id} className="case-form__subitem" role="group" aria-label={t('testimony.sessions.priorNumber', { number: priorIndex + 1 })}>
          <TextField name={`${base}.priorInterviews.${priorIndex}.by`} label={t('testimony.sessions.priorBy')} hint={t('testimony.sessions.priorByHint')} />
          <PartialDateFields name={`${base}.priorInterviews.${priorIndex}.date`} legend={t('testimony.sessions.priorDate')} disabled={readOnly} />
          <TextField name={`${base}.priorInterviews.${priorIndex}.notes`} label={t('testimony.sessions.priorNotes')} />
          {!readOnly && (
            <Button variant="quiet" onClick={() => priors.remove(priorIndex)}>
              {t('testimony.sessions.removePrior', { number: priorIndex + 1 })}
            </Button>
          )}
        </div>
      ))}
      {!readOnly && <Button onClick={() => priors.append(newPriorInterview())}>{t('testimony.sessions.addPrior')}</Button>}

      <TextField name={`${base}.notes`} rows={2} label={t('testimony.sessions.notes')} />
      {!readOnly && (
        <div className="case-form__actions">
          <Button variant="quiet" onClick={onRemove}>
            {t('testimony.sessions.remove', { number: index + 1 })}
          </Button>
        </div>
      )}
    </div>
  );
}
