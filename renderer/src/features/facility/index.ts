/**
 * Facilities: the editor (also embeddable in other forms for inline creation), the list, and
 * the pieces other record forms share (partial dates, field errors, names shown safely).
 *
 * Inline creation in another form (the testimony editor):
 *
 *   <FacilityForm compact initialNames={[typed]} onCreated={(id) => link(id)} onCancel={close} />
 *
 * In compact mode it renders no <form> element (nesting forms is invalid) and Enter submits it,
 * not the outer form. Existing facilities whose names may be the same are offered first
 * ("did you mean"); choosing one calls `onCreated(id, { existing: true })`.
 */
export { FacilityForm, type FacilityFormProps } from './facility-form';
export { FacilityEditorScreen, type FacilityEditorScreenProps } from './facility-editor-screen';
export { FacilitiesScreen, type FacilitiesScreenProps } from './facilities-screen';
export { FacilityPicker, type FacilityPickerProps } from './facility-picker';
export { descendantIds, forbiddenParents, pathNames, pathText } from './facility-tree';
export { NameText, neutraliseBidi } from './form-kit/name-text';
export { PartialDateFields, type PartialDateFieldsProps } from './form-kit/partial-date-fields';
export { EMPTY_PARTIAL_DATE, fromPartialDateValues, numberFromText, toPartialDateValues, type PartialDateValues } from './form-kit/partial-date-values';
export { monthNames, partialDateText, periodText } from './form-kit/partial-date-text';
export { errorText, fieldErrorText, FIELD_ERROR_MAP } from './form-kit/field-errors';
export { RecordLink } from './form-kit/record-link';
