/**
 * Amending a sealed testimony: the reason is required (it becomes part of the record, with the
 * sealed version it amends), and nothing is saved without one.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { amendmentSchema } from '../../../../../shared/domain';
import { Button } from '../../../ui/button';
import { Notice } from '../../../ui/notice';
import { SENSITIVE_INPUT_PROPS } from '../../../ui/sensitive-input';
import { FIELD_ERROR_MAP } from '../../facility/form-kit/field-errors';
import { useErrorText } from '../form/form-errors';

export interface AmendPanelProps {
  busy: boolean;
  /** Called with a valid reason. */
  onSave(reason: string): void;
  onCancel(): void;
}

/** Reason box, "Save the amendment" and "Cancel". */
export function AmendPanel({ busy, onSave, onCancel }: AmendPanelProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const id = useId();
  const submit = () => {
    const parsed = amendmentSchema.shape.reason.safeParse(reason, { error: FIELD_ERROR_MAP });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      document.getElementById(id)?.focus();
      return;
    }
    setError(undefined);
    onSave(parsed.data);
  };
  const shown = errorText(error);
  return (
    <Notice className="amend-panel">
      <p>
        <strong>{t('testimony.amend.title')}</strong>
      </p>
      <p>{t('testimony.amend.body')}</p>
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t('testimony.amend.reason')}
        </label>
        <textarea
          id={id}
          className="input case-form__textarea"
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? `${id}-error` : undefined}
          dir="auto"
          {...SENSITIVE_INPUT_PROPS}
        />
        {shown && (
          <p id={`${id}-error`} className="field__error" role="alert">
            {shown}
          </p>
        )}
      </div>
      <div className="case-form__actions">
        <Button variant="primary" disabled={busy} onClick={submit}>
          {t('testimony.amend.save')}
        </Button>
        <Button onClick={onCancel}>{t('testimony.amend.cancel')}</Button>
      </div>
    </Notice>
  );
}
