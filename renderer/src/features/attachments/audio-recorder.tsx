/**
 * Records an interview into the vault: start, pause and resume, a live input-level meter and
 * the elapsed time, stop-and-save or discard. The recording itself is a RecordingSession, so
 * leaving the screen (or locking) seals it instead of losing it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import type { AttachmentInfo, AttachmentOwner } from '../../vault/attachment-types';
import { useVaultClient } from '../vault-session/vault-context';
import { errorKey, formatDuration } from './attachment-format';
import { canRecord, RecordingSession } from './recording-session';
import { NAME_MARK, withName } from './with-name';

export interface AudioRecorderProps {
  owner: AttachmentOwner;
  addedBy?: string | undefined;
  onSaved(info: AttachmentInfo): void;
}

type Phase = 'idle' | 'starting' | 'recording' | 'paused' | 'saving';
type Outcome = { readonly kind: 'saved'; readonly name: string } | { readonly kind: 'mic' } | { readonly kind: 'failed'; readonly error: unknown } | null;

/** How often the meter and the clock refresh: smooth enough, and cheap for the UI thread. */
const REFRESH_MS = 100;

/** The recorder panel. */
export function AudioRecorder({ owner, addedBy, onSaved }: AudioRecorderProps) {
  const { t, i18n } = useTranslation();
  const vault = useVaultClient();
  const session = useRef<RecordingSession | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [elapsed, setElapsed] = useState(0);
  const [level, setLevel] = useState(0);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const saved = useRef(onSaved);
  saved.current = onSaved;
  const titleId = useId();

  useEffect(() => {
    if (phase !== 'recording' && phase !== 'paused') return;
    const timer = setInterval(() => {
      const current = session.current;
      if (!current) return;
      setElapsed(current.elapsedMs);
      setLevel(current.level());
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [phase]);

  // Unmounting (navigation, lock) seals a recording in progress rather than dropping it.
  useEffect(
    () => () => {
      const current = session.current;
      session.current = null;
      current?.stop().then(
        (info) => saved.current(info),
        () => undefined,
      );
    },
    [],
  );

  if (!canRecord()) return <Notice>{t('attachments.recorderUnsupported')}</Notice>;

  const start = async () => {
    setPhase('starting');
    setOutcome(null);
    setElapsed(0);
    const name = t('attachments.recordingName', { when: formatDateTime(new Date().toISOString(), i18n.resolvedLanguage) });
    try {
      session.current = await RecordingSession.start(vault, { owner, name, ...(addedBy ? { addedBy } : {}) });
      setPhase('recording');
    } catch (error) {
      setPhase('idle');
      setOutcome(error instanceof DOMException ? { kind: 'mic' } : { kind: 'failed', error });
    }
  };
  const stop = async () => {
    const current = session.current;
    if (!current) return;
    setPhase('saving');
    try {
      const info = await current.stop();
      setOutcome({ kind: 'saved', name: info.name });
      saved.current(info);
    } catch (error) {
      setOutcome({ kind: 'failed', error });
    } finally {
      session.current = null;
      setPhase('idle');
      setLevel(0);
    }
  };
  const discard = async () => {
    const current = session.current;
    session.current = null;
    setPhase('idle');
    setLevel(0);
    await current?.discard();
  };
  const pause = () => {
    session.current?.pause();
    setPhase('paused');
  };
  const resume = () => {
    session.current?.resume();
    setPhase('recording');
  };

  const active = phase === 'recording' || phase === 'paused';
  return (
    <section className="audio-recorder" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('attachments.recorderTitle')}</h3>
      <p className="screen__muted">{t('attachments.recorderHint')}</p>
      {active && (
        <div className="audio-recorder__live">
          <p className="audio-recorder__state" role="status">
            {phase === 'recording' ? t('attachments.recording') : t('attachments.paused')}
          </p>
          <p className="audio-recorder__clock">
            <span className="audio-recorder__label">{t('attachments.elapsed')}</span>{' '}
            <time dir="ltr" data-testid="recording-elapsed">
              {formatDuration(elapsed)}
            </time>
          </p>
          <label className="audio-recorder__meter">
            <span className="audio-recorder__label">{t('attachments.level')}</span>
            <meter min={0} max={1} low={0.15} high={0.85} optimum={0.5} value={level} data-testid="recording-level" />
          </label>
        </div>
      )}
      {phase === 'saving' && <p role="status">{t('attachments.saving')}</p>}
      <div className="screen__actions">
        {!active && (
          <Button variant="primary" onClick={() => void start()} disabled={phase !== 'idle'}>
            {t('attachments.recordStart')}
          </Button>
        )}
        {phase === 'recording' && <Button onClick={pause}>{t('attachments.recordPause')}</Button>}
        {phase === 'paused' && <Button onClick={resume}>{t('attachments.recordResume')}</Button>}
        {active && (
          <>
            <Button variant="primary" onClick={() => void stop()}>
              {t('attachments.recordStop')}
            </Button>
            <Button variant="quiet" onClick={() => void discard()}>
              {t('attachments.recordDiscard')}
            </Button>
          </>
        )}
      </div>
      {outcome?.kind === 'saved' && (
        <Notice tone="success" role="status">
          <p>{withName(t('attachments.recorded', { name: NAME_MARK }), outcome.name)}</p>
        </Notice>
      )}
      {outcome?.kind === 'mic' && (
        <Notice tone="danger" role="alert">
          <p>{t('attachments.micDenied')}</p>
        </Notice>
      )}
      {outcome?.kind === 'failed' && (
        <Notice tone="danger" role="alert">
          <p>{t('attachments.recordFailed', { reason: t(`attachments.errors.${errorKey(outcome.error)}` as const) })}</p>
        </Notice>
      )}
    </section>
  );
}
