/**
 * One suggested pair, side by side: each record's names and a few facts, why they are
 * suggested (the reason and the two names that matched), and the decisions: merge into one
 * side (after a confirmation that says what a merge does) or "not the same". Presentational.
 * Runs on the main thread.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchReason } from '../../../../shared/names';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { NameText } from '../facility/form-kit/name-text';
import { ReasonText } from './reason-text';

/** One record of the pair as shown. */
export interface PairSide {
  readonly id: string;
  readonly title: string;
  readonly names: readonly string[];
  readonly facts: readonly string[];
}

export interface PairCardProps {
  first: PairSide;
  second: PairSide;
  score: number;
  reason: MatchReason;
  matched: readonly [string, string];
  /** Merges `mergedId` into `survivorId`; rejects to show a failure. */
  onMerge(survivorId: string, mergedId: string): Promise<void>;
  onDismiss(): void;
}

/** The pair and its actions. */
export function PairCard({ first, second, score, reason, matched, onMerge, onDismiss }: PairCardProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const [survivor, setSurvivor] = useState<PairSide | null>(null);
  const [busy, setBusy] = useState(false);
  const merge = async (keep: PairSide, other: PairSide) => {
    setBusy(true);
    try {
      await onMerge(keep.id, other.id);
    } finally {
      setBusy(false);
      setSurvivor(null);
    }
  };
  const side = (record: PairSide) => (
    <div className="duplicate__side">
      <h4>
        <NameText text={record.title} />
      </h4>
      <p className="record-muted">{t('duplicates.allNames')}</p>
      <ul aria-label={t('duplicates.allNames')}>
        {record.names.map((name, index) => (
          <li key={index}>
            <NameText text={name} />
          </li>
        ))}
      </ul>
      {record.facts.map((fact) => (
        <p key={fact} className="record-muted">
          {fact}
        </p>
      ))}
      <Button onClick={() => setSurvivor(record)} disabled={busy}>
        {t('duplicates.mergeInto')} <NameText text={record.title} />
      </Button>
    </div>
  );
  return (
    <article className="duplicate" aria-labelledby={titleId} data-testid="duplicate-pair">
      <h3 id={titleId} className="duplicate__title">
        {t('duplicates.pair')}: <NameText text={first.title} /> · <NameText text={second.title} />
      </h3>
      <p>
        <ReasonText reason={reason} /> <span className="record-muted">{t('duplicates.score', { percent: Math.round(score * 100) })}</span>
      </p>
      <p>
        {t('duplicates.matchedNames')} <NameText text={matched[0]} /> ≈ <NameText text={matched[1]} />
      </p>
      <div className="duplicate__sides">
        {side(first)}
        {side(second)}
      </div>
      {survivor && (
        <Notice className="duplicate__confirm">
          <p>
            <strong>{t('duplicates.confirmTitle')}</strong> <NameText text={survivor.title} />
          </p>
          <p>{t('duplicates.confirmBody')}</p>
          <div className="screen__actions">
            <Button variant="primary" disabled={busy} onClick={() => void merge(survivor, survivor.id === first.id ? second : first)}>
              {busy ? t('duplicates.merging') : t('duplicates.confirm')}
            </Button>
            <Button disabled={busy} onClick={() => setSurvivor(null)}>
              {t('duplicates.cancel')}
            </Button>
          </div>
        </Notice>
      )}
      {!survivor && (
        <div className="screen__actions">
          <Button variant="quiet" onClick={onDismiss} disabled={busy}>
            {t('duplicates.notSame')}
          </Button>
        </div>
      )}
    </article>
  );
}
