/**
 * The testimony editor: the account in sections (interview sessions, narrative and
 * translations, detention episodes, allegations, witness and consent, tags), the status flow,
 * autosave of drafts, and read-only view with "Amend" once sealed. Runs on the main thread.
 *
 * Typing stays fast: inputs are uncontrolled (react-hook-form), validation runs on leaving a
 * field and once per autosave pause (never per keystroke), and the autosave state reaches only
 * its status line. Locking unmounts the editor and drops everything typed and decrypted.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Testimony, TestimonyStatus } from '../../../../../shared/domain';
import { Button } from '../../../ui/button';
import { Notice } from '../../../ui/notice';
import { saveFailure, type SaveFailure } from '../../facility/form-kit/save-errors';
import { SaveFailureNotice } from '../../facility/form-kit/save-failure-notice';
import type { LinkIssue, LiveRecord } from '../../records';
import { toLanguage } from '../../../i18n/languages';
import { caseIssue } from '../form/issue-messages';
import '../form/case-form.css';
import { ReadOnlyContext } from '../form/read-only';
import { AmendPanel } from './amend-panel';
import { AttachmentsSection } from './attachments-section';
import { AutosaveController } from './autosave';
import { AutosaveStatus } from './autosave-status';
import { EditorHeader } from './editor-header';
import { TestimonyIdentityContext } from './editor-context';
import { EditorPanels, type PanelRequest } from './editor-panels';
import { EditorSections } from './editor-sections';
import { StatusActions } from './status-actions';
import { checkDraft, PARSE_OPTIONS, testimonyFormSchema } from './testimony-form-schema';
import { emptyTestimonyValues, testimonyToValues, type TestimonyValues } from './testimony-values';
import { useTestimonySave } from './use-testimony-save';
import './editor.css';

export interface TestimonyEditorProps {
  /** The testimony's current version; absent for a new one. */
  initial?: LiveRecord<Testimony> | undefined;
  /** The first save created the testimony. */
  onCreated?: (id: string) => void;
  /** Received in a partner bundle: read-only, whatever its status (the vault refuses edits too). */
  received?: boolean;
}

/**
 * The editor of one testimony. Memoised: the case file changes at every save, and the screen
 * around it re-renders, but the form itself must not (its props stay the same).
 */
