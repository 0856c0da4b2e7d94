/**
 * Indexes over the case file: allegations by alleged perpetrator, episodes and allegations by
 * facility, facility children, positions by facility, and who links to whom (delete checks,
 * merges, profiles, filters). Pure data structure; runs on the renderer's main thread.
 *
 * Maintained incrementally: a save removes the old version's contributions and adds the new
 * one's, so the cost of a save does not grow with the archive. Built once at load (in
 * slices, see case-data.ts). Reads go through `get(id)`, which assembles the answer from the
 * entries of that one id (a profile with 500 allegations reads 500 entries, nothing else).
 */
import type { AllegedPerpetrator, Facility, PositionStatement, Testimony } from '../../../../shared/domain';

/** What the indexes read of a testimony (its summary has it). */
type TestimonyLinks = Pick<Testimony, 'allegations' | 'detentionEpisodes' | 'witnessId' | 'consentId'>;
import type { Id } from '../../vault/vault-client';

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

/** key → testimony → item positions. */
type ItemIndex = Map<Id, Map<Id, number[]>>;

function addItem(index: ItemIndex, key: Id, testimonyId: Id, position: number): void {
  let byTestimony = index.get(key);
  if (!byTestimony) index.set(key, (byTestimony = new Map()));
  const list = byTestimony.get(testimonyId);
  if (list) list.push(position);
  else byTestimony.set(testimonyId, [position]);
}

function removeTestimonyFrom(index: ItemIndex, key: Id, testimonyId: Id): number {
  const byTestimony = index.get(key);
  const removed = byTestimony?.get(testimonyId)?.length ?? 0;
  byTestimony?.delete(testimonyId);
  if (byTestimony?.size === 0) index.delete(key);
  return removed;
}

function itemsView(index: ItemIndex): IndexView<readonly IndexedItem[]> {
  return {
    get: (key) => {
      const byTestimony = index.get(key);
      if (!byTestimony) return undefined;
      const out: IndexedItem[] = [];
      for (const [testimonyId, positions] of byTestimony) for (const position of positions) out.push({ testimonyId, index: position });
      return out;
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

/** The mutable indexes the case store keeps up to date. */
export class MutableCaseIndexes implements CaseIndexes {
  private readonly perpetratorAllegations: ItemIndex = new Map();
  private readonly facilityAllegations: ItemIndex = new Map();
  private readonly facilityEpisodes: ItemIndex = new Map();
  private readonly allegationCounts = new Map<Id, number>();
  private readonly byWitness = new Map<Id, Set<Id>>();
  private readonly byConsent = new Map<Id, Set<Id>>();
  private readonly children = new Map<Id, Set<Id>>();
  private readonly positions = new Map<Id, Map<Id, PositionStatement[]>>();

  readonly allegationsByPerpetrator = itemsView(this.perpetratorAllegations);
  readonly allegationsByFacility = itemsView(this.facilityAllegations);
  readonly episodesByFacility = itemsView(this.facilityEpisodes);
  readonly testimoniesByPerpetrator: IndexView<ReadonlySet<Id>> = {
    get: (id) => {
      const byTestimony = this.perpetratorAllegations.get(id);
      return byTestimony ? new Set(byTestimony.keys()) : undefined;
    },
  };
  readonly testimoniesByFacility: IndexView<ReadonlySet<Id>> = {
    get: (id) => {
      const a = this.facilityAllegations.get(id);
      const e = this.facilityEpisodes.get(id);
      return a || e ? new Set([...(a?.keys() ?? []), ...(e?.keys() ?? [])]) : undefined;
    },
  };
  readonly testimoniesByWitness: IndexView<ReadonlySet<Id>> = { get: (id) => this.byWitness.get(id) };
  readonly testimoniesByConsent: IndexView<ReadonlySet<Id>> = { get: (id) => this.byConsent.get(id) };
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
    return this.allegationCounts.get(perpetratorId) ?? 0;
  }

  /** How many testimonies link to facility `id` (episodes or allegations). */
  testimonyCountAtFacility(id: Id): number {
    return this.testimoniesByFacility.get(id)?.size ?? 0;
  }

  /** How many testimonies allege something of perpetrator `id`. */
  testimonyCountOfPerpetrator(id: Id): number {
    return this.perpetratorAllegations.get(id)?.size ?? 0;
  }

  /** Adds a testimony version's links. */
  addTestimony(id: Id, body: TestimonyLinks): void {
    body.allegations.forEach((allegation, index) => {
      if (allegation.perpetratorId !== undefined) {
        addItem(this.perpetratorAllegations, allegation.perpetratorId, id, index);
        this.allegationCounts.set(allegation.perpetratorId, this.allegationCount(allegation.perpetratorId) + 1);
      }
      if (allegation.facilityId !== undefined) addItem(this.facilityAllegations, allegation.facilityId, id, index);
    });
    body.detentionEpisodes.forEach((episode, index) => addItem(this.facilityEpisodes, episode.facilityId, id, index));
    if (body.witnessId !== undefined) addTo(this.byWitness, body.witnessId, id);
    if (body.consentId !== undefined) addTo(this.byConsent, body.consentId, id);
  }

  /** Removes a testimony version's links (the version that was added before). */
  removeTestimony(id: Id, body: TestimonyLinks): void {
    for (const allegation of body.allegations) {
      if (allegation.perpetratorId !== undefined) {
        const removed = removeTestimonyFrom(this.perpetratorAllegations, allegation.perpetratorId, id);
        const left = this.allegationCount(allegation.perpetratorId) - removed;
        if (left > 0) this.allegationCounts.set(allegation.perpetratorId, left);
        else this.allegationCounts.delete(allegation.perpetratorId);
      }
      if (allegation.facilityId !== undefined) removeTestimonyFrom(this.facilityAllegations, allegation.facilityId, id);
    }
    for (const episode of body.detentionEpisodes) removeTestimonyFrom(this.facilityEpisodes, episode.facilityId, id);
    if (body.witnessId !== undefined) deleteFrom(this.byWitness, body.witnessId, id);
    if (body.consentId !== undefined) deleteFrom(this.byConsent, body.consentId, id);
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
