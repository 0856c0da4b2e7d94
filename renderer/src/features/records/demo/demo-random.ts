/**
 * A small seeded random source for the demo data: the same seed gives the same vault every
 * time (tests compare it; a trainer can point at "T-2025-0007" in a workshop). Never used for
 * anything secret. Pure.
 */
import { idFromBytes, type Id } from '../../../../../shared/domain';

/** mulberry32: fast, tiny, good enough to vary synthetic records. */
export class DemoRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** `count` distinct elements (fewer if the list is shorter). */
  some<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }

  /** A record id from 16 pseudo-random bytes (deterministic; fine in a demo vault). */
  id(): Id {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < 16; i += 1) bytes[i] = Math.floor(this.next() * 256);
    return idFromBytes(bytes);
  }
}
