/**
 * The interview sessions of a testimony. A draft may have none yet; anything past a draft
 * needs at least one (the schema says so at `sessions`).
 */
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../ui/button';
import { useFieldError } from '../../form/form-errors';
import { newSession } from '../session-values';
import type { TestimonyValues } from '../testimony-values';
import { SectionFrame } from './section-frame';
import { SessionItem } from './session-item';

/** Today as YYYY-MM-DD, local time: a session is usually recorded on the day. */
function todayText(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Every session, and "Add a session". */
export function SessionsSection({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation();
  const { control, getValues } = useFormContext<TestimonyValues>();
  const sessions = useFieldArray({ control, name: 'sessions' });
  // The list's own error ("a completed testimony needs a session") sits at `sessions.root`;
  // with no rows, anything under `sessions` is the list's own.
  const rootError = useFieldError('sessions.root');
  const anyError = useFieldError('sessions');
  const listError = rootError ?? (sessions.fields.length === 0 ? anyError : undefined);
  return (
    <SectionFrame id="testimony-sessions" title={t('testimony.sessions.title')}>
      {sessions.fields.length === 0 && <p className="case-form__muted">{t('testimony.sessions.none')}</p>}
      {sessions.fields.map((field, index) => (
        <SessionItem key={field.id} index={index} readOnly={readOnly} onRemove={() => sessions.remove(index)} />
      ))}
      {listError && (
        <p className="field__error" role="alert">
          {listError}
        </p>
      )}
      {!readOnly && (
        <Button onClick={() => sessions.append(newSession(todayText(), getValues('narrative.language')))}>{t('testimony.sessions.add')}</Button>
      )}
    </SectionFrame>
  );
}
