/**
 * Choosing an existing witness by pseudonym code: type part of the code, pick from at most
 * MAX_SHOWN matches. A plain <select> listed every witness, and at tens of thousands of
 * witnesses building that list held the UI thread for most of a second each time the
 * editor opened; the combobox renders only the matches.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WitnessPseudonym } from '../../../records';
import { EntityCombobox, type ComboboxOption } from '../../link-pickers/entity-combobox';

/** How many matches the list shows (the caller's witnesses are already in code order). */
const MAX_SHOWN = 30;

export interface WitnessPickerProps {
  /** Id of the element that labels the picker. */
  labelledBy: string;
  /** Every witness, in code order. */
  witnesses: readonly WitnessPseudonym[];
  onChoose(id: string): void;
}

/** The first MAX_SHOWN witnesses whose code contains `query` (case-insensitive), in code order. */
export function matchingWitnesses(witnesses: readonly WitnessPseudonym[], query: string): ComboboxOption[] {
  const wanted = query.trim().toLocaleLowerCase('en');
  const out: ComboboxOption[] = [];
  for (const witness of witnesses) {
    if (out.length === MAX_SHOWN) break;
    if (wanted === '' || witness.pseudonymCode.toLocaleLowerCase('en').includes(wanted)) out.push({ id: witness.id, label: witness.pseudonymCode });
  }
  return out;
}

export function WitnessPicker({ labelledBy, witnesses, onChoose }: WitnessPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const options = useMemo(() => matchingWitnesses(witnesses, query), [witnesses, query]);
  return (
    <EntityCombobox
      labelledBy={labelledBy}
      query={query}
      onQueryChange={setQuery}
      options={options}
      onChoose={(id) => {
        setQuery('');
        onChoose(id);
      }}
      emptyText={t('testimony.people.noWitnessMatch')}
    />
  );
}
