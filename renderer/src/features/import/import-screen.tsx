/**
 * The import screen: pick a .sijill file, watch it being checked, read the quarantine summary
 * (sender, fingerprint, trust, contents), then merge or discard; every refusal is one clear,
 * translated sentence. Runs on the main thread; the bundle is opened in the vault worker.
 */
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../platform/platform-context';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import type { ImportSummary } from '../../vault/import-types';
import { formatBytes } from '../attachments/attachment-format';
import { FingerprintText } from '../contacts/fingerprint-text';
import { useVaultClient } from '../vault-session/vault-context';
import { useImportFlow } from './use-import-flow';
import './import.css';

export interface ImportScreenProps {
  focusOnMount?: boolean;
  /** Opens the contacts screen (to add or re-verify the sender). */
  onOpenContacts(): void;
}

/** The import screen. */
export function ImportScreen({ focusOnMount = false, onOpenContacts }: ImportScreenProps) {
  const { t } = useTranslation();
  const flow = useImportFlow(useVaultClient(), usePlatform());
  const { state } = flow;
  return (
    <Screen title={t('import.title')} focusOnMount={focusOnMount}>
      <p>{t('import.intro')}</p>
      {!flow.available && (
        <Notice tone="danger">
          <p>{t('import.unavailable')}</p>
        </Notice>
      )}
      {flow.available && (state.step === 'idle' || state.step === 'refused' || state.step === 'merged' || state.step === 'discarded') && (
        <div className="screen__actions">
          <Button variant="primary" onClick={() => void flow.choose()}>{state.step === 'idle' ? t('import.choose') : t('import.another')}</Button>
        </div>
      )}
      {state.step === 'reading' && (
        <p role="status">
          <progress className="import-progress" max={100} value={state.percent} aria-label={t('import.title')} /> {t('import.reading', { percent: state.percent })}
        </p>
      )}
      {state.step === 'refused' && (
        <Notice tone="danger" role="alert">
          <p>{t(`import.problems.${state.problem}`)}</p>
        </Notice>
      )}
      {state.step === 'merged' && (
        <Notice tone="success" role="status">
          <p>{t('import.done', { ...state.counts })}</p>
        </Notice>
      )}
      {state.step === 'discarded' && (
        <Notice role="status">
          <p>{t('import.discarded')}</p>
        </Notice>
      )}
      {state.step === 'quarantine' && <QuarantineSummary summary={state.summary} busy={state.busy} onMerge={() => void flow.merge()} onDiscard={() => void flow.discard()} onOpenContacts={onOpenContacts} />}
    </Screen>
  );
}

interface SummaryProps {
  summary: ImportSummary;
  busy: boolean;
  onMerge(): void;
  onDiscard(): void;
  onOpenContacts(): void;
}

const KNOWN_TYPES = ['facility', 'perpetrator', 'testimony', 'witness', 'consent', 'attachment-info'] as const;
const isKnownType = (type: string): type is (typeof KNOWN_TYPES)[number] => (KNOWN_TYPES as readonly string[]).includes(type);

/** What the quarantined bundle holds and who signed it. */
function QuarantineSummary({ summary, busy, onMerge, onDiscard, onOpenContacts }: SummaryProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className="import-summary" aria-labelledby="import-summary-title">
      <h2 id="import-summary-title">{t('import.summary.title')}</h2>
      <dl className="import-summary__facts">
        <dt>{t('import.summary.sender')}</dt>
        <dd>
          <bdi>{summary.sender.label}</bdi>
        </dd>
        <dt>{t('import.summary.fingerprint')}</dt>
        <dd>
          <FingerprintText value={summary.sender.fingerprint} />
        </dd>
        <dt>{t('import.summary.created')}</dt>
        <dd>
          <bdi dir="ltr">{summary.created}</bdi>
        </dd>
        <dt>{t('import.summary.redaction')}</dt>
        <dd>{t(`import.summary.${summary.redaction}`)}</dd>
        <dt>{t('import.summary.contents')}</dt>
        <dd>
          <ul>
            {Object.entries(summary.records).map(([type, count]) => (
              <li key={type}>{isKnownType(type) ? t(`import.types.${type}`, { count }) : t('import.types.other', { type, count })}</li>
            ))}
            {summary.blobs > 0 && <li>{t('import.summary.attachments', { count: summary.blobs, size: formatBytes(summary.blobBytes, i18n.resolvedLanguage) })}</li>}
          </ul>
        </dd>
      </dl>
      {summary.trust === 'verified' ? (
        <Notice tone="success">
          <p>{t('import.summary.verified')}</p>
        </Notice>
      ) : (
        <Notice tone="danger" role="alert">
          <p>{t(summary.trust === 'key-changed' ? 'import.summary.keyChanged' : 'import.summary.unverified')}</p>
          <Button variant="quiet" onClick={onOpenContacts}>
            {t('import.summary.openContacts')}
          </Button>
        </Notice>
      )}
      <div className="screen__actions">
        {summary.canMerge && (
          <Button variant="primary" onClick={onMerge} disabled={busy}>
            {busy ? t('import.summary.merging') : t('import.summary.merge')}
          </Button>
        )}
        <Button variant="quiet" onClick={onDiscard} disabled={busy}>
          {t('import.summary.discard')}
        </Button>
      </div>
    </section>
  );
}
