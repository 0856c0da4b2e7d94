/**
 * Structural equality of JSON-like values (what record bodies are). Pure; runs anywhere.
 */

/** True if `a` and `b` are equal JSON-like values (plain objects, arrays, primitives). */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => isDeepStrictEqual(item, b[index]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  // Keys holding undefined count as absent (exactOptionalPropertyTypes never stores them).
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!isDeepStrictEqual(ra[key], rb[key])) return false;
  return true;
}
