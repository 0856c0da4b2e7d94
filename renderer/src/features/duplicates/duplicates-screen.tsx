/**
 * Review of possible duplicates: suggested pairs of facilities and of alleged perpetrators,
 * each with why and side by side; merge into the chosen survivor (all names kept, every link
 * re-pointed, audited), "not the same", and recent merges with Undo. Runs on the main thread.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { facilityTypes, labelOf, perpetratorStatuses, type Id } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import '../facility/form-kit/record-list.css';
import { RecordLink } from '../facility/form-kit/record-link';
import { useRecordNames } from '../profiles/use-record-names';
import { displayName, useDuplicateSuggestions, useFacilities, usePerpetrators, type FacilityEntry, type MergeableKind, type PerpetratorEntry } from '../records';
import { useDismissedPairs } from './dismissed-pairs';
import './duplicates.css';
import { PairCard, type PairSide } from './pair-card';
import { RecentMerges } from './recent-merges';
import { useMerges, type MergeOutcome } from './use-merges';

export interface DuplicatesScreenProps {
  focusOnMount?: boolean;
  onOpen(kind: MergeableKind, id: Id): void;
}

/** Both kinds of suggestions, then recent merges. */
export function DuplicatesScreen({ focusOnMount = false, onOpen }: DuplicatesScreenProps) {
  const { t } = useTranslation();
  const names = useRecordNames();
  const { merges, merge, undo, undoing, outcome } = useMerges();
  const nameOf = (entity: MergeableKind, id: string) => (entity === 'facility' ? names.facility(id) : names.perpetrator(id));
  return (
    <Screen title={t('duplicates.title')} focusOnMount={focusOnMount}>
      <p className="screen__lead">{t('duplicates.intro')}</p>
      <OutcomeNotice outcome={outcome} onOpen={onOpen} />
      <Suggestions kind="facility" title={t('duplicates.facilities')} onMerge={(survivor, merged) => merge('facility', survivor, merged)} />
      <Suggestions kind="perpetrator" title={t('duplicates.perpetrators')} onMerge={(survivor, merged) => merge('perpetrator', survivor, merged)} />
      <section className="duplicates__section" aria-labelledby="recent-merges">
        <h2 id="recent-merges">{t('duplicates.recentTitle')}</h2>
        <RecentMerges merges={merges} nameOf={nameOf} busyId={undoing} onUndo={(id) => void undo(id)} onOpen={(entity, id) => onOpen(entity, id)} />
      </section>
    </Screen>
  );
}

function OutcomeNotice({ outcome, onOpen }: { outcome: MergeOutcome | null; onOpen: DuplicatesScreenProps['onOpen'] }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'merged': {
      const { repointed, namesAdded } = outcome.result;
      return (
        <Notice tone="success" role="status">
          <p>{t('duplicates.merged', { names: namesAdded, links: repointed.testimony + repointed.facility + repointed.perpetrator })}</p>
        </Notice>
      );
    }
    case 'undone':
      return (
        <Notice tone="success" role="status">
          <p>{t('duplicates.undone')}</p>
          <RecordLink onOpen={() => onOpen(outcome.entity, outcome.result.restoredId)}>{t('duplicates.openRestored')}</RecordLink>
        </Notice>
      );
    case 'changed':
      return (
        <Notice tone="danger" role="alert">
          <p>{t('duplicates.mergeChanged')}</p>
        </Notice>
      );
    case 'failed':
      return (
        <Notice tone="danger" role="alert">
          <p>{t('duplicates.mergeFailed')}</p>
        </Notice>
      );
    case 'undo-failed':
      return (
        <Notice tone="danger" role="alert">
          <p>{t('duplicates.undoFailed')}</p>
        </Notice>
      );
  }
}

function Suggestions({ kind, title, onMerge }: { kind: MergeableKind; title: string; onMerge(survivor: string, merged: string): Promise<void> }) {
  const { t, i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const suggestions = useDuplicateSuggestions(kind);
  const facilities = useFacilities();
  const perpetrators = usePerpetrators();
  const dismissed = useDismissedPairs();
  const [justDismissed, setJustDismissed] = useState(false);
  const facilityById = new Map(facilities.items.map((entry) => [entry.id, entry]));
  const perpetratorById = new Map(perpetrators.items.map((entry) => [entry.id, entry]));
  const facilitySide = (entry: FacilityEntry): PairSide => ({
    id: entry.id,
    title: displayName(entry.body.names, lang),
    names: entry.names,
    facts: [labelOf(facilityTypes, entry.body.type, lang), t('duplicates.linkedTestimonies', { count: entry.testimonyCount })],
  });
  const perpetratorSide = (entry: PerpetratorEntry): PairSide => ({
    id: entry.id,
    title: displayName(entry.body.names, lang),
    names: entry.names,
    facts: [
      labelOf(perpetratorStatuses, entry.body.status, lang),
      t('duplicates.allegations', { count: entry.allegationCount }),
      t('duplicates.linkedTestimonies', { count: entry.testimonyCount }),
    ],
  });
  const sideOf = (id: string): PairSide | null => {
    const entry = kind === 'facility' ? facilityById.get(id) : perpetratorById.get(id);
    if (!entry) return null;
    return kind === 'facility' ? facilitySide(entry as FacilityEntry) : perpetratorSide(entry as PerpetratorEntry);
  };
  const pairs = suggestions.items.filter((pair) => !dismissed.has(pair.a, pair.b));
  return (
    <section className="duplicates__section" aria-label={title}>
      <h2>{title}</h2>
      {suggestions.status === 'loading' && <p role="status">{t('duplicates.loading')}</p>}
      {suggestions.status === 'failed' && (
        <Notice tone="danger">
          <p>{t('duplicates.failed')}</p>
        </Notice>
      )}
      {justDismissed && <p role="status">{t('duplicates.dismissed')}</p>}
      {suggestions.status === 'ready' && pairs.length === 0 && <p>{t('duplicates.none')}</p>}
      {pairs.map((pair) => {
        const first = sideOf(pair.a);
        const second = sideOf(pair.b);
        if (!first || !second) return null;
        return (
          <PairCard
            key={`${pair.a}|${pair.b}`}
            first={first}
            second={second}
            score={pair.score}
            reason={pair.reason}
            matched={pair.names}
            onMerge={onMerge}
            onDismiss={() => {
              dismissed.dismiss(pair.a, pair.b);
              setJustDismissed(true);
            }}
          />
        );
      })}
    </section>
  );
}
