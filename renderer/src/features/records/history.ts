/**
 * Version history and the field-level difference between two versions. Pure; runs anywhere.
 *
 * Arrays of objects that carry an `id` (sessions, episodes, allegations) are matched by id,
 * so inserting an allegation at the top shows one added allegation, not every one changed.
 * Other arrays of objects (names, positions, translations) are compared by position; arrays
 * of plain values (acts, tags, scopes) are reported as one change of the whole list, which is
 * how a reader thinks of them ("acts: beating, falaqa → beating").
 */
import type { LiveRecord } from '../../vault/vault-client';
import { isDeepStrictEqual } from './deep-equal';
import type { FieldChange, VersionEntry } from './types';

type Path = (string | number)[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasId = (value: unknown): value is { id: string } & Record<string, unknown> => isObject(value) && typeof value['id'] === 'string';

function labelPathOf(path: readonly (string | number)[]): string {
  return path.filter((part): part is string => typeof part === 'string').join('.');
}

class Differ {
  readonly changes: FieldChange[] = [];

  private push(path: Path, change: FieldChange['change'], before: unknown, after: unknown, itemId: string | undefined): void {
    this.changes.push({
      path: [...path],
      labelPath: labelPathOf(path),
      change,
      ...(itemId === undefined ? {} : { itemId }),
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    });
  }

  walk(before: unknown, after: unknown, path: Path, itemId: string | undefined): void {
    if (isDeepStrictEqual(before, after)) return;
    if (before === undefined) return this.push(path, 'added', undefined, after, itemId);
    if (after === undefined) return this.push(path, 'removed', before, undefined, itemId);
    if (isObject(before) && isObject(after)) {
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        this.walk(before[key], after[key], [...path, key], itemId);
      }
      return;
    }
    if (Array.isArray(before) && Array.isArray(after)) return this.array(before, after, path, itemId);
    this.push(path, 'changed', before, after, itemId);
  }

  private array(before: readonly unknown[], after: readonly unknown[], path: Path, itemId: string | undefined): void {
    const all = [...before, ...after];
    if (all.length > 0 && all.every(hasId)) return this.byId(before as { id: string }[], after as { id: string }[], path);
    if (all.some((item) => isObject(item) || Array.isArray(item))) {
      const length = Math.max(before.length, after.length);
      for (let index = 0; index < length; index += 1) this.walk(before[index], after[index], [...path, index], itemId);
      return;
    }
    this.push(path, 'changed', before, after, itemId);
  }

  private byId(before: readonly { id: string }[], after: readonly { id: string }[], path: Path): void {
    const old = new Map(before.map((item, index) => [item.id, { item, index }]));
    const seen = new Set<string>();
    after.forEach((item, index) => {
      seen.add(item.id);
      const previous = old.get(item.id);
      this.walk(previous?.item, item, [...path, index], item.id);
    });
    for (const [id, { item, index }] of old) if (!seen.has(id)) this.walk(item, undefined, [...path, index], id);
  }
}

/**
 * Field-level changes from `before` to `after` (two bodies of the same record), in field
 * order. Each change has its path, a label path for the UI (`allegations.acts`) and, inside
 * arrays matched by id, the item's id.
 */
export function diffFields(before: unknown, after: unknown): FieldChange[] {
  const differ = new Differ();
  differ.walk(before, after, [], undefined);
  return differ.changes;
}

/** The vault's versions as history entries (the vault records no author: "this device"). */
export function toVersionEntries<T>(versions: readonly LiveRecord<T>[]): VersionEntry<T>[] {
  return versions.map((record) => ({ version: record.version, savedAt: record.savedAt, author: { kind: 'this-device' }, body: record.body }));
}
