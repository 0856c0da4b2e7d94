/**
 * Saving a record form (facility, alleged perpetrator): update the version being edited or
 * create a new record, and turn a refused save into messages at the fields plus one notice.
 * Runs on the main thread.
 */
import { useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { Id } from '../../../../../shared/domain';
import { saveFailure, type SaveFailure } from './save-errors';

export interface RecordSaveOptions<TValues extends FieldValues, TBody extends { id: Id }> {
  form: UseFormReturn<TValues, unknown, TBody>;
  /** The record being edited (its current version); absent to create one. */
  existing: { version: number } | undefined;
  update(body: TBody, expectedVersion: number): Promise<{ id: Id }>;
  create(input: Omit<TBody, 'id'>): Promise<{ id: Id }>;
  onSaved?: ((id: Id) => void) | undefined;
  onCreated?: ((id: Id, how: { existing: boolean }) => void) | undefined;
}

export interface RecordSave {
  /** The form's submit handler (validates first). */
  submit: (event?: React.BaseSyntheticEvent) => Promise<void>;
  failure: SaveFailure | null;
  /** An edit was saved (cleared by the next attempt). */
  saved: boolean;
  busy: boolean;
}

/** The submit handler and its outcome for a record form. */
export function useRecordSave<TValues extends FieldValues, TBody extends { id: Id }>({
  form,
  existing,
  update,
  create,
  onSaved,
  onCreated,
}: RecordSaveOptions<TValues, TBody>): RecordSave {
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = form.handleSubmit(async (body) => {
    setFailure(null);
    setSaved(false);
    try {
      if (existing) {
        const result = await update(body, existing.version);
        setSaved(true);
        onSaved?.(result.id);
      } else {
        // The placeholder id of an unsaved record is not sent; the data layer assigns one.
        const { id: _placeholder, ...input } = body;
        const result = await create(input);
        onCreated?.(result.id, { existing: false });
      }
    } catch (error) {
      const outcome = saveFailure(error);
      if (outcome.kind === 'fields') {
        for (const issue of outcome.issues) form.setError(issue.path as Path<TValues>, { type: 'server', message: issue.message });
      }
      setFailure(outcome);
    }
  }, () => setFailure({ kind: 'fields', issues: [] }));
  return { submit, failure, saved, busy: form.formState.isSubmitting };
}
