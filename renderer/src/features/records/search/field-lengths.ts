/**
 * The testimony index's per-document field lengths in one typed array. Runs in the search worker.
 *
 * Why: minisearch keeps a `Map<shortId, number[]>` (a Map entry and a small array per
 * testimony: about 7 MB at 100,000) and reads it once per posting while scoring (a Map lookup
 * for each of up to 100,000 matches of a common word). Here each (document, field) is one
 * Uint32 at `shortId × fields + fieldId`, holding the length + 1, so 0 means "no such document"
 * and the scorer (testimony-scorer.ts) reads lengths and liveness without a lookup.
 *
 * It stands in for minisearch 7's Map with the calls minisearch makes on it: `get` (a fresh
 * array: minisearch only reads it), `set(id, [])` while adding a document, after which
 * minisearch writes each field's length into that same array, so the array is held as
 * `pending` and folded in before any other read; and `delete` when a document is discarded.
 */
import type { FieldLengthMap } from './index-internals';

export class FieldLengths implements FieldLengthMap {
  private lengths: Uint32Array;
  private pending: { readonly id: number; readonly row: number[] } | null = null;

  constructor(
    readonly fields: number,
    capacity = 0,
  ) {
    this.lengths = new Uint32Array(capacity * fields);
  }

  /** The folded table (length + 1 per document and field; 0: no document), valid until the next change. */
  table(): Uint32Array {
    this.flush();
    return this.lengths;
  }

  /** Documents the table has room for. */
  get capacity(): number {
    return this.lengths.length / this.fields;
  }

  private ensure(id: number): void {
    if ((id + 1) * this.fields <= this.lengths.length) return;
    const grown = new Uint32Array(Math.max(id + 1, Math.ceil(this.capacity * 1.5) + 64) * this.fields);
    grown.set(this.lengths);
    this.lengths = grown;
  }

  private flush(): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.write(pending.id, pending.row);
  }

  /** Sets the lengths of document `id` (a missing field is stored as absent). */
  put(id: number, row: ArrayLike<number | undefined>): void {
    this.flush();
    this.write(id, row);
  }

  private write(id: number, row: ArrayLike<number | undefined>): void {
    this.ensure(id);
    const at = id * this.fields;
    for (let field = 0; field < this.fields; field += 1) {
      const length = row[field];
      this.lengths[at + field] = length === undefined ? 0 : Math.min(Math.max(0, Math.trunc(length)), 0xfffffffe) + 1;
    }
  }

  get(id: number): number[] | undefined {
    if (this.pending?.id === id) return this.pending.row;
    this.flush();
    if (!this.has(id)) return undefined;
    const at = id * this.fields;
    const row: number[] = [];
    for (let field = 0; field < this.fields; field += 1) {
      const stored = this.lengths[at + field] ?? 0;
      if (stored !== 0) row[field] = stored - 1;
    }
    return row;
  }

  has(id: number): boolean {
    if (this.pending?.id === id) return true;
    this.flush();
    if (!Number.isSafeInteger(id) || id < 0 || id >= this.capacity) return false;
    const at = id * this.fields;
    for (let field = 0; field < this.fields; field += 1) if (this.lengths[at + field] !== 0) return true;
    return false;
  }

  set(id: number, row: number[]): this {
    this.flush();
    this.pending = { id, row };
    return this;
  }

  delete(id: number): boolean {
    const had = this.has(id);
    this.flush();
    if (had) this.lengths.fill(0, id * this.fields, (id + 1) * this.fields);
    return had;
  }

  /** Drops spare room above `nextId` (a save is a good moment: the index is settled). */
  trim(nextId: number): void {
    this.flush();
    if (nextId * this.fields < this.lengths.length) this.lengths = this.lengths.slice(0, nextId * this.fields);
  }
}
