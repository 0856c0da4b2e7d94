/**
 * Indexes over the case file: allegations by alleged perpetrator, episodes and allegations by
 * facility, facility children, positions by facility, and who links to whom (delete checks,
 * merges, profiles, filters). Pure data structure; runs on the renderer's main thread.
 *
 * Maintained incrementally: a save removes the old version's contributions and adds the new
 * one's: adding costs the new links, removing one pass over the item list of each facility or
 * person the old version linked to (flat arrays, compact: see ItemList). Built once at load
 * (in slices, see case-data.ts). Reads go through `get(id)`, which assembles the answer from the
 * entries of that one id (a profile with 500 allegations reads 500 entries, nothing else).
 */
import type { AllegedPerpetrator, Facility, PositionStatement, Testimony } from '../../../../shared/domain';
import type { Id } from '../../vault/vault-client';

/** What the indexes read of a testimony (its summary has it). */
type TestimonyLinks = Pick<Testimony, 'allegations' | 'detentionEpisodes' | 'witnessId' | 'consentId'>;

/** An item (allegation or episode) by its testimony and position. */
export interface IndexedItem {
  readonly testimonyId: Id;
  readonly index: number;
}
export type IndexedAllegation = IndexedItem;
export type IndexedEpisode = IndexedItem;

/** A position statement and the perpetrator it belongs to. */
export interface IndexedPosition {
  readonly perpetratorId: Id;
  readonly position: PositionStatement;
}

/** A read-only lookup by id. */
export interface IndexView<V> {
  get(id: Id): V | undefined;
}

/** What the rest of the feature reads. */
export interface CaseIndexes {
  readonly allegationsByPerpetrator: IndexView<readonly IndexedAllegation[]>;
  readonly allegationsByFacility: IndexView<readonly IndexedAllegation[]>;
  readonly episodesByFacility: IndexView<readonly IndexedEpisode[]>;
  readonly testimoniesByFacility: IndexView<ReadonlySet<Id>>;
  readonly testimoniesByPerpetrator: IndexView<ReadonlySet<Id>>;
  readonly testimoniesByWitness: IndexView<ReadonlySet<Id>>;
  readonly testimoniesByConsent: IndexView<ReadonlySet<Id>>;
  readonly childrenByFacility: IndexView<readonly Id[]>;
  readonly positionsByFacility: IndexView<readonly IndexedPosition[]>;
  /** Allegations naming this perpetrator (kept as a count: list pages read it for every row). */
  allegationCount(perpetratorId: Id): number;
}

/**
 * The items (allegations or episodes) linked to one key, flat: item n is position
 * `positions[n]` of testimony `testimonyIds[n]`, a testimony's items next to each other. Two
 * arrays of ids and small integers cost 8 bytes an item, where a Map of testimonies with an
 * array of positions each cost about 60 (issue 7: seven items per testimony, 100,000 testimonies).
 */
interface ItemList {
  readonly testimonyIds: Id[];
  readonly positions: number[];
  /** Distinct testimonies among the items. */
  testimonies: number;
}

/** key → its items. */
type ItemIndex = Map<Id, ItemList>;

/**
 * Adds item `position` of testimony `testimonyId` under `key`. A testimony's items are added
 * together (addTestimony), so they are adjacent in each list: a testimony is new to the list
 * exactly when the list's last item is not one of its own.
 */
function addItem(index: ItemIndex, key: Id, testimonyId: Id, position: number): void {
  let list = index.get(key);
  if (!list) index.set(key, (list = { testimonyIds: [], positions: [], testimonies: 0 }));
  if (list.testimonyIds[list.testimonyIds.length - 1] !== testimonyId) list.testimonies += 1;
  list.testimonyIds.push(testimonyId);
  list.positions.push(position);
}

/** Removes every item of the testimonies in `gone` from the list of `key`, in one pass. */
function removeItems(index: ItemIndex, key: Id, gone: ReadonlySet<Id>): void {
  const list = index.get(key);
  if (!list) return;
  const { testimonyIds, positions } = list;
  let kept = 0;
  let previous: Id | null = null;
  // One testimony (a save) is the common case: a comparison per item, no hashing.
  const only = gone.size === 1 ? ([...gone][0] as Id) : null;
  for (let n = 0; n < testimonyIds.length; n += 1) {
    const id = testimonyIds[n] as Id;
    if (only === null ? gone.has(id) : id === only) {
      // A testimony's items are adjacent: count it once.
      if (id !== previous) list.testimonies -= 1;
    } else {
      testimonyIds[kept] = id;
      positions[kept] = positions[n] as number;
      kept += 1;
    }
    previous = id;
  }
  testimonyIds.length = kept;
  positions.length = kept;
  if (kept === 0) index.delete(key);
}

