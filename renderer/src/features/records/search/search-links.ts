/**
 * Which facilities and alleged perpetrators each indexed testimony links to, held compactly.
 * Runs in the search worker.
 *
 * Why: a testimony is found by the names of what it links to, but those names are indexed
 * once, in the facility's or perpetrator's own document; a query expands a matching name to
 * the testimonies that link it (search-engine.ts). Copying the names into every linking
 * testimony's document made them about a quarter of the index's postings (issue 7: memory at
 * 100,000), and every rename re-indexed every linking testimony.
 *
 * Each linked id is held once, as a small number; each testimony gets a slot number; a
 * testimony's links are a short array of entity numbers, and an entity's linking testimonies
 * a PostingList of slots (4 bytes each), instead of per-testimony copies of the id strings
 * (each structured clone makes new ones) and Sets of ids.
 */
import type { Id } from '../../../vault/vault-client';
import { PostingList } from './posting-list';

const NONE: readonly number[] = Object.freeze([]);

/** Links between testimonies (by slot) and linked entities (by number). */
export class LinkTable {
  /** Entity number of each linked id seen (kept while the table lives: a few thousand at most). */
  private readonly numbers = new Map<Id, number>();
  private readonly entities: Id[] = [];
  /** Testimonies linking each entity, by slot. */
  private readonly linking: PostingList[] = [];
  /** Testimony of each slot, and its links (entity numbers); undefined for a free slot. */
  private readonly testimonies: (Id | undefined)[] = [];
  private readonly links: (readonly number[])[] = [];
  /** Short id in the testimony index of each slot's testimony (the scorer adds linked scores by it). */
  private docs: Int32Array;
  private readonly free: number[] = [];

  /** `capacity`: testimonies expected (a restore knows how many), so the table is not regrown on the way. */
  constructor(capacity = 0) {
    this.docs = new Int32Array(capacity);
  }

  /** Every entity id with a number, in number order (a snapshot writes links as these numbers). */
  get entityIds(): readonly Id[] {
    return this.entities;
  }

  /** The number of `entity`, given one if it has none yet. */
  numberOf(entity: Id): number {
    let number = this.numbers.get(entity);
    if (number === undefined) {
      number = this.entities.length;
      this.numbers.set(entity, number);
      this.entities.push(entity);
      this.linking.push(PostingList.sorted(new Int32Array(0), null));
    }
    return number;
  }

  /** Gives `testimony` (short id `doc` in the testimony index) a slot linking `entities` (ids); returns the slot. */
  add(testimony: Id, doc: number, entities: Iterable<Id>): number {
    const numbers = new Set<number>();
    for (const entity of entities) numbers.add(this.numberOf(entity));
    return this.addNumbered(testimony, doc, [...numbers]);
  }

  /** As `add`, with entity numbers already given (a restored snapshot); they must exist. */
  addNumbered(testimony: Id, doc: number, numbers: readonly number[]): number {
    const slot = this.free.pop() ?? this.testimonies.length;
    this.testimonies[slot] = testimony;
    this.links[slot] = numbers.length === 0 ? NONE : numbers;
    this.ensureDoc(slot);
    this.docs[slot] = doc;
    for (const number of numbers) this.linking[number]?.set(slot, 1);
    return slot;
  }

  /**
   * As `addNumbered`, for a restore adding every testimony in a row: the entities' lists of
   * linking testimonies are left for `linkAll`, which makes each at its exact size (grown link
   * by link, the lists of a common facility left ~4 times their size in outgrown arrays behind).
   */
  addRestored(testimony: Id, doc: number, numbers: readonly number[]): number {
    const slot = this.testimonies.length;
    this.testimonies[slot] = testimony;
    this.links[slot] = numbers.length === 0 ? NONE : numbers;
    this.ensureDoc(slot);
    this.docs[slot] = doc;
    return slot;
  }

  /** Makes every entity's list of linking slots from the testimonies' links (after `addRestored`). */
  linkAll(): void {
    const counts = new Int32Array(this.entities.length);
    for (const numbers of this.links) for (const number of numbers) counts[number] = (counts[number] ?? 0) + 1;
    const lists = Array.from(counts, (count) => new Int32Array(count));
    counts.fill(0);
    // Slots ascending: each list comes out sorted, as PostingList.sorted needs.
    for (const [slot, numbers] of this.links.entries()) {
      if (this.testimonies[slot] === undefined) continue;
      for (const number of numbers) {
        const list = lists[number];
        const at = counts[number] ?? 0;
        if (list) list[at] = slot;
        counts[number] = at + 1;
      }
    }
    for (const [number, list] of lists.entries()) this.linking[number] = PostingList.sorted(list, null);
  }

  private ensureDoc(slot: number): void {
    if (slot < this.docs.length) return;
    const grown = new Int32Array(Math.max(slot + 1, Math.ceil(this.docs.length * 1.5) + 64));
    grown.set(this.docs);
    this.docs = grown;
  }

  /** Frees `slot` and its links. */
  remove(slot: number): void {
    if (this.testimonies[slot] === undefined) return;
    for (const number of this.links[slot] ?? NONE) this.linking[number]?.delete(slot);
    this.testimonies[slot] = undefined;
    this.links[slot] = NONE;
    this.free.push(slot);
  }

  /** Slots handed out so far (each below this), free ones included. */
  get slots(): number {
    return this.testimonies.length;
  }

  /** Entity numbers `slot` links to. */
  numbersOf(slot: number): readonly number[] {
    return this.links[slot] ?? NONE;
  }

  /** Entity ids `slot` links to. */
  linkedIds(slot: number): Id[] {
    return this.numbersOf(slot).flatMap((number) => this.entities[number] ?? []);
  }

  /** Whether `slot` links `entity`. */
  slotLinks(slot: number, entity: Id): boolean {
    const number = this.numbers.get(entity);
    return number !== undefined && this.numbersOf(slot).includes(number);
  }

  /** Calls `visit` with the short id of each testimony linking `entity` (no copy of the list). */
  forEachLinking(entity: Id, visit: (doc: number) => void): void {
    const number = this.numbers.get(entity);
    const list = number === undefined ? undefined : this.linking[number];
    if (!list) return;
    const { ids, freqs, used } = list.view();
    for (let at = 0; at < used; at += 1) {
      const slot = ids[at] ?? 0;
      if ((freqs === null || freqs[at] !== 0) && this.testimonies[slot] !== undefined) visit(this.docs[slot] ?? 0);
    }
  }
}
