/**
 * One side of a change (before or after), shown as a reader expects it: codes as their
 * vocabulary labels, linked records by name, dates as partial dates, long text shortened.
 * Runs on the main thread. User text is isolated with `<bdi>` and its bidi controls
 * neutralised.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  acts,
  consentForms,
  consentScopes,
  facilityNameKinds,
  facilityTypes,
  identificationBases,
  identityDisclosures,
  interviewModes,
  labelOf,
  perpetratorRoles,
  perpetratorStatuses,
  personNameKinds,
  testimonyKinds,
  testimonyStatuses,
  type Lang,
  type PartialDate,
  type Vocabulary,
} from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { languageLabel } from '../facility/form-kit/language-options';
import { NameText } from '../facility/form-kit/name-text';
import { partialDateText, periodText } from '../facility/form-kit/partial-date-text';
import type { RecordNames } from '../profiles/use-record-names';

/** The record kinds that have a history. */
export type HistoryKind = 'testimony' | 'facility' | 'perpetrator' | 'consent';

const VOCABULARIES: Record<HistoryKind, Readonly<Record<string, Vocabulary>>> = {
  facility: { type: facilityTypes, 'names.kind': facilityNameKinds },
  perpetrator: { 'names.kind': personNameKinds, status: perpetratorStatuses },
  testimony: {
    kind: testimonyKinds,
    status: testimonyStatuses,
    'sessions.mode': interviewModes,
    'allegations.acts': acts,
    'allegations.role': perpetratorRoles,
    'allegations.identificationBasis': identificationBases,
  },
  consent: { 'events.form': consentForms, 'events.scopes': consentScopes, 'events.identityDisclosure': identityDisclosures },
};

const FACILITY_LINKS = new Set(['parentId', 'positions.facilityId', 'detentionEpisodes.facilityId', 'allegations.facilityId']);
const LANGUAGE_FIELDS = new Set(['names.lang', 'narrative.language', 'translations.language', 'sessions.languages', 'events.language']);
/** Longer text is cut here; the record itself keeps all of it. */
const MAX_SHOWN = 300;

const isPartialDate = (value: unknown): value is PartialDate => typeof value === 'object' && value !== null && 'year' in value && 'precision' in value;

interface Context {
  t: TFunction;
  lang: Lang;
  language: string | undefined;
  kind: HistoryKind;
  labelPath: string;
  names: RecordNames;
}

function plain(value: unknown, context: Context): string {
  const { t, lang, kind, labelPath, names } = context;
  if (value === undefined || value === null || value === '') return t('history.empty');
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const vocabulary = VOCABULARIES[kind][labelPath];
    if (vocabulary) return labelOf(vocabulary, value, lang);
    if (LANGUAGE_FIELDS.has(labelPath)) return languageLabel(t, value);
    if (FACILITY_LINKS.has(labelPath)) return names.facility(value) ?? t('history.unknownRecord');
    if (labelPath === 'allegations.perpetratorId') return names.perpetrator(value) ?? t('history.unknownRecord');
    return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  }
  if (isPartialDate(value)) return partialDateText(t, value, context.language);
  if (Array.isArray(value)) return value.map((item) => plain(item, context)).join(lang === 'ar' ? '، ' : ', ') || t('history.empty');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (labelPath.endsWith('source')) {
      const code = typeof record.testimonyId === 'string' ? names.referenceCode(record.testimonyId) : undefined;
      return [code, typeof record.note === 'string' ? record.note : undefined].filter((part) => part !== undefined).join('; ');
    }
    // A period (of operation): "from c. 1987", as the profile says it.
    const keys = Object.keys(record);
    if (keys.length > 0 && keys.every((key) => (key === 'from' || key === 'to') && isPartialDate(record[key]))) {
      return periodText(t, record.from as PartialDate | undefined, record.to as PartialDate | undefined, context.language);
    }
    // A whole item added or removed (a name, a position, an allegation): its telling fields.
    if (typeof record.text === 'string') return plain(record.text, { ...context, labelPath: `${labelPath}.text` });
    return Object.entries(record)
      .filter(([key, field]) => key !== 'id' && field !== undefined && (typeof field !== 'object' || isPartialDate(field) || Array.isArray(field)))
      .map(([key, field]) => plain(field, { ...context, labelPath: `${labelPath}.${key}` }))
      .join(' · ');
  }
  return String(value);
}

/** One side of a change. */
export function ChangeValue({ value, kind, labelPath, names }: { value: unknown; kind: HistoryKind; labelPath: string; names: RecordNames }) {
  const { t, i18n } = useTranslation();
  const text = plain(value, { t, lang: toLanguage(i18n.resolvedLanguage), language: i18n.resolvedLanguage, kind, labelPath, names });
  return <NameText text={text} className="history__value" />;
}
