/**
 * Helpers for the stream and bundle tests: byte sources of any piece size, collection, and
 * assertions on typed errors.
 */
import { expect } from 'vitest';
import { concatBytes } from '../../../../shared/crypto/bytes';

/** Deterministic non-trivial bytes (not random: reproducible failures). */
export function pattern(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Yields `bytes` in pieces of `pieceSize` (default: all at once). */
export async function* source(bytes: Uint8Array, pieceSize = bytes.length || 1): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += pieceSize) yield bytes.subarray(offset, offset + pieceSize);
}

/** Yields each array as one item (rows). */
export async function* items(list: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const item of list) yield item;
}

/** Collects an async iterable into one array. */
export async function collect(iterable: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const part of iterable) parts.push(part.slice());
  return concatBytes(...parts);
}

/** Collects an async iterable into its items. */
export async function collectItems(iterable: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const part of iterable) out.push(part.slice());
  return out;
}

/** Concatenates arrays. */
export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A copy with bit `bit` flipped (bit 0 = most significant bit of byte 0). */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  const index = Math.floor(bit / 8);
  out[index] = (out[index] ?? 0) ^ (0x80 >>> bit % 8);
  return out;
}

/** Awaits `run`, asserts it rejects with an error of `type` and `code`, and returns the error. */
export async function failsWith<T extends Error & { code: string }>(run: () => Promise<unknown>, type: abstract new (...args: never[]) => T, code: string): Promise<T> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(type);
  expect((caught as T).code, (caught as Error).message).toBe(code);
  return caught as T;
}

/**
 * A short, comparable summary of bytes (length and an FNV-1a checksum; not cryptographic, only
 * to compare): compare this rather than large arrays, whose failure diff takes minutes and
 * gigabytes to print.
 */
export function digest(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const byte of bytes) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return `${bytes.length}:${h.toString(16)}`;
}
