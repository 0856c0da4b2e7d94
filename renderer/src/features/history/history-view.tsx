/**
 * The version history of any record (testimony, facility, alleged perpetrator, consent):
 * every version with when and by whom, and for a chosen version the field-level difference
 * from the one before it. Runs on the main thread; mount it anywhere inside the case file:
 *
 *   <HistoryView kind="testimony" id={testimony.id} />
 *
 * Versions are read from the vault when the view mounts and again after each new save.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../../shared/domain';
import { formatDateTime } from '../../i18n/format';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import '../facility/form-kit/record-list.css';
import { useRecordNames } from '../profiles/use-record-names';
import { diffFields, useHistory, type VersionEntry } from '../records';
import type { HistoryKind } from './change-value';
import { collapseChanges } from './collapse-changes';
import { DiffTable } from './diff-table';
import './history.css';

export interface HistoryViewProps {
  kind: HistoryKind;
  id: Id;
  /** Heading level of the view's title (it sits inside another screen). */
  headingLevel?: 2 | 3;
}

/** The versions table and the chosen version's changes. */
export function HistoryView({ kind, id, headingLevel = 2 }: HistoryViewProps) {
  const { t } = useTranslation();
  const history = useHistory(kind, id);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="history" aria-label={t('history.title')}>
      <Heading>{t('history.title')}</Heading>
      <p className="record-muted">{t('history.intro')}</p>
      {history.status === 'loading' && <p role="status">{t('history.loading')}</p>}
      {history.status === 'missing' && (
        <Notice tone="danger" role="alert">
          <p>{t('history.failed')}</p>
        </Notice>
      )}
      {history.status === 'found' && <Versions kind={kind} versions={history.value as readonly VersionEntry<unknown>[]} />}
    </section>
  );
}

function Versions({ kind, versions }: { kind: HistoryKind; versions: readonly VersionEntry<unknown>[] }) {
  const { t, i18n } = useTranslation();
  const names = useRecordNames();
  const latest = versions.at(-1)?.version ?? 1;
  const [chosen, setChosen] = useState(latest);
  const index = versions.findIndex((entry) => entry.version === chosen);
  const selected = versions[index];
  const previous = index > 0 ? versions[index - 1] : undefined;
  const changes = useMemo(() => (selected && previous ? collapseChanges(diffFields(previous.body, selected.body), previous.body, selected.body) : []), [selected, previous]);
  return (
    <>
      <div className="record-table__scroller">
        <table className="record-table">
          <caption>{t('history.versionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.columnVersion')}</th>
              <th scope="col">{t('history.columnSaved')}</th>
              <th scope="col">{t('history.columnBy')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('history.columnChange')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {[...versions].reverse().map((entry) => (
              <tr key={entry.version} aria-current={entry.version === chosen ? 'true' : undefined}>
                <th scope="row">
                  {entry.version}
                  {entry.version === latest && <span className="record-muted"> ({t('history.current')})</span>}
                </th>
                <td>
                  <bdi>{formatDateTime(entry.savedAt, i18n.resolvedLanguage)}</bdi>
                </td>
                <td>{t('history.thisDevice')}</td>
                <td>
                  {entry.version > 1 && (
                    <Button variant="quiet" aria-pressed={entry.version === chosen} onClick={() => setChosen(entry.version)}>
                      {t('history.compare', { version: entry.version })}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected && !previous && <p>{t('history.first')}</p>}
      {selected && previous && changes.length === 0 && <p>{t('history.noChanges')}</p>}
      {selected && previous && changes.length > 0 && (
        <DiffTable changes={changes} kind={kind} names={names} caption={t('history.changesTitle', { version: selected.version, previous: previous.version })} />
      )}
    </>
  );
}
