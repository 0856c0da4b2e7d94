/**
 * Translated labels of changed fields, from a change's label path (`allegations.acts`,
 * `names.text`). Runs anywhere. A path without its own label borrows the label of its
 * longest labelled prefix and shows the rest as is (`Interview session › breaks.minutes`), so
 * a field added to the schema later is still shown, never hidden.
 */
import type { TFunction } from 'i18next';
import { historyMessages } from './messages';

type FieldKey = keyof typeof historyMessages.en.fields;

const KEYS = new Set<string>(Object.keys(historyMessages.en.fields));

function isFieldKey(key: string): key is FieldKey {
  return KEYS.has(key);
}

/** The label of `labelPath`, and the unlabelled rest of the path ('' when fully labelled). */
export function fieldLabel(t: TFunction, labelPath: string): { label: string; rest: string } {
  const parts = labelPath.split('.').filter((part) => part !== '');
  for (let length = parts.length; length > 0; length -= 1) {
    const key = parts.slice(0, length).join('_');
    if (isFieldKey(key)) return { label: t(`history.fields.${key}`), rest: parts.slice(length).join('.') };
  }
  return { label: '', rest: parts.join('.') };
}
