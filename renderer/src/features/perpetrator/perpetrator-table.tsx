/**
 * Alleged perpetrators as a table: name (opens the profile), other names, status, number of
 * allegations and testimonies. Presentational. Runs on the main thread.
 */
import { useTranslation } from 'react-i18next';
import { labelOf, perpetratorStatuses, type Id } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { NameText } from '../facility/form-kit/name-text';
import { RecordLink } from '../facility/form-kit/record-link';
import { RecordTable } from '../facility/form-kit/record-table';
import { displayName, type PerpetratorEntry } from '../records';

/** Other names shown in the table; the profile lists them all. */
const OTHER_NAMES_SHOWN = 3;

export interface PerpetratorTableProps {
  rows: readonly PerpetratorEntry[];
  caption: string;
  onOpen(id: Id): void;
}

/** One row per alleged perpetrator. */
export function PerpetratorTable({ rows, caption, onOpen }: PerpetratorTableProps) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  return (
    <RecordTable caption={caption} columns={[t('perpetrator.columnName'), t('perpetrator.columnOtherNames'), t('perpetrator.columnStatus'), t('perpetrator.columnAllegations'), t('perpetrator.columnTestimonies')]}>
      {rows.map((entry) => {
        const name = displayName(entry.body.names, lang) || t('perpetrator.unnamed');
        const others = entry.names.filter((other) => other !== name);
        return (
          <tr key={entry.id}>
            <th scope="row">
              <RecordLink onOpen={() => onOpen(entry.id)}>
                <NameText text={name} />
              </RecordLink>
            </th>
            <td>
              {others.slice(0, OTHER_NAMES_SHOWN).map((other, index) => (
                <span key={index}>
                  {index > 0 && (lang === 'ar' ? '، ' : ', ')}
                  <NameText text={other} />
                </span>
              ))}
              {others.length > OTHER_NAMES_SHOWN && ' …'}
            </td>
            <td>{labelOf(perpetratorStatuses, entry.body.status, lang)}</td>
            <td className="record-table__number">{entry.allegationCount}</td>
            <td className="record-table__number">{entry.testimonyCount}</td>
          </tr>
        );
      })}
    </RecordTable>
  );
}
