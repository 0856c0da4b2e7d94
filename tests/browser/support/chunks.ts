/** Async chunk producers for save tests. */

/** Yields each array in turn, and records whether the consumer closed it early. */
export function chunksOf(parts: Uint8Array[]): AsyncIterable<Uint8Array> & { pulled: number; finished: boolean } {
  const source = {
    pulled: 0,
    finished: false,
    async *[Symbol.asyncIterator]() {
      try {
        for (const part of parts) {
          source.pulled += 1;
          yield part;
        }
      } finally {
        source.finished = true;
      }
    },
  };
  return source;
}

/** Yields the given parts, then throws. */
export async function* failingAfter(parts: Uint8Array[], error: Error): AsyncIterable<Uint8Array> {
  for (const part of parts) yield part;
  throw error;
}

/** Bytes 0, 1, 2, … wrapping at 256. */
export function countingBytes(length: number, start = 0): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length }, (_, index) => (start + index) % 256);
}

/**
 * Compares large byte arrays quickly (deep equality on megabytes takes seconds) while still
 * saying where they differ: expect(sameBytes(a, b)).toEqual({ length: b.length, firstDifference: -1 }).
 */
export function sameBytes(actual: Uint8Array | undefined, expected: Uint8Array): { length: number; firstDifference: number } {
  if (!actual) return { length: -1, firstDifference: 0 };
  const shorter = Math.min(actual.byteLength, expected.byteLength);
  let firstDifference = actual.byteLength === expected.byteLength ? -1 : shorter;
  for (let index = 0; index < shorter; index += 1) {
    if (actual[index] !== expected[index]) {
      firstDifference = index;
      break;
    }
  }
  return { length: actual.byteLength, firstDifference };
}
