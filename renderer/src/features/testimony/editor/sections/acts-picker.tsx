/**
 * The acts of an allegation, from the controlled list (shared/domain acts): grouped under
 * headings, filtered by typing (in either language, so a documenter can type «شبح» in the
 * English UI), with the chosen acts summarised above the list so a filter never hides what
 * is already chosen.
 *
 * Controlled through useController: the checkboxes can come and go with the filter without
 * react-hook-form losing any choice.
 */
import { useId, useMemo, useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { acts, labelOf, type ActCode, type ActGroup } from '../../../../../../shared/domain';
import { normaliseForFilter } from '../../../../../../shared/names';
import { Button } from '../../../../ui/button';
import { SENSITIVE_INPUT_PROPS } from '../../../../ui/sensitive-input';
import { useFieldError } from '../../form/form-errors';
import { useVocabularyLang } from '../../form/vocabulary-fields';
import type { TestimonyValues } from '../testimony-values';

const GROUPS: readonly ActGroup[] = ['physical', 'positional', 'sexual', 'psychological', 'deprivation', 'detention', 'killing', 'other'];

/** Each act with the text a filter matches (both labels and the code, normalised once). */
const SEARCHABLE = acts.entries.map((entry) => ({ entry, text: normaliseForFilter(`${entry.en} ${entry.ar} ${entry.code.replace(/_/g, ' ')}`) }));

/** The acts checklist of allegation `index`. */
export function ActsPicker({ index, disabled }: { index: number; disabled: boolean }) {
  const { t } = useTranslation();
  const lang = useVocabularyLang();
  const { control } = useFormContext<TestimonyValues>();
  const name = `allegations.${index}.acts` as const;
  const { field } = useController({ control, name });
  const error = useFieldError(name);
  const [filter, setFilter] = useState('');
  const id = useId();
  const chosen = field.value;
  const needle = normaliseForFilter(filter.trim());
  const shown = useMemo(() => (needle === '' ? SEARCHABLE : SEARCHABLE.filter((item) => item.text.includes(needle))), [needle]);
  const toggle = (code: ActCode, on: boolean) => field.onChange(on ? [...chosen, code] : chosen.filter((item) => item !== code));
  return (
    <fieldset className="case-form__choices acts-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="field__label">{t('testimony.allegations.acts')}</legend>
      <p className="case-form__muted" id={`${id}-chosen`} role="status">
        {chosen.length === 0
          ? t('testimony.allegations.actsNone')
          : t('testimony.allegations.actsChosen', { count: chosen.length, acts: chosen.map((code) => labelOf(acts, code, lang)).join(lang === 'ar' ? '، ' : ', ') })}
      </p>
      {chosen.length > 0 && !disabled && (
        <Button variant="quiet" onClick={() => field.onChange([])}>
          {t('testimony.allegations.actsClear')}
        </Button>
      )}
      <label className="date-fields__part acts-picker__filter">
        <span>{t('testimony.allegations.actsFilter')}</span>
        <input type="search" className="input" value={filter} onChange={(event) => setFilter(event.target.value)} dir="auto" disabled={disabled} {...SENSITIVE_INPUT_PROPS} />
      </label>
      <div className="acts-picker__list">
        {GROUPS.map((group) => {
          const inGroup = shown.filter((item) => item.entry.group === group);
          if (inGroup.length === 0) return null;
          return (
            <div key={group} role="group" aria-labelledby={`${id}-${group}`}>
              <p id={`${id}-${group}`} className="acts-picker__group">
                {t(`testimony.actGroups.${group}`)}
              </p>
              {inGroup.map(({ entry }) => (
                <label key={entry.code} className="case-form__choice acts-picker__act">
                  <input
                    type="checkbox"
                    checked={chosen.includes(entry.code)}
                    disabled={disabled}
                    onChange={(event) => toggle(entry.code, event.target.checked)}
                    onBlur={field.onBlur}
                  />
                  <span>{labelOf(acts, entry.code, lang)}</span>
                </label>
              ))}
            </div>
          );
        })}
        {shown.length === 0 && <p className="case-form__muted">{t('testimony.allegations.actsNoMatch')}</p>}
      </div>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
