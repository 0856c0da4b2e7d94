/**
 * Canonical JSON: one byte string per value, so a hash over it can be recomputed from the
 * decoded value. Object keys sorted by UTF-16 code units (as RFC 8785), no whitespace,
 * strings as `JSON.stringify` writes them, numbers restricted to safe integers (float
 * formatting is where implementations disagree), bounded depth and size.
 */

/** A JSON value that has exactly one canonical encoding. */
export type CanonicalJson = null | boolean | number | string | readonly CanonicalJson[] | { readonly [key: string]: CanonicalJson };

const MAX_DEPTH = 16;

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Which numbers are accepted. `integers` (the default, for manifests and keyrings) keeps the
 * format simple for other implementers; `finite` admits any finite number, written as
 * ECMAScript's Number::toString writes it (RFC 8785 §3.2.2.3: shortest round trip, exactly
 * specified), for record bodies that carry coordinates.
 */
export type CanonicalNumbers = 'integers' | 'finite';

function write(value: unknown, depth: number, out: string[], numbers: CanonicalNumbers): void {
  if (depth > MAX_DEPTH) throw new TypeError('nested too deeply');
  if (value === null || typeof value === 'boolean') {
    out.push(String(value));
  } else if (typeof value === 'number') {
    if (numbers === 'integers' ? !Number.isSafeInteger(value) : !Number.isFinite(value)) throw new TypeError('number has no canonical form');
    out.push(String(value === 0 ? 0 : value));
  } else if (typeof value === 'string') {
    out.push(JSON.stringify(value));
  } else if (Array.isArray(value)) {
    // An index loop, not forEach: forEach skips holes, so [1, , 3] would encode as [1,3] and
    // the hash would cover a value other than the one stored. A hole reads as undefined and is refused.
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      write(value[i], depth + 1, out, numbers);
    }
    out.push(']');
  } else if (typeof value === 'object' && isPlainObject(value)) {
    out.push('{');
    Object.keys(value)
      .sort()
      .forEach((key, i) => {
        if (i > 0) out.push(',');
        out.push(JSON.stringify(key), ':');
        write(value[key], depth + 1, out, numbers);
      });
    out.push('}');
  } else {
    throw new TypeError('not a canonical JSON value');
  }
}

/**
 * Encodes `value` canonically as UTF-8. Throws `TypeError` for anything without one canonical
 * form (undefined, functions, class instances, non-integers) or above `maxBytes`.
 */
export function canonicalJsonBytes(value: unknown, maxBytes: number, numbers: CanonicalNumbers = 'integers'): Uint8Array {
  const out: string[] = [];
  write(value, 0, out, numbers);
  const bytes = new TextEncoder().encode(out.join(''));
  if (bytes.length > maxBytes) throw new TypeError('canonical JSON too large');
  return bytes;
}
