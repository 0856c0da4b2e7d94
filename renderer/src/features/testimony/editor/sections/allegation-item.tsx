/**
 * One allegation: the alleged perpetrator (a record, picked or created inline, or a
 * description of someone not identified), where, when, which acts, in what role, and how the
 * witness knows who it was. "Alleged" throughout: the form records what a witness says.
 */
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { identificationBases, perpetratorRoles } from '../../../../../../shared/domain';
import { Button } from '../../../../ui/button';
import { PartialDateFields } from '../../../facility';
import { useFieldError } from '../../form/form-errors';
import { TextField } from '../../form/text-fields';
import { VocabularyCheckboxes, VocabularySelect } from '../../form/vocabulary-fields';
import { FacilityLink } from '../../link-pickers/facility-link';
import { PerpetratorLink } from '../../link-pickers/perpetrator-link';
import type { TestimonyValues } from '../testimony-values';
import { ActsPicker } from './acts-picker';

export interface AllegationItemProps {
  index: number;
  readOnly: boolean;
  onRemove(): void;
}

/** The fields of allegation `index`. */
export function AllegationItem({ index, readOnly, onRemove }: AllegationItemProps) {
  const { t } = useTranslation();
  const { register, control } = useFormContext<TestimonyValues>();
  const base = `allegations.${index}` as const;
  const subject = useWatch({ control, name: `${base}.subject` });
  return (
    <div className="case-form__item" role="group" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{t('testimony.allegations.itemTitle', { number: index + 1 })}</h3>
      <fieldset className="case-form__choices">
        <legend className="field__label">{t('testimony.allegations.subject')}</legend>
        <div className="case-form__choice-list">
          <label className="case-form__choice">
            <input type="radio" value="identified" {...register(`${base}.subject`)} disabled={readOnly} />
            <span>{t('testimony.allegations.identified')}</span>
          </label>
          <label className="case-form__choice">
            <input type="radio" value="unidentified" {...register(`${base}.subject`)} disabled={readOnly} />
            <span>{t('testimony.allegations.unidentified')}</span>
          </label>
        </div>
      </fieldset>
      {subject === 'identified' ? (
        <PerpetratorLink name={`${base}.perpetratorId`} label={t('testimony.allegations.perpetrator')} readOnly={readOnly} />
      ) : (
        <TextField
          name={`${base}.unidentifiedDescription`}
          rows={3}
          label={t('testimony.allegations.description')}
          hint={t('testimony.allegations.descriptionHint')}
        />
      )}
      {/* "Give either a perpetrator or a description" is reported at perpetratorId: shown by the picker, or here. */}
      {subject === 'unidentified' && <SubjectError name={`${base}.perpetratorId`} />}
      <FacilityLink name={`${base}.facilityId`} label={t('testimony.allegations.facility')} readOnly={readOnly} optional />
      <PartialDateFields name={`${base}.date`} legend={t('testimony.allegations.date')} disabled={readOnly} />
      <ActsPicker index={index} disabled={readOnly} />
      <VocabularySelect name={`${base}.role`} label={t('testimony.allegations.role')} vocabulary={perpetratorRoles} />
      {subject === 'identified' && (
        <VocabularyCheckboxes
          name={`${base}.identificationBasis`}
          legend={t('testimony.allegations.basis')}
          hint={t('testimony.allegations.basisHint')}
          vocabulary={identificationBases}
        />
      )}
      <TextField name={`${base}.notes`} rows={2} label={t('testimony.allegations.notes')} />
      {!readOnly && (
        <Button variant="quiet" onClick={onRemove}>
          {t('testimony.allegations.remove', { number: index + 1 })}
        </Button>
      )}
    </div>
  );
}

/** The subject error shown under the description when the person is not identified. */
function SubjectError({ name }: { name: string }) {
  const error = useFieldError(name);
  return error ? (
    <p className="field__error" role="alert">
      {error}
    </p>
  ) : null;
}
