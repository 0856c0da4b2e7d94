/**
 * Reading a saved index's bytes (search-snapshot.ts, format 4) a few kilobytes at a time.
 * Pure; runs in the search worker.
 *
 * Why: decoding each line (up to 256 K characters) into one string and parsing it whole made,
 * per line, a string in V8's large-object space and a tree of arrays larger than the postings it
 * described, both alive while the line was folded into the index: they outlived the young
 * generation's collections and were left as old-generation garbage, about 150 MB at 100,000
 * testimonies in the search worker when search became ready, collected only ~20 s later
 * (issue 7). Here a line's items are found on the bytes themselves (no decoding), and a batch
 * of about CHUNK_BYTES of them is decoded and parsed at a time: each batch is dead before the
 * next one is read, garbage the young generation's cheap collections take back at once.
 *
 * The layout read: a first line (the header, small: decoded and parsed whole), then lines
 * `["k",item,…]` (k one lowercase letter) exactly as JSON.stringify writes them, no whitespace
 * outside strings. Anything else throws (SyntaxError; TypeError for bytes that are not UTF-8):
 * the caller then restores nothing, as for any unreadable snapshot.
 */

/** Bytes of items decoded and parsed at once (an item longer than this is parsed alone). */
const CHUNK_BYTES = 16 * 1024;

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** `ignoreBOM`: a byte-order mark is kept (and refused by JSON.parse), never silently dropped. */
const decoder = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** End of the line starting at `from` (its newline, or the end of the bytes). */
function lineEnd(bytes: Uint8Array, from: number): number {
  const end = bytes.indexOf(NEWLINE, from);
  return end === -1 ? bytes.length : end;
}

/** The first line parsed as JSON, and where the next line starts (past the end: none). */
export function readHeader(bytes: Uint8Array): { readonly value: unknown; readonly next: number } {
  const end = lineEnd(bytes, 0);
  return { value: JSON.parse(decoder().decode(bytes.subarray(0, end))) as unknown, next: end + 1 };
}

/** The letter `k` if the line at `from` starts with `["k",`, else null. */
function kindAt(bytes: Uint8Array, from: number): string | null {
  const letter = bytes[from + 2] ?? 0;
  const opens = bytes[from] === OPEN && bytes[from + 1] === QUOTE && bytes[from + 3] === QUOTE && bytes[from + 4] === COMMA;
  return opens && letter >= 0x61 && letter <= 0x7a ? String.fromCharCode(letter) : null;
}

/**
 * The items of every line from `from` on, each line's in batches of about CHUNK_BYTES, with
 * the line's kind letter. Throws on a line that is not `["k",item,…]` (an empty line included).
 */
export function* itemBatches(bytes: Uint8Array, from: number): Generator<readonly [kind: string, items: unknown[]]> {
  const text = decoder();
  /** Items between `start` and `end` (separated by commas), parsed as one JSON array. */
  const parse = (start: number, end: number): unknown[] => {
    if (end <= start) throw new SyntaxError('an empty item in a saved index');
    return JSON.parse(`[${text.decode(bytes.subarray(start, end))}]`) as unknown[];
  };
  for (let line = from; line <= bytes.length; ) {
    const end = lineEnd(bytes, line);
    const kind = kindAt(bytes, line);
    if (kind === null) throw new SyntaxError('a line of a saved index that is not ["k",…]');
    // Items are cut at the commas outside strings and brackets. UTF-8 never puts a byte below
    // 0x80 inside a multi-byte character, so the ASCII bytes looked at here are what they seem.
    let depth = 0;
    let inString = false;
    let batch = line + 5;
    let closed = false;
    for (let at = batch; at < end; at += 1) {
      const byte = bytes[at];
      if (inString) {
        if (byte === BACKSLASH) at += 1;
        else if (byte === QUOTE) inString = false;
      } else if (byte === QUOTE) inString = true;
      else if (byte === OPEN || byte === OPEN_OBJECT) depth += 1;
      else if (byte === CLOSE || byte === CLOSE_OBJECT) {
        if (depth > 0) {
          depth -= 1;
          continue;
        }
        // The line's own closing bracket: it must end the line.
        if (at !== end - 1) throw new SyntaxError('text after a line of a saved index');
        yield [kind, parse(batch, at)];
        closed = true;
      } else if (byte === COMMA && depth === 0 && at - batch >= CHUNK_BYTES) {
        yield [kind, parse(batch, at)];
        batch = at + 1;
      }
    }
    if (!closed) throw new SyntaxError('an unfinished line in a saved index');
    line = end + 1;
  }
}
