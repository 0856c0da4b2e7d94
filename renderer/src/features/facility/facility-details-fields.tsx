/**
 * Everything of a facility but its names: type, parent, authority, place, coordinates,
 * period of operation, notes. Runs on the main thread, inside the facility form's
 * FormProvider.
 */
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { facilityTypes, labelOf, type Id } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Field } from '../../ui/field';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import type { FacilityFormValues } from './facility-form-values';
import { FacilityPicker } from './facility-picker';
import type { TreeEntry } from './facility-tree';
import { fieldErrorText } from './form-kit/field-errors';
import { PartialDateFields } from './form-kit/partial-date-fields';

export interface FacilityDetailsFieldsProps {
  /** Every facility, for the parent picker. */
  facilities: readonly TreeEntry[];
  /** The facility itself and its parts: never offered as parent. */
  forbiddenParents: ReadonlySet<Id>;
  /** Compact mode (inline creation) leaves out the less urgent fields. */
  compact: boolean;
  disabled: boolean;
}

/** Type, parent and the rest of the facility's fields. */
export function FacilityDetailsFields({ facilities, forbiddenParents, compact, disabled }: FacilityDetailsFieldsProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const { register, formState, control } = useFormContext<FacilityFormValues>();
  const errors = formState.errors;
  const parentId = useWatch({ control, name: 'parentId' });
  const text = (name: 'authority' | 'governorate' | 'district') => (
    <Field label={t(`facility.${name}`)} hint={name === 'authority' ? t('facility.authorityHint') : undefined} error={fieldErrorText(t, errors[name])}>
      {(fieldControl) => <input {...fieldControl} {...register(name)} className="input" dir="auto" disabled={disabled} {...SENSITIVE_INPUT_PROPS} />}
    </Field>
  );
  return (
    <>
      <Field label={t('facility.type')} error={fieldErrorText(t, errors.type)}>
        {(fieldControl) => (
          <select {...fieldControl} {...register('type')} className="input" disabled={disabled}>
            <option value="">{t('facility.chooseType')}</option>
            {facilityTypes.entries.map((type) => (
              <option key={type.code} value={type.code}>
                {labelOf(facilityTypes, type.code, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('facility.parent')} hint={t('facility.parentHint')} error={fieldErrorText(t, errors.parentId)}>
        {(fieldControl) => (
          <FacilityPicker
            {...fieldControl}
            {...register('parentId')}
            entries={facilities}
            exclude={forbiddenParents}
            selected={parentId}
            noneLabel={t('facility.parentNone')}
            filterLabel={t('facility.parentFilter')}
            disabled={disabled}
          />
        )}
      </Field>
      {text('authority')}
      {!compact && (
        <>
          {text('governorate')}
          {text('district')}
          <CoordinatesFields disabled={disabled} />
          <fieldset className="record-form__group" disabled={disabled}>
            <legend className="record-form__legend">{t('facility.operation')}</legend>
            <PartialDateFields name="operation.from" legend={t('facility.operationFrom')} />
            <PartialDateFields name="operation.to" legend={t('facility.operationTo')} />
          </fieldset>
          <Field label={t('facility.notes')} error={fieldErrorText(t, errors.notes)}>
            {(fieldControl) => <textarea {...fieldControl} {...register('notes')} className="input" dir="auto" rows={4} disabled={disabled} {...SENSITIVE_INPUT_PROPS} />}
          </Field>
        </>
      )}
    </>
  );
}

function CoordinatesFields({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  const { register, formState } = useFormContext<FacilityFormValues>();
  const errors = formState.errors.coordinates;
  const part = (name: 'lat' | 'lon' | 'precisionMetres', label: string) => (
    <Field label={label} error={fieldErrorText(t, errors?.[name])}>
      {(fieldControl) => <input {...fieldControl} {...register(`coordinates.${name}`)} className="input input--short" inputMode="decimal" dir="ltr" {...SENSITIVE_INPUT_PROPS} />}
    </Field>
  );
  return (
    <fieldset className="record-form__group" disabled={disabled}>
      <legend className="record-form__legend">{t('facility.coordinates')}</legend>
      <p className="field__hint">{t('facility.coordinatesHint')}</p>
      <div className="record-form__row">
        {part('lat', t('facility.latitude'))}
        {part('lon', t('facility.longitude'))}
        {part('precisionMetres', t('facility.precision'))}
      </div>
    </fieldset>
  );
}
