/**
 * The export wizard (issue 6, DESIGN.md §6–7): what, to whom, options, review, write. The
 * choices stay on the main thread; everything that decides what goes (contacts re-checked,
 * consent per testimony and per recipient) runs again in the vault worker, which also signs.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, Id, Redaction } from '../../../../shared/domain';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import type { ExportPreview, ExportRequest } from '../../vault/export-types';
import type { LiveRecord } from '../../vault/vault-client';
import { useVaultClient } from '../vault-session/vault-context';
import { StepOptions } from './step-options';
import { StepReview } from './step-review';
import { StepWhat } from './step-what';
import { StepWhom } from './step-whom';
import { StepWrite } from './step-write';
import { useExportRun } from './use-export-run';
import './export.css';

const STEPS = ['what', 'whom', 'options', 'review', 'write'] as const;
type Step = (typeof STEPS)[number];

export interface ExportWizardProps {
  focusOnMount?: boolean;
}

export function ExportWizard({ focusOnMount = false }: ExportWizardProps) {
  const { t } = useTranslation();
  const client = useVaultClient();
  const [step, setStep] = useState<Step>('what');
  const [testimonies, setTestimonies] = useState<ReadonlySet<Id>>(new Set());
  const [recipients, setRecipients] = useState<ReadonlySet<Id>>(new Set());
  const [contacts, setContacts] = useState<readonly LiveRecord<Contact>[]>([]);
  const [includeAttachments, setIncludeAttachments] = useState(false);
  const [redaction, setRedaction] = useState<Redaction>('pseudonymised');
  const [preview, setPreview] = useState<{ readonly result: ExportPreview | null; readonly failed: boolean }>({ result: null, failed: false });
  const run = useExportRun(t('exportBundle.fileType'));

  const request: ExportRequest = useMemo(
    () => ({ testimonyIds: [...testimonies], recipientIds: [...recipients], redaction, includeAttachments }),
    [testimonies, recipients, redaction, includeAttachments],
  );
  const labels = useMemo(() => new Map(contacts.map((contact) => [contact.id, contact.body.label])), [contacts]);
  const onContacts = useCallback((list: readonly LiveRecord<Contact>[]) => setContacts(list), []);

  useEffect(() => {
    if (step !== 'review') return;
    let live = true;
    setPreview({ result: null, failed: false });
    client.exports
      .preview(request)
      .then((result) => live && setPreview({ result, failed: false }))
      .catch(() => live && setPreview({ result: null, failed: true }));
    return () => {
      live = false;
    };
  }, [client, step, request]);

  const index = STEPS.indexOf(step);
  const blocker = step === 'what' && testimonies.size === 0 ? t('exportBundle.what.needOne') : step === 'whom' && recipients.size === 0 ? t('exportBundle.whom.needOne') : null;
  const canWrite = preview.result !== null && preview.result.included.length > 0 && preview.result.recipients.every((r) => r.problem === null);
  const go = (next: Step) => setStep(next);
  const write = () => {
    go('write');
    void run.start(request);
  };
  const again = () => {
    run.reset();
    go(run.phase.kind === 'done' ? 'what' : 'review');
    if (run.phase.kind === 'done') setTestimonies(new Set());
  };

  return (
    <Screen title={t('exportBundle.title')} focusOnMount={focusOnMount}>
      <p>{t('exportBundle.intro')}</p>
      <ol className="export-steps" aria-label={t('exportBundle.title')}>
        {STEPS.map((name) => (
          <li key={name} className="export-steps__item" aria-current={name === step ? 'step' : undefined}>
            {t(`exportBundle.steps.${name}`)}
          </li>
        ))}
      </ol>
      <h2 className="export-steps__current">{t('exportBundle.stepOf', { step: index + 1, total: STEPS.length, name: t(`exportBundle.steps.${step}`) })}</h2>
      {step === 'what' && <StepWhat selected={testimonies} onChange={setTestimonies} />}
      {step === 'whom' && <StepWhom selected={recipients} onChange={setRecipients} onContacts={onContacts} />}
      {step === 'options' && <StepOptions includeAttachments={includeAttachments} redaction={redaction} onAttachments={setIncludeAttachments} onRedaction={setRedaction} />}
      {step === 'review' && <StepReview preview={preview.result} failed={preview.failed} labels={labels} redaction={redaction} />}
      {step === 'write' && <StepWrite phase={run.phase} onCancel={run.cancel} onAnother={again} />}
      {step !== 'write' && (
        <div className="export-step__nav">
          {blocker && <Notice tone="info">{blocker}</Notice>}
          {index > 0 && <Button onClick={() => go(STEPS[index - 1] ?? 'what')}>{t('exportBundle.back')}</Button>}
          {step === 'review' ? (
            <Button variant="primary" onClick={write} disabled={!canWrite}>
              {t('exportBundle.review.write')}
            </Button>
          ) : (
            <Button variant="primary" onClick={() => go(STEPS[index + 1] ?? 'review')} disabled={blocker !== null}>
              {t('exportBundle.next')}
            </Button>
          )}
        </div>
      )}
    </Screen>
  );
}