export const TestimonyEditor = memo(function TestimonyEditor({ initial, onCreated, received = false }: TestimonyEditorProps) {
  const { t, i18n } = useTranslation();
  const saver = useTestimonySave(initial ?? null, onCreated);
  // `frame` and `save` keep their identity across renders: the autosave controller is built once.
  const { identity, frame, save } = saver;
  const [amending, setAmending] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [panel, setPanel] = useState<PanelRequest | null>(null);
  const readOnly = received || (identity.status === 'sealed' && !amending);
  // Validation follows the status the save would have (a status change validates for the new one).
  const validateAs = useRef<TestimonyStatus | null>(null);
  const resolver = useCallback<Resolver<TestimonyValues, unknown, Testimony>>(
    (values, context, options) => zodResolver(testimonyFormSchema(frame(validateAs.current ?? undefined)), PARSE_OPTIONS)(values, context, options),
    [frame],
  );
  const form = useForm<TestimonyValues, unknown, Testimony>({
    resolver,
    defaultValues: initial ? testimonyToValues(initial.body) : emptyTestimonyValues(toLanguage(i18n.resolvedLanguage)),
    mode: 'onBlur',
    reValidateMode: 'onBlur',
  });

  const markLinks = useCallback(
    (issues: readonly LinkIssue[]) => {
      for (const issue of issues) form.setError(issue.path.join('.') as never, { type: 'link', message: caseIssue('deletedLink') });
    },
    [form],
  );
  const controller = useMemo(
    () =>
      new AutosaveController<Testimony>({
        prepare: () => {
          const check = checkDraft(form.getValues(), frame());
          return check.ok ? { ok: true, body: check.testimony, heldBack: check.heldBack } : { ok: false };
        },
        persist: (testimony) => save(testimony),
        onLinkIssues: markLinks,
      }),
    [form, frame, save, markLinks],
  );
  useEffect(() => {
    controller.activate();
    // Leaving for another screen saves what was typed since the last save.
    return () => controller.leave();
  }, [controller]);
  const automatic = identity.status === 'draft' && !amending && !received;
  useEffect(() => controller.setAutomatic(automatic), [controller, automatic]);
  useEffect(() => {
    if (readOnly) return undefined;
    const subscription = form.watch(() => controller.changed());
    return () => subscription.unsubscribe();
  }, [form, controller, readOnly]);

  /** Runs a save that validates for `status` first; field errors are shown and focused. */
  const run = async (status: TestimonyStatus, write: (testimony: Testimony) => Promise<void>) => {
    setFailure(null);
    validateAs.current = status;
    try {
      await form.handleSubmit(async (testimony) => {
        setBusy(true);
        try {
          await write(testimony);
          controller.markSaved();
        } catch (error) {
          const why = saveFailure(error);
          if (why.kind === 'fields') for (const issue of why.issues) form.setError(issue.path as never, { type: 'save', message: issue.message });
          setFailure(why);
        } finally {
          setBusy(false);
        }
      }, () => setFailure({ kind: 'fields', issues: [] }))();
    } finally {
      validateAs.current = null;
    }
  };
  const changeStatus = (to: TestimonyStatus) => void run(to, (testimony) => saver.save({ ...testimony, status: to }));
  const saveNow = () => void run(identity.status, (testimony) => saver.save(testimony));
  const saveAmendment = (reason: string) =>
    void run('sealed', async (testimony) => {
      await saver.amend(testimony, reason);
      setAmending(false);
    });
  const overwrite = (actualVersion: number) => void run(identity.status, (testimony) => saver.overwrite(testimony, actualVersion));
  const showProblems = () => void form.trigger(undefined, { shouldFocus: true });
  const cancelAmendment = () => {
    // Back to the sealed version exactly as stored.
    const current = saver.record.current;
    if (current) form.reset(testimonyToValues(current.body));
    controller.reset();
    setAmending(false);
  };

  return (
    <TestimonyIdentityContext value={{ id: identity.id, referenceCode: identity.referenceCode }}>
      <FormProvider {...form}>
        <div className="editor-top">
          <EditorHeader status={identity.status} />
          {!received && <StatusActions status={identity.status} busy={busy} referenceCode={identity.referenceCode} onChangeStatus={changeStatus} onAmend={() => setAmending(true)} />}
          {readOnly && !received && (
            <Notice>
              <p>{t('testimony.status.sealedNotice')}</p>
            </Notice>
          )}
          {identity.amendment && <AmendmentNote amendment={identity.amendment} />}
          {amending && <AmendPanel busy={busy} onSave={saveAmendment} onCancel={cancelAmendment} />}
          {/* While amending, the amendment panel has its own save. */}
          {!amending && !received && <AutosaveStatus controller={controller as AutosaveController<unknown>} automatic={automatic} onShowProblems={showProblems} onOverwrite={overwrite} />}
          <SaveFailureNotice failure={failure} />
        </div>
        <form noValidate onSubmit={(event) => (event.preventDefault(), saveNow())} aria-label={t('testimony.editor.formLabel')}>
          <ReadOnlyContext value={readOnly}>
            <EditorSections readOnly={readOnly} onOpenPanel={setPanel} />
          </ReadOnlyContext>
          {!readOnly && !amending && (
            <div className="case-form__actions">
              <Button type="submit" disabled={busy}>
                {t('testimony.editor.saveNow')}
              </Button>
            </div>
          )}
        </form>
        <AttachmentsSection testimonyId={identity.id} readOnly={readOnly} />
        {panel && <EditorPanels request={panel} readOnly={readOnly} onClose={() => setPanel(null)} />}
      </FormProvider>
    </TestimonyIdentityContext>
  );
});

/** What the amended version says about itself. */
function AmendmentNote({ amendment }: { amendment: NonNullable<Testimony['amendment']> }) {
  const { t } = useTranslation();
  return (
    <Notice>
      <p>{t('testimony.amend.note', { version: amendment.amends.version })}</p>
      <p>
        <bdi>{amendment.reason}</bdi>
      </p>
    </Notice>
  );
}
