/**
 * The facility form's values (what the inputs hold) and how they become a Facility body.
 * Runs anywhere.
 *
 * The values mirror the body's paths (`names.0.text`, `operation.from.year`,
 * `coordinates.lat`), so when the shared/domain schema refuses the body, each zod issue path
 * is also the path of the input to mark. Blank optional fields are left out of the body, not
 * stored as empty strings.
 */
import { z } from 'zod';
import { facilitySchema, type Facility, type FacilityNameKind, type FacilityType, type Id } from '../../../../shared/domain';
import { hasArabic } from '../../../../shared/names';
import { FORM_MESSAGES } from './form-kit/field-errors';
import { fromPartialDateValues, numberFromText, toPartialDateValues, type PartialDateValues } from './form-kit/partial-date-values';

/** One row of the names list. */
export interface FacilityNameValues {
  text: string;
  lang: string;
  kind: FacilityNameKind;
}

/** Every input of the facility form. */
export interface FacilityFormValues {
  names: FacilityNameValues[];
  type: FacilityType | '';
  parentId: string;
  authority: string;
  governorate: string;
  district: string;
  coordinates: { lat: string; lon: string; precisionMetres: string };
  operation: { from: PartialDateValues; to: PartialDateValues };
  notes: string;
}

/** A new name row: Arabic script gets `ar`, anything else `en`; both as the common name. */
export function nameRow(text = ''): FacilityNameValues {
  return { text, lang: hasArabic(text) ? 'ar' : 'en', kind: 'common' };
}

/** The values of an existing facility, or of a new one starting with `initialNames`. */
export function facilityFormValues(facility?: Facility, options: { initialNames?: readonly string[]; parentId?: Id } = {}): FacilityFormValues {
  if (!facility) {
    const names = (options.initialNames ?? []).filter((name) => name.trim() !== '').map((name) => nameRow(name));
    return {
      names: names.length > 0 ? names : [nameRow()],
      type: '',
      parentId: options.parentId ?? '',
      authority: '',
      governorate: '',
      district: '',
      coordinates: { lat: '', lon: '', precisionMetres: '' },
      operation: { from: toPartialDateValues(undefined), to: toPartialDateValues(undefined) },
      notes: '',
    };
  }
  const { coordinates, operation } = facility;
  return {
    names: facility.names.map((name) => ({ ...name })),
    type: facility.type,
    parentId: facility.parentId ?? '',
    authority: facility.authority ?? '',
    governorate: facility.governorate ?? '',
    district: facility.district ?? '',
    coordinates: {
      lat: coordinates ? String(coordinates.lat) : '',
      lon: coordinates ? String(coordinates.lon) : '',
      precisionMetres: coordinates?.precisionMetres === undefined ? '' : String(coordinates.precisionMetres),
    },
    operation: { from: toPartialDateValues(operation?.from), to: toPartialDateValues(operation?.to) },
    notes: facility.notes ?? '',
  };
}

const blank = (text: string) => text.trim() === '';

/** The body the values describe (not validated: the schema does that next). */
export function facilityBody(values: FacilityFormValues, id: Id): Record<string, unknown> {
  const body: Record<string, unknown> = { id, names: values.names, type: values.type === '' ? undefined : values.type };
  if (values.parentId !== '') body.parentId = values.parentId;
  for (const key of ['authority', 'governorate', 'district', 'notes'] as const) if (!blank(values[key])) body[key] = values[key];
  const { lat, lon, precisionMetres } = values.coordinates;
  if (!blank(lat) || !blank(lon) || !blank(precisionMetres)) {
    const coordinates: Record<string, unknown> = { lat: numberFromText(lat), lon: numberFromText(lon) };
    if (!blank(precisionMetres)) coordinates.precisionMetres = numberFromText(precisionMetres);
    body.coordinates = coordinates;
  }
  const from = fromPartialDateValues(values.operation.from);
  const to = fromPartialDateValues(values.operation.to);
  if (from || to) body.operation = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  return body;
}

/**
 * The form's schema: values → body → shared/domain facility schema, plus the check the
 * domain cannot make alone: the parent is not the facility itself nor one of its parts
 * (`forbiddenParents`, computed from the hierarchy). `id` is the facility's own id, or a
 * placeholder for a new one (the data layer allocates the real id).
 */
export function facilityFormSchema(id: Id, forbiddenParents: ReadonlySet<Id>) {
  return z
    .custom<FacilityFormValues>()
    .transform((values) => facilityBody(values, id))
    .pipe(facilitySchema)
    .superRefine((facility, ctx) => {
      if (facility.parentId !== undefined && forbiddenParents.has(facility.parentId)) {
        ctx.addIssue({ code: 'custom', path: ['parentId'], message: FORM_MESSAGES.parentCycle });
      }
    });
}

/** Placeholder id of a facility not yet created (a valid id no record ever gets: all zero bytes). */
export const UNSAVED_ID: Id = 'AAAAAAAAAAAAAAAAAAAAAA';
