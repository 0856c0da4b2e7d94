/**
 * Choosing a facility from the case file: a `<select>` of every facility by its full path
 * ("Sednaya › Red building › Wing A"), with a filter box for long lists. Runs on the main
 * thread. Used for a facility's parent (excluding itself and its parts) and for the facility
 * of an alleged perpetrator's position.
 */
import { useId, useMemo, useState, type Ref, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Id } from '../../../../shared/domain';
import { normaliseForFilter } from '../../../../shared/names';
import { toLanguage } from '../../i18n/languages';
import { SENSITIVE_INPUT_PROPS } from '../../ui/sensitive-input';
import { pathNames, pathText, type TreeEntry } from './facility-tree';

export interface FacilityPickerProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  ref?: Ref<HTMLSelectElement>;
  /** Every facility that may be listed. */
  entries: readonly TreeEntry[];
  /** Facilities not to offer (the facility itself and its parts, for a parent). */
  exclude?: ReadonlySet<Id>;
  /** The selected id ('' for none), so it stays listed whatever the filter. */
  selected: string;
  /** Label of the empty choice. */
  noneLabel: string;
  /** Accessible label of the filter box. */
  filterLabel: string;
}

/** A filter box and the facility select. */
export function FacilityPicker({ ref, entries, exclude, selected, noneLabel, filterLabel, ...selectProps }: FacilityPickerProps) {
  const { i18n } = useTranslation();
  const lang = toLanguage(i18n.resolvedLanguage);
  const [filter, setFilter] = useState('');
  const filterId = useId();
  const options = useMemo(() => {
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    return entries
      .filter((entry) => !exclude?.has(entry.id))
      .map((entry) => {
        const names = pathNames(entry.id, byId, lang);
        const search = normaliseForFilter(entry.body.names.map((name) => name.text).join(' '));
        return { id: entry.id, text: pathText(names), sortKey: names.join(' / '), search };
      })
      .sort((a, b) => a.sortKey.localeCompare(b.sortKey, lang));
  }, [entries, exclude, lang]);
  const needle = normaliseForFilter(filter);
  const shown = needle === '' ? options : options.filter((option) => option.id === selected || option.search.includes(needle));
  return (
    <div className="facility-picker">
      {options.length > 12 && (
        <input
          id={filterId}
          type="search"
          className="input facility-picker__filter"
          aria-label={filterLabel}
          placeholder={filterLabel}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          {...SENSITIVE_INPUT_PROPS}
        />
      )}
      <select ref={ref} className="input" {...selectProps}>
        <option value="">{noneLabel}</option>
        {shown.map((option) => (
          <option key={option.id} value={option.id}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
