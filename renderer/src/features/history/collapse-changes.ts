/**
 * Makes a field-level difference readable: a date or a source changed in one of its parts
 * (a month added, a note reworded) is shown as one change of the whole date or source, as a
 * reader thinks of it ("March 2014 → c. April 2014"), not as changes of `month` and
 * `precision`. Runs anywhere.
 */
import type { FieldChange } from '../records';

type Path = readonly (string | number)[];

/**
 * The value at `path` in `body`. Positions in arrays matched by id differ between versions (an
 * allegation inserted above shifts the rest), so inside such an array the item with `itemId`
 * is taken rather than the position.
 */
function at(body: unknown, path: Path, itemId: string | undefined): unknown {
  let value = body;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    if (typeof part === 'number' && Array.isArray(value) && itemId !== undefined) {
      const byId = value.find((item: unknown) => typeof item === 'object' && item !== null && (item as { id?: unknown }).id === itemId);
      if (byId !== undefined) {
        value = byId;
        continue;
      }
    }
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

const isPartialDate = (value: unknown) => typeof value === 'object' && value !== null && 'year' in value && 'precision' in value;
const isWhole = (path: Path, itemId: string | undefined, before: unknown, after: unknown) =>
  path.at(-1) === 'source' || isPartialDate(at(before, path, itemId)) || isPartialDate(at(after, path, itemId));

/** The changes with parts of dates and sources merged into one change of the whole. */
export function collapseChanges(changes: readonly FieldChange[], before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  const merged = new Set<string>();
  for (const change of changes) {
    // The shallowest ancestor that is a whole value (a date, a source) takes the change.
    let wholePath: Path | null = null;
    for (let length = 1; length < change.path.length; length += 1) {
      const prefix = change.path.slice(0, length);
      if (typeof prefix.at(-1) === 'string' && isWhole(prefix, change.itemId, before, after)) {
        wholePath = prefix;
        break;
      }
    }
    if (!wholePath) {
      out.push(change);
      continue;
    }
    const key = `${change.itemId ?? ''}\u0000${wholePath.join('\u0000')}`;
    if (merged.has(key)) continue;
    merged.add(key);
    const was = at(before, wholePath, change.itemId);
    const now = at(after, wholePath, change.itemId);
    const labelPath = wholePath.filter((part): part is string => typeof part === 'string').join('.');
    out.push({
      path: wholePath,
      labelPath,
      change: was === undefined ? 'added' : now === undefined ? 'removed' : 'changed',
      ...(change.itemId === undefined ? {} : { itemId: change.itemId }),
      ...(was === undefined ? {} : { before: was }),
      ...(now === undefined ? {} : { after: now }),
    });
  }
  return out;
}