function itemsView(index: ItemIndex): IndexView<readonly IndexedItem[]> {
  return {
    get: (key) => {
      const list = index.get(key);
      return list?.testimonyIds.map((testimonyId, n) => ({ testimonyId, index: list.positions[n] as number }));
    },
  };
}

/** key → one testimony id, or several (most witnesses and consents have one testimony). */
type LinkIndex = Map<Id, Id | Id[]>;

function addLink(map: LinkIndex, key: Id, value: Id): void {
  const present = map.get(key);
  if (present === undefined) map.set(key, value);
  else if (typeof present === 'string') map.set(key, present === value ? present : [present, value]);
  else if (!present.includes(value)) present.push(value);
}

function removeLink(map: LinkIndex, key: Id, value: Id): void {
  const present = map.get(key);
  if (present === value) map.delete(key);
  else if (Array.isArray(present)) {
    const left = present.filter((id) => id !== value);
    if (left.length === 0) map.delete(key);
    else map.set(key, left.length === 1 ? (left[0] as Id) : left);
  }
}

function linksView(map: LinkIndex): IndexView<ReadonlySet<Id>> {
  return {
    get: (key) => {
      const present = map.get(key);
      return present === undefined ? undefined : new Set(typeof present === 'string' ? [present] : present);
    },
  };
}

function addTo(map: Map<Id, Set<Id>>, key: Id, value: Id): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function deleteFrom(map: Map<Id, Set<Id>>, key: Id, value: Id): void {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) map.delete(key);
}

/**
 * Calls `visit` once for each facility a testimony links to (episodes and allegations), with
 * no Set per testimony (it runs for every testimony at load). `seen` is the caller's scratch list.
 */
function forEachFacility(body: TestimonyLinks, seen: Id[], visit: (facilityId: Id) => void): void {
  seen.length = 0;
  const once = (id: Id) => {
    if (seen.includes(id)) return;
    seen.push(id);
    visit(id);
  };
  for (const episode of body.detentionEpisodes) once(episode.facilityId);
  for (const allegation of body.allegations) if (allegation.facilityId !== undefined) once(allegation.facilityId);
}

/** The mutable indexes the case store keeps up to date. */
export class MutableCaseIndexes implements CaseIndexes {
  private readonly perpetratorAllegations: ItemIndex = new Map();
  private readonly facilityAllegations: ItemIndex = new Map();
  private readonly facilityEpisodes: ItemIndex = new Map();
  /** Testimonies linking to each facility by an episode or an allegation (a count: lists read it for every row). */
  private readonly facilityTestimonies = new Map<Id, number>();
  private readonly byWitness: LinkIndex = new Map();
  private readonly byConsent: LinkIndex = new Map();
  private readonly children = new Map<Id, Set<Id>>();
  private readonly positions = new Map<Id, Map<Id, PositionStatement[]>>();
  /** Scratch list for forEachFacility (one testimony at a time). */
  private readonly seen: Id[] = [];

  readonly allegationsByPerpetrator = itemsView(this.perpetratorAllegations);
  readonly allegationsByFacility = itemsView(this.facilityAllegations);
  readonly episodesByFacility = itemsView(this.facilityEpisodes);
  readonly testimoniesByPerpetrator: IndexView<ReadonlySet<Id>> = {
    get: (id) => {
      const list = this.perpetratorAllegations.get(id);
      return list ? new Set(list.testimonyIds) : undefined;
    },
  };
  readonly testimoniesByFacility: IndexView<ReadonlySet<Id>> = {
    get: (id) => {
      const a = this.facilityAllegations.get(id);
      const e = this.facilityEpisodes.get(id);
      return a || e ? new Set([...(a?.testimonyIds ?? []), ...(e?.testimonyIds ?? [])]) : undefined;
    },
  };
  readonly testimoniesByWitness = linksView(this.byWitness);
  readonly testimoniesByConsent = linksView(this.byConsent);
  readonly childrenByFacility: IndexView<readonly Id[]> = {
    get: (id) => {
      const set = this.children.get(id);
      return set ? [...set] : undefined;
    },
  };
  readonly positionsByFacility: IndexView<readonly IndexedPosition[]> = {
    get: (id) => {
      const byPerpetrator = this.positions.get(id);
      if (!byPerpetrator) return undefined;
      return [...byPerpetrator].flatMap(([perpetratorId, list]) => list.map((position) => ({ perpetratorId, position })));
    },
  };

  allegationCount(perpetratorId: Id): number {
    return this.perpetratorAllegations.get(perpetratorId)?.testimonyIds.length ?? 0;
  }

  /** How many testimonies link to facility `id` (episodes or allegations). */
  testimonyCountAtFacility(id: Id): number {
    return this.facilityTestimonies.get(id) ?? 0;
  }

  /** How many testimonies allege something of perpetrator `id`. */
  testimonyCountOfPerpetrator(id: Id): number {
    return this.perpetratorAllegations.get(id)?.testimonies ?? 0;
  }

