/**
 * The alleged perpetrator form's values and how they become a body. Runs anywhere.
 *
 * As in the facility form, values mirror the body's paths (`names.1.source.note`,
 * `positions.0.from.year`) so every zod issue lands on its input. Blank optional fields are
 * left out; a source keeps an attachment it already cites (attachments are not edited here).
 */
import { z } from 'zod';
import { perpetratorSchema, type AllegedPerpetrator, type Id, type PersonNameKind, type PerpetratorStatus, type SourceRef } from '../../../../shared/domain';
import { hasArabic } from '../../../../shared/names';
import { fromPartialDateValues, toPartialDateValues, type PartialDateValues } from '../facility/form-kit/partial-date-values';

/** Where a name or a position comes from. */
export interface SourceValues {
  /** The testimony's reference code as typed (`T-2026-0042`); the body gets its id. */
  testimonyId: string;
  note: string;
  /** Kept as is: attachments are cited from the attachments screen, not typed here. */
  attachmentId: string;
}

/** A source with nothing filled in. */
export const EMPTY_SOURCE: SourceValues = Object.freeze({ testimonyId: '', note: '', attachmentId: '' });

export interface PerpetratorNameValues {
  text: string;
  kind: PersonNameKind;
  /** '' when not specified. */
  lang: string;
  source: SourceValues;
}

export interface PositionValues {
  rank: string;
  unit: string;
  facilityId: string;
  role: string;
  from: PartialDateValues;
  to: PartialDateValues;
  source: SourceValues;
}

/** Every input of the form. */
export interface PerpetratorFormValues {
  names: PerpetratorNameValues[];
  positions: PositionValues[];
  status: PerpetratorStatus;
  /** `YYYY-MM-DD` from a date input, or ''. */
  statusAsOf: string;
  description: string;
  /** Not edited here (photos come with attachments); carried through unchanged. */
  photoAttachmentIds: string[];
}

/** Reference code ↔ id of the testimonies a source may cite. */
export interface TestimonyCodes {
  codeOf(id: Id): string | undefined;
  idOf(code: string): Id | undefined;
}

/** No testimonies known (a source then shows raw ids, and only notes validate). */
export const NO_TESTIMONY_CODES: TestimonyCodes = { codeOf: () => undefined, idOf: () => undefined };

/** The source values of a stored source (or an empty one). */
export function sourceValues(source: Partial<SourceRef> | undefined, codes: TestimonyCodes): SourceValues {
  const id = source?.testimonyId;
  return { testimonyId: id === undefined ? '' : (codes.codeOf(id) ?? id), note: source?.note ?? '', attachmentId: source?.attachmentId ?? '' };
}

/** A new name row; a kunya is recognised from "Abu …"/"أبو …"/"Umm …"/"أم …". */
export function personNameRow(text = '', source: SourceValues = EMPTY_SOURCE): PerpetratorNameValues {
  const kunya = /^\s*(?:abu|abou|abo|umm|um|أبو|ابو|أم|ام)[\s-]/iu.test(text);
  return { text, kind: kunya ? 'kunya' : 'full_name', lang: text.trim() === '' ? '' : hasArabic(text) ? 'ar' : 'ar-Latn', source: { ...source } };
}

/** A new, empty position row. */
export function positionRow(source: SourceValues = EMPTY_SOURCE): PositionValues {
  return { rank: '', unit: '', facilityId: '', role: '', from: toPartialDateValues(undefined), to: toPartialDateValues(undefined), source: { ...source } };
}

/** The values of an existing record, or of a new one starting with `initialNames`. */
export function perpetratorFormValues(
  perpetrator?: AllegedPerpetrator,
  options: { initialNames?: readonly string[]; defaultSource?: Partial<SourceRef>; codes?: TestimonyCodes } = {},
): PerpetratorFormValues {
  const codes = options.codes ?? NO_TESTIMONY_CODES;
  if (!perpetrator) {
    const source = sourceValues(options.defaultSource, codes);
    const names = (options.initialNames ?? []).filter((name) => name.trim() !== '').map((name) => personNameRow(name, source));
    return {
      names: names.length > 0 ? names : [personNameRow('', source)],
      positions: [],
      status: 'unknown',
      statusAsOf: '',
      description: '',
      photoAttachmentIds: [],
    };
  }
  return {
    names: perpetrator.names.map((name) => ({ text: name.text, kind: name.kind, lang: name.lang ?? '', source: sourceValues(name.source, codes) })),
    positions: perpetrator.positions.map((position) => ({
      rank: position.rank ?? '',
      unit: position.unit ?? '',
      facilityId: position.facilityId ?? '',
      role: position.role ?? '',
      from: toPartialDateValues(position.from),
      to: toPartialDateValues(position.to),
      source: sourceValues(position.source, codes),
    })),
    status: perpetrator.status,
    statusAsOf: perpetrator.statusAsOf ?? '',
    description: perpetrator.description ?? '',
    photoAttachmentIds: [...perpetrator.photoAttachmentIds],
  };
}

const blank = (text: string) => text.trim() === '';

function sourceBody(values: SourceValues, codes: TestimonyCodes): Record<string, unknown> {
  const source: Record<string, unknown> = {};
  const typed = values.testimonyId.trim();
  // An unknown code passes through as is: the id schema then refuses it at this very field.
  if (typed !== '') source.testimonyId = codes.idOf(typed.toUpperCase()) ?? typed;
  if (values.attachmentId !== '') source.attachmentId = values.attachmentId;
  if (!blank(values.note)) source.note = values.note;
  return source;
}

/** The body the values describe (not validated: the schema does that next). */
export function perpetratorBody(values: PerpetratorFormValues, id: Id, codes: TestimonyCodes): Record<string, unknown> {
  const body: Record<string, unknown> = {
    id,
    names: values.names.map((name) => ({ text: name.text, kind: name.kind, ...(name.lang === '' ? {} : { lang: name.lang }), source: sourceBody(name.source, codes) })),
    positions: values.positions.map((position) => {
      const statement: Record<string, unknown> = { source: sourceBody(position.source, codes) };
      for (const key of ['rank', 'unit', 'role'] as const) if (!blank(position[key])) statement[key] = position[key];
      if (position.facilityId !== '') statement.facilityId = position.facilityId;
      const from = fromPartialDateValues(position.from);
      const to = fromPartialDateValues(position.to);
      if (from) statement.from = from;
      if (to) statement.to = to;
      return statement;
    }),
    status: values.status,
    photoAttachmentIds: values.photoAttachmentIds,
  };
  if (values.statusAsOf !== '') body.statusAsOf = values.statusAsOf;
  if (!blank(values.description)) body.description = values.description;
  return body;
}

/** The form's schema: values → body → shared/domain alleged perpetrator schema. */
export function perpetratorFormSchema(id: Id, codes: TestimonyCodes) {
  return z
    .custom<PerpetratorFormValues>()
    .transform((values) => perpetratorBody(values, id, codes))
    .pipe(perpetratorSchema);
}
