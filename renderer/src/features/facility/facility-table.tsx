/**
 * The facilities as a table: name (opens the profile), type, the facility it is part of,
 * place, testimonies. Presentational. Runs on the main thread.
 */
import { useTranslation } from 'react-i18next';
import { facilityTypes, labelOf, type Id } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { displayName, type FacilityEntry } from '../records';
import { NameText } from './form-kit/name-text';
import { RecordLink } from './form-kit/record-link';
import { RecordTable } from './form-kit/record-table';

export interface FacilityTableProps {
  rows: readonly FacilityEntry[];
  /** Every facility by id, to name parents. */
  byId: ReadonlyMap<Id, FacilityEntry>;
  caption: string;
  onOpen(id: Id): void;
}

/** One row per facility. */
export function FacilityTable({ rows, byId, caption, onOpen }: FacilityTableProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const nameOf = (entry: FacilityEntry) => displayName(entry.body.names, lang) || t('facility.unnamed');
  return (
    <RecordTable caption={caption} columns={[t('facility.columnName'), t('facility.columnType'), t('facility.columnPartOf'), t('facility.columnPlace'), t('facility.columnTestimonies')]}>
      {rows.map((entry) => {
        const parent = entry.body.parentId === undefined ? undefined : byId.get(entry.body.parentId);
        const place = [entry.body.governorate, entry.body.district].filter((part): part is string => part !== undefined);
        return (
          <tr key={entry.id}>
            <th scope="row">
              <RecordLink onOpen={() => onOpen(entry.id)}>
                <NameText text={nameOf(entry)} />
              </RecordLink>
            </th>
            <td>{labelOf(facilityTypes, entry.body.type, lang)}</td>
            <td>{parent && <NameText text={nameOf(parent)} />}</td>
            <td>
              {place.map((part, index) => (
                <span key={index}>
                  {index > 0 && (lang === 'ar' ? '، ' : ', ')}
                  <NameText text={part} />
                </span>
              ))}
            </td>
            <td className="record-table__number">{entry.testimonyCount}</td>
          </tr>
        );
      })}
    </RecordTable>
  );
}
