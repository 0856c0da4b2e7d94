/**
 * UTF-8 text appended into one growing buffer, so a large text (a serialized search index) is
 * never one string and its bytes at once. Platform-free (TextEncoder only).
 */

/** Appends text as UTF-8; `finish` gives the bytes in a buffer of their exact size. */
export class Utf8Sink {
  private bytes: Uint8Array<ArrayBuffer>;
  private length = 0;
  private readonly encoder = new TextEncoder();

  /**
   * `discard` is given each buffer the sink no longer uses (outgrown, or copied out by `finish`):
   * a caller that can free memory sooner than the collector does passes a way to.
   */
  constructor(
    initialBytes = 64 * 1024,
    private readonly discard: (bytes: Uint8Array<ArrayBuffer>) => void = () => undefined,
  ) {
    this.bytes = new Uint8Array(initialBytes);
  }

  append(text: string): void {
    // At most 3 bytes per UTF-16 unit.
    const need = this.length + text.length * 3;
    if (need > this.bytes.length) {
      const grown = new Uint8Array(Math.max(need, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.length));
      this.discard(this.bytes);
      this.bytes = grown;
    }
    this.length += this.encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  /** The bytes appended, in a buffer of their exact size; the sink is empty afterwards. */
  finish(): Uint8Array<ArrayBuffer> {
    const out = this.bytes.slice(0, this.length);
    this.discard(this.bytes);
    this.bytes = new Uint8Array(0);
    this.length = 0;
    return out;
  }
}