  /** Adds a testimony version's links. */
  addTestimony(id: Id, body: TestimonyLinks): void {
    body.allegations.forEach((allegation, position) => {
      if (allegation.perpetratorId !== undefined) addItem(this.perpetratorAllegations, allegation.perpetratorId, id, position);
      if (allegation.facilityId !== undefined) addItem(this.facilityAllegations, allegation.facilityId, id, position);
    });
    body.detentionEpisodes.forEach((episode, position) => addItem(this.facilityEpisodes, episode.facilityId, id, position));
    forEachFacility(body, this.seen, (facilityId) => this.facilityTestimonies.set(facilityId, this.testimonyCountAtFacility(facilityId) + 1));
    if (body.witnessId !== undefined) addLink(this.byWitness, body.witnessId, id);
    if (body.consentId !== undefined) addLink(this.byConsent, body.consentId, id);
  }

  /** Removes a testimony version's links (the version that was added before). */
  removeTestimony(id: Id, body: TestimonyLinks): void {
    this.removeTestimonies([[id, body]]);
  }

  /**
   * Removes the links of several testimony versions (those added before), each item list
   * they touch filtered once: a merge repointing a thousand testimonies at one facility costs
   * one pass over that facility's items, not a thousand.
   */
  removeTestimonies(versions: readonly (readonly [Id, TestimonyLinks])[]): void {
    const byPerpetrator = new Map<Id, Set<Id>>();
    const byFacilityAllegation = new Map<Id, Set<Id>>();
    const byFacilityEpisode = new Map<Id, Set<Id>>();
    const note = (map: Map<Id, Set<Id>>, key: Id | undefined, id: Id) => {
      if (key !== undefined) addTo(map, key, id);
    };
    for (const [id, body] of versions) {
      for (const allegation of body.allegations) {
        note(byPerpetrator, allegation.perpetratorId, id);
        note(byFacilityAllegation, allegation.facilityId, id);
      }
      for (const episode of body.detentionEpisodes) note(byFacilityEpisode, episode.facilityId, id);
      forEachFacility(body, this.seen, (facilityId) => {
        const left = this.testimonyCountAtFacility(facilityId) - 1;
        if (left > 0) this.facilityTestimonies.set(facilityId, left);
        else this.facilityTestimonies.delete(facilityId);
      });
      if (body.witnessId !== undefined) removeLink(this.byWitness, body.witnessId, id);
      if (body.consentId !== undefined) removeLink(this.byConsent, body.consentId, id);
    }
    for (const [key, ids] of byPerpetrator) removeItems(this.perpetratorAllegations, key, ids);
    for (const [key, ids] of byFacilityAllegation) removeItems(this.facilityAllegations, key, ids);
    for (const [key, ids] of byFacilityEpisode) removeItems(this.facilityEpisodes, key, ids);
  }

  addFacility(id: Id, body: Facility): void {
    if (body.parentId !== undefined) addTo(this.children, body.parentId, id);
  }

  removeFacility(id: Id, body: Facility): void {
    if (body.parentId !== undefined) deleteFrom(this.children, body.parentId, id);
  }

  addPerpetrator(id: Id, body: AllegedPerpetrator): void {
    for (const position of body.positions) {
      if (position.facilityId === undefined) continue;
      let byPerpetrator = this.positions.get(position.facilityId);
      if (!byPerpetrator) this.positions.set(position.facilityId, (byPerpetrator = new Map()));
      const list = byPerpetrator.get(id);
      if (list) list.push(position);
      else byPerpetrator.set(id, [position]);
    }
  }

  removePerpetrator(id: Id, body: AllegedPerpetrator): void {
    for (const position of body.positions) {
      if (position.facilityId === undefined) continue;
      const byPerpetrator = this.positions.get(position.facilityId);
      byPerpetrator?.delete(id);
      if (byPerpetrator?.size === 0) this.positions.delete(position.facilityId);
    }
  }
}

/** Every facility below `id` (children, their children, ...), cycle-safe. */
export function descendantsOf(indexes: CaseIndexes, id: Id): Id[] {
  const out: Id[] = [];
  const seen = new Set<Id>([id]);
  const queue = [...(indexes.childrenByFacility.get(id) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift() as Id;
    if (seen.has(next)) continue;
    seen.add(next);
    out.push(next);
    queue.push(...(indexes.childrenByFacility.get(next) ?? []));
  }
  return out;
}

/** Parent first up to the root, cycle-safe (a loop stops where it repeats). */
export function ancestorsOf(parentOf: (id: Id) => Id | undefined, id: Id): Id[] {
  const out: Id[] = [];
  const seen = new Set<Id>([id]);
  let current = parentOf(id);
  while (current !== undefined && !seen.has(current)) {
    out.push(current);
    seen.add(current);
    current = parentOf(current);
  }
  return out;
}
