/**
 * Ranks and positions of an alleged perpetrator as dated, sourced statements: rank, unit,
 * facility, role, from/until, source. Runs on the main thread, inside the perpetrator form's
 * FormProvider.
 */
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import { FacilityPicker } from '../facility/facility-picker';
import type { TreeEntry } from '../facility/facility-tree';
import { fieldErrorText } from '../facility/form-kit/field-errors';
import { PartialDateFields } from '../facility/form-kit/partial-date-fields';
import { positionRow, type PerpetratorFormValues, type SourceValues } from './perpetrator-form-values';
import { SourceFields } from './source-fields';

export interface PositionsFieldsProps {
  facilities: readonly TreeEntry[];
  codesListId: string;
  defaultSource: SourceValues;
  disabled: boolean;
}

type TextPart = 'rank' | 'unit' | 'role';

/** The positions fieldset: one group per statement, "add a rank or position". */
export function PositionsFields({ facilities, codesListId, defaultSource, disabled }: PositionsFieldsProps) {
  const { t } = useTranslation();
  const { control, register, formState } = useFormContext<PerpetratorFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'positions' });
  const facilityIds = useWatch({ control, name: 'positions' }).map((position) => position.facilityId);
  const errors = formState.errors.positions;
  const text = (index: number, part: TextPart, label: string) => {
    const error = fieldErrorText(t, errors?.[index]?.[part]);
    return (
      <label className="record-form__cell record-form__cell--grow">
        <span>{label}</span>
        <input {...register(`positions.${index}.${part}`)} className="input" dir="auto" aria-invalid={error ? true : undefined} {...SENSITIVE_INPUT_PROPS} />
        {error && (
          <span className="field__error" role="alert">
            {error}
          </span>
        )}
      </label>
    );
  };
  return (
    <fieldset className="record-form__group" disabled={disabled}>
      <legend className="record-form__legend">{t('perpetrator.positions')}</legend>
      <p className="field__hint">{t('perpetrator.positionsHint')}</p>
      {fields.length === 0 && <p className="record-muted">{t('perpetrator.noPositions')}</p>}
      <ol className="record-form__rows">
        {fields.map((field, index) => {
          const number = index + 1;
          // "Give at least a rank, a unit, a facility or a role" is an error of the whole statement.
          const statementError = typeof errors?.[index]?.message === 'string' ? fieldErrorText(t, { message: errors[index].message }) : undefined;
          return (
            <li key={field.id} className="record-form__item">
              <fieldset className="record-form__group" aria-label={t('perpetrator.positionNumber', { number })}>
                <legend className="record-form__legend">{t('perpetrator.positionNumber', { number })}</legend>
                <div className="record-form__row">
                  {text(index, 'rank', t('perpetrator.rank'))}
                  {text(index, 'unit', t('perpetrator.unit'))}
                  {text(index, 'role', t('perpetrator.role'))}
                </div>
                <div className="record-form__cell">
                  <span aria-hidden="true">{t('perpetrator.facility')}</span>
                  <FacilityPicker
                    {...register(`positions.${index}.facilityId`)}
                    aria-label={t('perpetrator.facility')}
                    entries={facilities}
                    selected={facilityIds[index] ?? ''}
                    noneLabel={t('perpetrator.facilityNone')}
                    filterLabel={t('perpetrator.facilityFilter')}
                  />
                </div>
                <PartialDateFields name={`positions.${index}.from`} legend={t('perpetrator.from')} />
                <PartialDateFields name={`positions.${index}.to`} legend={t('perpetrator.to')} />
                <SourceFields name={`positions.${index}.source`} codesListId={codesListId} />
                {statementError && (
                  <p className="field__error" role="alert">
                    {statementError}
                  </p>
                )}
                <Button variant="quiet" onClick={() => remove(index)}>
                  {t('perpetrator.removePosition', { number })}
                </Button>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button onClick={() => append(positionRow(defaultSource), { focusName: `positions.${fields.length}.rank` })}>{t('perpetrator.addPosition')}</Button>
    </fieldset>
  );
}
