/**
 * The facility hierarchy (facility › building › wing › cell) as the forms and lists need it.
 * Runs anywhere.
 */
import type { Id, Lang } from '../../../../shared/domain';
import { displayName } from '../records';
import { neutraliseBidi } from './form-kit/name-text';

/** What the hierarchy helpers read from a facility entry. */
export interface TreeEntry {
  readonly id: Id;
  readonly body: { readonly names: readonly { readonly text: string; readonly lang?: string | undefined; readonly kind: string }[]; readonly parentId?: Id | undefined };
}

/** Every facility below `id` (its parts, their parts…), found from the parent links. */
export function descendantIds(id: Id, entries: Iterable<TreeEntry>): Set<Id> {
  const children = new Map<Id, Id[]>();
  for (const entry of entries) {
    const parent = entry.body.parentId;
    if (parent === undefined) continue;
    const list = children.get(parent);
    if (list) list.push(entry.id);
    else children.set(parent, [entry.id]);
  }
  const found = new Set<Id>();
  const queue = [id];
  // `found` also stops a loop already in the data (imported, or written by an older version).
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const child of children.get(next) ?? []) {
      if (!found.has(child) && child !== id) {
        found.add(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** Facilities that cannot be the parent of `id`: itself and every part of it. Empty for a new facility. */
export function forbiddenParents(id: Id | undefined, entries: Iterable<TreeEntry>): Set<Id> {
  if (id === undefined) return new Set();
  const forbidden = descendantIds(id, entries);
  forbidden.add(id);
  return forbidden;
}

/** Names from the root down to the facility itself, in `lang` (stops at a loop). */
export function pathNames(id: Id, byId: ReadonlyMap<Id, TreeEntry>, lang: Lang): string[] {
  const names: string[] = [];
  const seen = new Set<Id>();
  for (let current = byId.get(id); current && !seen.has(current.id); current = current.body.parentId === undefined ? undefined : byId.get(current.body.parentId)) {
    seen.add(current.id);
    names.unshift(displayName(current.body.names, lang));
  }
  return names;
}

/**
 * A path as plain text for places that cannot hold markup (a `<select>` option): with more
 * than one name, each is wrapped in a first-strong isolate (FSI … PDI), the plain-text form of
 * `<bdi>`, after its own bidi controls are neutralised.
 */
export function pathText(names: readonly string[]): string {
  // A single name has nothing around it to reorder: left as typed, so it reads (and matches) plainly.
  if (names.length === 1) return neutraliseBidi(names[0] ?? '');
  return names.map((name) => `\u2068${neutraliseBidi(name)}\u2069`).join(' › ');
}
