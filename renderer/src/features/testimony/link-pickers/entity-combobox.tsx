/**
 * A combobox for linking a record: type to search, arrows to move, Enter to choose, Escape to
 * close; the last option offers to create a new record from what was typed. Follows the
 * WAI-ARIA combobox pattern (input with a listbox popup, active option by
 * aria-activedescendant), so it works with a keyboard and a screen reader alone.
 *
 * Presentational: the caller gives the options matching the text and handles the choice.
 * User-supplied names are shown inside <bdi> with bidi controls neutralised.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { neutraliseBidi } from '../../facility';
import { SENSITIVE_INPUT_PROPS } from '../../../ui/sensitive-input';
import './link-pickers.css';

/** One choice in the list. */
export interface ComboboxOption {
  readonly id: string;
  /** The name to show (user data). */
  readonly label: string;
  /** A second line: other names, the parent facility, a count (user data). */
  readonly detail?: string;
}

export interface EntityComboboxProps {
  /** Id of the label element that names the combobox. */
  labelledBy: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  disabled?: boolean;
  /** Text in the box. */
  query: string;
  onQueryChange(query: string): void;
  /** Options matching `query` (the caller filters; at most a few dozen). */
  options: readonly ComboboxOption[];
  onChoose(id: string): void;
  /** "Create new: …" label for the query, when creating is offered. */
  createLabel?: ((query: string) => string) | undefined;
  onCreate?: ((query: string) => void) | undefined;
  /** Shown in the list when nothing matches. */
  emptyText: string;
}

const CREATE = '__create__';

/** The input and its popup list. */
export function EntityCombobox(props: EntityComboboxProps) {
  const { labelledBy, describedBy, invalid, disabled, query, onQueryChange, options, onChoose, createLabel, onCreate, emptyText } = props;
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const canCreate = onCreate !== undefined && createLabel !== undefined && query.trim() !== '';
  const items = canCreate ? [...options.map((option) => option.id), CREATE] : options.map((option) => option.id);
  const activeIndex = Math.min(active, Math.max(items.length - 1, 0));
  const optionId = (index: number) => `${listId}-option-${index}`;

  const choose = (index: number) => {
    const item = items[index];
    if (item === undefined) return;
    setOpen(false);
    if (item === CREATE) onCreate?.(query.trim());
    else onChoose(item);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + items.length) % Math.max(items.length, 1));
    } else if (event.key === 'Enter') {
      if (!open || items.length === 0) return;
      // Enter chooses; it must never submit the surrounding form.
      event.preventDefault();
      choose(activeIndex);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="entity-combobox">
      <input
        type="text"
        role="combobox"
        className="input"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && items.length > 0 ? optionId(activeIndex) : undefined}
        disabled={disabled}
        value={query}
        dir="auto"
        onChange={(event) => {
          onQueryChange(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(query.trim() !== '')}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        {...SENSITIVE_INPUT_PROPS}
      />
      <ul id={listId} role="listbox" className="entity-combobox__list" hidden={!open} aria-labelledby={labelledBy}>
        {options.map((option, index) => (
          <li
            key={option.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            className="entity-combobox__option"
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(index);
            }}
          >
            <bdi>{neutraliseBidi(option.label)}</bdi>
            {option.detail && (
              <span className="entity-combobox__detail">
                <bdi>{neutraliseBidi(option.detail)}</bdi>
              </span>
            )}
          </li>
        ))}
        {options.length === 0 && !canCreate && <li className="entity-combobox__empty">{emptyText}</li>}
        {canCreate && createLabel && (
          <li
            id={optionId(options.length)}
            role="option"
            aria-selected={activeIndex === options.length}
            className="entity-combobox__option entity-combobox__create"
            onMouseDown={(event) => {
              event.preventDefault();
              choose(options.length);
            }}
          >
            {createLabel(query.trim())}
          </li>
        )}
      </ul>
    </div>
  );
}
