/**
 * Padmé padding (Nikitin et al., "Reducing Metadata Leakage from Encrypted Files and
 * Communication with PURBs", PETS 2019) with a 256-byte floor: a padded length reveals about
 * log2(log2(L)) bits of the true length, at a cost of at most 1/16 above the floor (1/32 from
 * 64 KiB), and every record below 256 bytes looks alike.
 */

/** Every padded plaintext is at least this long. */
export const MIN_PADDED_BYTES = 256;

/** Bit length of a positive integer below 2^32. */
function bitLength(n: number): number {
  return 32 - Math.clz32(n);
}

/** The padded length for a plaintext of `length` bytes (0 < length < 2^31). */
export function paddedLength(length: number): number {
  if (!Number.isSafeInteger(length) || length < 0 || length >= 2 ** 31) throw new RangeError('length out of range');
  if (length <= MIN_PADDED_BYTES) return MIN_PADDED_BYTES;
  const e = bitLength(length) - 1; // floor(log2 L)
  const s = bitLength(e); // floor(log2 e) + 1
  const lastBits = e - s;
  const unit = 2 ** lastBits;
  return Math.ceil(length / unit) * unit;
}
