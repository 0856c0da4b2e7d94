/**
 * Testimonies: the unlocked vault's main screen. Filters and sort order, a count, and the list
 * (windowed: 10,000 rows scroll as fast as 10). Runs on the main thread; the filter lives in
 * memory only and is gone at lock.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { Notice } from '../../../ui/notice';
import { Screen } from '../../../ui/screen';
import { displayName, useCaseFile, useFacilities, useTestimonies, type TestimonyEntry } from '../../records';
import { useVocabularyLang } from '../form/vocabulary-fields';
import '../form/case-form.css';
import '../editor/editor.css';
import { DEFAULT_CONTROLS, filterOf, sortOf, type ListControls } from './list-controls';
import { ListFilters } from './list-filters';
import './list.css';
import { TestimonyRow } from './testimony-row';
import { VirtualRows } from './virtual-rows';

export interface TestimonyListScreenProps {
  focusOnMount?: boolean;
  onOpen(id: string): void;
  onNew(): void;
}

const ROW_HEIGHT = 68;
const LIST_HEIGHT = 520;

/** The list screen. */
export function TestimonyListScreen({ focusOnMount = false, onOpen, onNew }: TestimonyListScreenProps) {
  const { t } = useTranslation();
  const lang = useVocabularyLang();
  const [controls, setControls] = useState<ListControls>(DEFAULT_CONTROLS);
  const filter = useMemo(() => filterOf(controls), [controls]);
  const sort = useMemo(() => sortOf(controls), [controls]);
  const list = useTestimonies(filter, sort);
  const file = useCaseFile();
  const facilities = useFacilities();
  const names = useMemo(() => new Map(facilities.items.map((entry) => [entry.id, displayName(entry.body.names, lang)])), [facilities.items, lang]);
  const firstFacility = useCallback(
    (entry: TestimonyEntry) => {
      const id = entry.body.detentionEpisodes[0]?.facilityId ?? entry.body.allegations.find((allegation) => allegation.facilityId)?.facilityId;
      return id === undefined ? undefined : names.get(id);
    },
    [names],
  );
  return (
    <Screen title={t('testimony.list.title')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('testimony.list.intro')}</p>
      <div className="screen__actions">
        <Button variant="primary" onClick={onNew}>
          {t('testimony.list.new')}
        </Button>
      </div>
      {file.unreadable > 0 && (
        <Notice tone="danger" role="status">
          <p>{t('testimony.list.unreadable', { count: file.unreadable })}</p>
        </Notice>
      )}
      <ListFilters controls={controls} onChange={setControls} />
      {list.status === 'loading' && <p role="status">{t('testimony.list.loading')}</p>}
      {list.status === 'failed' && (
        <Notice tone="danger" role="alert">
          <p>{t('testimony.list.failed')}</p>
        </Notice>
      )}
      {list.status === 'ready' && (
        <>
          <p role="status" className="screen__muted">
            {t('testimony.list.count', { shown: list.items.length, total: list.total })}
          </p>
          {list.total === 0 ? (
            <p>{t('testimony.list.empty')}</p>
          ) : (
            <VirtualRows
              items={list.items}
              rowHeight={ROW_HEIGHT}
              height={Math.min(LIST_HEIGHT, Math.max(ROW_HEIGHT, list.items.length * ROW_HEIGHT))}
              label={t('testimony.list.listLabel')}
              rowKey={(entry) => entry.id}
              renderRow={(entry) => <TestimonyRow entry={entry} lang={lang} facilityName={firstFacility(entry)} onOpen={onOpen} />}
            />
          )}
        </>
      )}
    </Screen>
  );
}
