/**
 * "Did you mean …?": existing records whose names may be the one being typed, shown before a
 * new facility or alleged perpetrator is created so the same place or person is not recorded
 * twice under two spellings. Runs on the main thread. Presentational.
 */
import { useId } from 'react';
import { Button } from '../../../ui/button';
import { Notice } from '../../../ui/notice';
import { NameText } from './name-text';

/** One existing record that may be the same. */
export interface DidYouMeanItem {
  readonly id: string;
  /** Its name to show (display name in the UI language). */
  readonly name: string;
  /** Its name that matched what was typed, when different from `name`. */
  readonly matched: string;
}

export interface DidYouMeanProps {
  items: readonly DidYouMeanItem[];
  title: string;
  hint: string;
  /** Words before the name that matched ("matches"). */
  matchedLabel: string;
  useLabel: string;
  openLabel: string;
  /** Link to this record instead of creating a new one (inline creation). */
  onUse?: ((id: string) => void) | undefined;
  /** Open the record's page. */
  onOpen?: ((id: string) => void) | undefined;
}

/** A polite notice listing the candidates, with "use" and "open" for each. */
export function DidYouMean({ items, title, hint, matchedLabel, useLabel, openLabel, onUse, onOpen }: DidYouMeanProps) {
  const titleId = useId();
  if (items.length === 0) return null;
  return (
    <Notice className="record-form__suggestions" role="status">
      <p id={titleId}>
        <strong>{title}</strong> {hint}
      </p>
      <ul aria-labelledby={titleId}>
        {items.map((item) => (
          <li key={item.id}>
            <NameText text={item.name} />
            {item.matched !== item.name && (
              <>
                {' '}
                <span className="screen__muted">
                  ({matchedLabel} <NameText text={item.matched} />)
                </span>
              </>
            )}{' '}
            {onUse && (
              <Button variant="quiet" onClick={() => onUse(item.id)}>
                {useLabel}
              </Button>
            )}
            {onOpen && (
              <Button variant="quiet" onClick={() => onOpen(item.id)}>
                {openLabel}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
