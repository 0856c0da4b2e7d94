/**
 * Consent at a glance, for the testimony header and the list: what is allowed today, or that
 * consent was withdrawn, or that its review is due. Presentational; the glance and summary
 * come from the data layer (`consentState` for today).
 */
import { useTranslation } from 'react-i18next';
import { consentScopes, labelOf, type ConsentSummary } from '../../../../shared/domain';
import type { ConsentGlance } from '../records';
import { useVocabularyLang } from '../testimony/form/vocabulary-fields';
import './consent.css';

export interface ConsentBadgeProps {
  glance: ConsentGlance;
  /** The terms in force (for the scopes); absent when there is no consent record. */
  summary?: ConsentSummary | undefined;
  /** One short line (lists) instead of the scopes (header). */
  compact?: boolean;
}

const TONE: Record<ConsentGlance, 'ok' | 'warn' | 'danger'> = {
  active: 'ok',
  'review-due': 'warn',
  'partly-withdrawn': 'warn',
  withdrawn: 'danger',
  none: 'danger',
  missing: 'warn',
};

/** A labelled badge; the scopes in force follow unless `compact`. */
export function ConsentBadge({ glance, summary, compact = false }: ConsentBadgeProps) {
  const { t } = useTranslation();
  const lang = useVocabularyLang();
  const scopes = (summary?.activeScopes ?? []).map((scope) => labelOf(consentScopes, scope, lang)).join(lang === 'ar' ? '، ' : ', ');
  const text = (() => {
    switch (glance) {
      case 'active':
        return t('consent.glance.active');
      case 'review-due':
        return t('consent.glance.reviewDue');
      case 'partly-withdrawn':
        return t('consent.glance.partlyWithdrawn');
      case 'withdrawn':
        return t('consent.glance.withdrawn');
      case 'none':
        return t('consent.glance.none');
      case 'missing':
        return t('consent.glance.missing');
    }
  })();
  return (
    <span className={`consent-badge consent-badge--${TONE[glance]}`} data-glance={glance}>
      <span className="consent-badge__state">{text}</span>
      {!compact && scopes !== '' && glance !== 'withdrawn' && <span className="consent-badge__scopes">{t('consent.glance.scopes', { scopes })}</span>}
      {!compact && glance === 'review-due' && summary?.reviewDate && <span className="consent-badge__scopes">{t('consent.glance.reviewOn', { date: summary.reviewDate })}</span>}
    </span>
  );
}
