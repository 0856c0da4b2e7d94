/**
 * Argument checks shared by both OpenedFile implementations, so a caller's bug (a negative or
 * fractional offset, an absurd length) fails the same way on the desktop and in the browser.
 */

/** Throws a RangeError unless `offset` and `length` describe a readable slice. */
export function assertReadRange(offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`bad read offset: ${offset}`);
  if (!Number.isSafeInteger(length) || length <= 0) throw new RangeError(`bad read length: ${length}`);
}

/** Joins byte arrays into one; used when a read had to be split into several calls. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
