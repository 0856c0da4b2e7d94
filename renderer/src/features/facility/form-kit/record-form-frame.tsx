/**
 * The frame of a record form (facility, alleged perpetrator): the fields, the save outcome and
 * the buttons, as a page form or — `compact`, embedded in another form — as a group that submits
 * itself. Runs on the main thread. Presentational.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import type { SaveFailure } from './save-errors';
import { SaveFailureNotice } from './save-failure-notice';
import { submitOnEnter } from './submit-on-enter';

export interface RecordFormFrameProps {
  /** The form's accessible name (and its heading when compact). */
  title: string;
  compact: boolean;
  /** An existing record is edited: the button says "save", not "create". */
  editing: boolean;
  busy: boolean;
  failure: SaveFailure | null;
  /** Announced after an edit was saved; absent otherwise. */
  savedText?: string | undefined;
  submit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  onCancel?: (() => void) | undefined;
  children: ReactNode;
}

/** Fields, save notice and buttons inside a `<form>`, or a self-submitting group when compact. */
export function RecordFormFrame({ title, compact, editing, busy, failure, savedText, submit, onCancel, children }: RecordFormFrameProps) {
  const { t } = useTranslation();
  const fields = (
    <>
      {compact && <h3>{title}</h3>}
      {children}
      <SaveFailureNotice failure={failure} />
      {savedText !== undefined && <p role="status">{savedText}</p>}
      <div className="record-form__actions">
        <Button type={compact ? 'button' : 'submit'} variant="primary" disabled={busy} onClick={compact ? () => void submit() : undefined}>
          {busy ? t('recordForms.save.saving') : editing ? t('recordForms.save.save') : t('recordForms.save.create')}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={busy}>
            {t('recordForms.save.cancel')}
          </Button>
        )}
      </div>
    </>
  );
  return compact ? (
    // Inside another form (the testimony editor) a nested <form> is invalid HTML, and Enter
    // would submit the outer one: a group that submits itself instead.
    <div role="group" aria-label={title} className="record-form record-form--compact" onKeyDown={(event) => submitOnEnter(event, () => void submit())}>
      {fields}
    </div>
  ) : (
    <form noValidate aria-label={title} className="record-form" onSubmit={(event) => void submit(event)}>
      {fields}
    </form>
  );
}
