/**
 * Argument checks shared by both OpenedFile implementations, so a caller's bug (a negative or
 * fractional offset, an absurd length) fails the same way on the desktop and in the browser.
 */

/** Throws a RangeError unless `offset` and `length` describe a readable slice. */
export function assertReadRange(offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`bad read offset: ${offset}`);
  if (!Number.isSafeInteger(length) || length <= 0) throw new RangeError(`bad read length: ${length}`);
}
