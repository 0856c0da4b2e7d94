/**
 * The consent record of a testimony: consent at a glance, "Record new terms", "Record a
 * withdrawal", and the full history of events. A first grant creates the record and links it
 * to the testimony. Events are appended, never edited.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentGranted, ConsentWithdrawn } from '../../../../shared/domain';
import { toLanguage } from '../../i18n/languages';
import { Button } from '../../ui/button';
import { saveFailure, type SaveFailure } from '../facility/form-kit/save-errors';
import { SaveFailureNotice } from '../facility/form-kit/save-failure-notice';
import { useCaseCommands, useConsent } from '../records';
import { ConsentBadge } from './consent-badge';
import { ConsentHistory } from './consent-history';
import { grantValues, toEventInput } from './consent-values';
import { GrantForm } from './grant-form';
import { WithdrawalForm } from './withdrawal-form';
import './consent.css';

export interface ConsentPanelProps {
  /** The consent record, or null to record a first consent. */
  consentId: string | null;
  /** The testimony's witness, recorded on a new consent record. */
  witnessId?: string | undefined;
  /** A first consent may be recorded and linked (false when the testimony is sealed). */
  canCreate: boolean;
  onCreated(id: string): void;
}

/** Today, local time, as YYYY-MM-DD (consent is dated where the team is). */
function todayText(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The consent screen. */
export function ConsentPanel({ consentId, witnessId, canCreate, onCreated }: ConsentPanelProps) {
  const { t, i18n } = useTranslation();
  const commands = useCaseCommands();
  const [id, setId] = useState(consentId);
  const lookup = useConsent(id ?? undefined);
  const [mode, setMode] = useState<'view' | 'grant' | 'withdraw'>(consentId === null ? 'grant' : 'view');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [done, setDone] = useState(false);
  const today = todayText();
  const language = toLanguage(i18n.resolvedLanguage);

  const write = async (event: ConsentGranted | ConsentWithdrawn) => {
    setBusy(true);
    setFailure(null);
    setDone(false);
    try {
      if (id === null || lookup.status !== 'found') {
        const created = await commands.createConsent(witnessId, toEventInput(event));
        setId(created.id);
        onCreated(created.id);
      } else {
        await commands.addConsentEvent(id, toEventInput(event), lookup.value.record.version);
      }
      setMode('view');
      setDone(true);
    } catch (error) {
      setFailure(saveFailure(error));
    } finally {
      setBusy(false);
    }
  };

  if (id === null && !canCreate) return <p>{t('consent.noneRecorded')}</p>;
  if (id !== null && lookup.status === 'loading') return <p role="status">{t('consent.loading')}</p>;
  const record = lookup.status === 'found' ? lookup.value : null;
  const events = record?.record.body.events ?? [];
  const lastGrant = [...events].reverse().find((event): event is ConsentGranted => event.type === 'granted');
  const notBefore = events.at(-1)?.date;

  return (
    <div className="consent-panel">
      <p>
        <ConsentBadge glance={record ? record.glance : 'missing'} summary={record?.summary} />
      </p>
      {done && (
        <p role="status" className="case-form__muted">
          {t('consent.saved')}
        </p>
      )}
      <SaveFailureNotice failure={failure} />
      {mode === 'view' && (
        <div className="case-form__actions">
          <Button onClick={() => setMode('grant')}>{record ? t('consent.newTerms') : t('consent.record')}</Button>
          {record && record.summary.status === 'active' && (
            <Button variant="danger" onClick={() => setMode('withdraw')}>
              {t('consent.withdrawButton')}
            </Button>
          )}
        </div>
      )}
      {mode === 'grant' && (
        <>
          <h3>{record ? t('consent.newTerms') : t('consent.record')}</h3>
          <GrantForm
            defaults={grantValues(today, language, lastGrant)}
            notBefore={notBefore}
            busy={busy}
            onSubmit={(event) => void write(event)}
            onCancel={record ? () => setMode('view') : undefined}
          />
        </>
      )}
      {mode === 'withdraw' && record && (
        <>
          <h3>{t('consent.withdraw.title')}</h3>
          <WithdrawalForm
            today={today}
            activeScopes={record.summary.activeScopes}
            notBefore={notBefore}
            busy={busy}
            onSubmit={(event) => void write(event)}
            onCancel={() => setMode('view')}
          />
        </>
      )}
      {events.length > 0 && (
        <>
          <h3>{t('consent.history.title')}</h3>
          <ConsentHistory events={events} />
        </>
      )}
    </div>
  );
}
