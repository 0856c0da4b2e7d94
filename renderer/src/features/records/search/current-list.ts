/**
 * Every live testimony and its version, as the main thread tells the search worker at unlock
 * (search-client.ts → search-worker-core.ts): the ids in one string, the versions in one array.
 * Pure.
 *
 * Why: as a list of [id, version] pairs, 100,000 testimonies were 100,000 arrays and strings
 * made in the worker by the structured clone, then a Map of them, all garbage once the restore
 * had compared them with the index (issue 7: the search worker's heap right after search
 * ready). Ids are 22 characters each (shared/domain/ids), so one string holds them all, cut
 * apart as they are read; the versions travel as one transferred buffer.
 */
import type { Id } from '../../../vault/vault-client';

/** Characters of an id (shared/domain/ids: 16 bytes as canonical base64url). */
const ID_CHARS = 22;

/** The live testimonies: id `i` is `ids.slice(22i, 22i + 22)`, its version `versions[i]`. */
export interface CurrentList {
  readonly ids: string;
  readonly versions: Float64Array<ArrayBuffer>;
}

/** `current` (id, version) pairs in the compact form. */
export function currentList(current: readonly (readonly [Id, number])[]): CurrentList {
  const versions = new Float64Array(current.length);
  const ids: Id[] = [];
  for (const [at, [id, version]] of current.entries()) {
    if (id.length !== ID_CHARS) throw new RangeError('not a record id');
    ids.push(id);
    versions[at] = version;
  }
  return { ids: ids.join(''), versions };
}

/** The (id, version) pairs of `list`, one at a time; throws if it is not shaped as `currentList` makes it. */
export function* currentEntries(list: CurrentList): Generator<[Id, number]> {
  const { ids, versions } = list;
  if (ids.length !== versions.length * ID_CHARS) throw new RangeError('a list of current testimonies that does not hold together');
  for (let at = 0; at < versions.length; at += 1) yield [ownString(ids, at * ID_CHARS), versions[at] ?? 0];
}

/**
 * The id at `from` as a string of its own: a `slice` would be a view that keeps the whole list
 * alive for as long as any id taken from it is (the stale ids a restore keeps until indexed).
 */
function ownString(ids: string, from: number): Id {
  const codes: number[] = [];
  for (let at = from; at < from + ID_CHARS; at += 1) codes.push(ids.charCodeAt(at));
  return String.fromCharCode(...codes);
}
