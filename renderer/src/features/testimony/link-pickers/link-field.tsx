/**
 * A link to another record inside the testimony form (a facility, an alleged perpetrator):
 * the linked record's name with "Change" and "Remove", or a combobox to find one, with
 * "Create new: …" that opens a small inline form right here (the documenter never leaves the
 * testimony). Registered with useController at `name` (an id, or '' for none).
 *
 * A link to a record that no longer exists (deleted, or merged away since) is shown as such,
 * with the error at the field, and the save is refused by the data layer until it is fixed.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useController, useFormContext, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NameText } from '../../facility';
import { useSearch, type SearchKind } from '../../records';
import { Button } from '../../../ui/button';
import { useFieldError } from '../form/form-errors';
import { EntityCombobox, type ComboboxOption } from './entity-combobox';
import { matchLinkables, type PreparedLinkable } from './link-options';

/** What the picker shows of a linked record. */
export interface LinkDisplay {
  readonly label: string;
  readonly detail?: string;
}

export interface LinkFieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  readOnly: boolean;
  /** Which search group holds these records. */
  kind: Exclude<SearchKind, 'testimony'>;
  /** `loading` while the case file loads (a link then cannot be called missing yet). */
  status: 'loading' | 'ready' | 'failed';
  /** The records to match what is typed, prepared when first called (only once something is typed). */
  entries(): readonly PreparedLinkable[];
  /** How to show a record; undefined when there is no such record. */
  display(id: string): LinkDisplay | undefined;
  createLabel(query: string): string;
  emptyText: string;
  missingText: string;
  /** Opens the linked record's page ("Open the profile"); not offered when absent. */
  onOpen?: ((id: string) => void) | undefined;
  /** The inline creation form for `query`; `done(id)` links the created (or chosen) record. */
  renderCreate(query: string, done: (id: string) => void, cancel: () => void): ReactNode;
}

/** The link field. */
export function LinkField(props: LinkFieldProps) {
  const { name, label, hint, readOnly, kind, status, entries, display, createLabel, emptyText, missingText, onOpen, renderCreate } = props;
  const { t } = useTranslation();
  const { control } = useFormContext<FieldValues>();
  const { field } = useController({ control, name });
  const value = typeof field.value === 'string' ? field.value : '';
  const fieldError = useFieldError(name);
  // With nothing linked, "not a valid id" means "choose one".
  const error = value === '' && fieldError === t('recordForms.errors.invalid') ? t('recordForms.errors.required') : fieldError;
  const labelId = useId();
  const errorId = useId();
  const [query, setQuery] = useState('');
  const [changing, setChanging] = useState(false);
  const [creating, setCreating] = useState<string | null>(null);
  const results = useSearch(value === '' || changing ? query : '');
  const hitIds = kind === 'facility' ? results.facilities : results.perpetrators;
  const options = useMemo<ComboboxOption[]>(
    () =>
      matchLinkables(
        query.trim() === '' ? [] : entries(),
        query,
        hitIds.map((hit) => hit.id),
      ).flatMap((id) => {
        const shown = display(id);
        return shown ? [{ id, label: shown.label, ...(shown.detail ? { detail: shown.detail } : {}) }] : [];
      }),
    [entries, query, hitIds, display],
  );
  const link = (id: string) => {
    field.onChange(id);
    field.onBlur();
    setChanging(false);
    setCreating(null);
    setQuery('');
  };
  const linked = value === '' ? undefined : display(value);
  const missing = value !== '' && status === 'ready' && linked === undefined;
  const shownError = error ?? (missing ? missingText : undefined);

  return (
    <div className="field link-field">
      <span id={labelId} className="field__label">
        {label}
      </span>
      {value !== '' && !changing ? (
        <div className="link-picker__chosen">
          {linked ? <NameText text={linked.label} className="link-picker__name" /> : <span className="case-form__muted">{status === 'loading' ? t('testimony.links.loading') : t('testimony.links.missingName')}</span>}
          {linked && onOpen && (
            // Not disabled with the sealed form: reading a profile is always allowed.
            <Button variant="quiet" className="link-picker__open" onClick={() => onOpen(value)} aria-describedby={labelId}>
              {t('testimony.links.openProfile')}
            </Button>
          )}
          {!readOnly && (
            <>
              <Button variant="quiet" onClick={() => setChanging(true)} aria-describedby={labelId}>
                {t('testimony.links.change')}
              </Button>
              <Button variant="quiet" onClick={() => link('')} aria-describedby={labelId}>
                {t('testimony.links.remove')}
              </Button>
            </>
          )}
        </div>
      ) : (
        <EntityCombobox
          labelledBy={labelId}
          describedBy={shownError ? errorId : undefined}
          invalid={shownError !== undefined}
          disabled={readOnly}
          query={query}
          onQueryChange={setQuery}
          options={options}
          onChoose={link}
          createLabel={createLabel}
          onCreate={(typed) => setCreating(typed)}
          emptyText={emptyText}
        />
      )}
      {changing && value !== '' && (
        <Button variant="quiet" onClick={() => setChanging(false)}>
          {t('testimony.links.keep')}
        </Button>
      )}
      {hint && <div className="field__hint">{hint}</div>}
      {creating !== null && !readOnly && <div className="link-picker__inline">{renderCreate(creating, link, () => setCreating(null))}</div>}
      {shownError && (
        <p id={errorId} className="field__error" role="alert">
          {shownError}
        </p>
      )}
    </div>
  );
}
