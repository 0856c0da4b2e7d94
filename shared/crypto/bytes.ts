/**
 * Big-endian byte reading and writing for the binary formats. The reader is strict: every
 * read is bounds-checked against what is left, and running out throws the error the caller's
 * format chose, so no format can allocate or slice past the input.
 */

/** Largest integer a u64 field may hold here: JavaScript numbers are exact only up to 2^53 − 1. */
export const MAX_U64_SAFE = Number.MAX_SAFE_INTEGER;

/** Concatenates byte arrays into a new array (a buffer of its own, so it can be transferred). */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** ASCII-only text to bytes (format labels and identifiers; never user text). */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7e || code < 0x20) throw new TypeError('not printable ASCII');
    out[i] = code;
  }
  return out;
}

function checkUint(value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new RangeError('integer out of range for its field');
  }
}

/** Accumulates big-endian fields; `finish()` returns one contiguous array. */
export class ByteWriter {
  private readonly parts: Uint8Array[] = [];

  u8(value: number): this {
    checkUint(value, 0xff);
    this.parts.push(Uint8Array.of(value));
    return this;
  }

  u16(value: number): this {
    checkUint(value, 0xffff);
    this.parts.push(Uint8Array.of(value >>> 8, value & 0xff));
    return this;
  }

  u32(value: number): this {
    checkUint(value, 0xffffffff);
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, value);
    this.parts.push(out);
    return this;
  }

  /** Writes a u64; values above 2^53 − 1 are refused rather than rounded. */
  u64(value: number): this {
    checkUint(value, MAX_U64_SAFE);
    const out = new Uint8Array(8);
    const view = new DataView(out.buffer);
    view.setUint32(0, Math.floor(value / 2 ** 32));
    view.setUint32(4, value >>> 0);
    this.parts.push(out);
    return this;
  }

  bytes(value: Uint8Array): this {
    this.parts.push(value);
    return this;
  }

  finish(): Uint8Array {
    return concatBytes(...this.parts);
  }
}

/** Encodes a u64 on its own (audit chain, associated data). */
export function u64be(value: number): Uint8Array {
  return new ByteWriter().u64(value).finish();
}

/**
 * Reads big-endian fields from a view of the input. `fail` builds the format's own typed
 * error, called with 'truncated' when a read would run past the end and with 'overflow'
 * when a u64 exceeds 2^53 − 1.
 */
export class ByteReader {
  private offset = 0;

  constructor(
    private readonly input: Uint8Array,
    private readonly fail: (why: 'truncated' | 'overflow') => Error,
  ) {}

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.input.length - this.offset;
  }

  /** A view of already-read input between two positions (e.g. a header to authenticate). */
  view(start: number, end: number): Uint8Array {
    if (start < 0 || end < start || end > this.offset) throw this.fail('truncated');
    return this.input.subarray(start, end);
  }

  /** Returns a view (not a copy) of the next `length` bytes. */
  take(length: number): Uint8Array {
    if (!Number.isSafeInteger(length) || length < 0 || length > this.remaining) throw this.fail('truncated');
    const out = this.input.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  u8(): number {
    return this.take(1)[0] ?? 0;
  }

  u16(): number {
    const b = this.take(2);
    return ((b[0] ?? 0) << 8) | (b[1] ?? 0);
  }

  u32(): number {
    const b = this.take(4);
    return new DataView(b.buffer, b.byteOffset, 4).getUint32(0);
  }

  u64(): number {
    const b = this.take(8);
    const view = new DataView(b.buffer, b.byteOffset, 8);
    const high = view.getUint32(0);
    if (high > 0x1fffff) throw this.fail('overflow');
    return high * 2 ** 32 + view.getUint32(4);
  }
}
