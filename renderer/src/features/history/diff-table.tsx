/**
 * The field-level difference between a version and its predecessor, one row per changed
 * field with its translated label. Presentational. Runs on the main thread.
 */
import { useTranslation } from 'react-i18next';
import type { FieldChange } from '../records';
import type { RecordNames } from '../profiles/use-record-names';
import { ChangeValue, type HistoryKind } from './change-value';
import { fieldLabel } from './field-labels';

export interface DiffTableProps {
  changes: readonly FieldChange[];
  kind: HistoryKind;
  names: RecordNames;
  caption: string;
}

/** Field, kind of change, before, after. */
export function DiffTable({ changes, kind, names, caption }: DiffTableProps) {
  const { t } = useTranslation();
  const changeLabel = (change: FieldChange['change']) => (change === 'added' ? t('history.added') : change === 'removed' ? t('history.removed') : t('history.changed'));
  return (
    <div className="record-table__scroller">
      <table className="record-table history__diff">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.columnField')}</th>
            <th scope="col">{t('history.columnChange')}</th>
            <th scope="col">{t('history.columnBefore')}</th>
            <th scope="col">{t('history.columnAfter')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change, index) => {
            const { label, rest } = fieldLabel(t, change.labelPath);
            // The position in a list tells two names or two allegations apart.
            const position = [...change.path].reverse().find((part): part is number => typeof part === 'number');
            return (
              <tr key={index} className={`history__row history__row--${change.change}`}>
                <th scope="row">
                  {label}
                  {rest !== '' && (
                    <>
                      {label !== '' && ' › '}
                      <bdi dir="ltr">
                        <code>{rest}</code>
                      </bdi>
                    </>
                  )}
                  {position !== undefined && <span className="record-muted"> ({t('history.item', { number: position + 1 })})</span>}
                </th>
                <td>{changeLabel(change.change)}</td>
                <td>{change.change !== 'added' && <ChangeValue value={change.before} kind={kind} labelPath={change.labelPath} names={names} />}</td>
                <td>{change.change !== 'removed' && <ChangeValue value={change.after} kind={kind} labelPath={change.labelPath} names={names} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
