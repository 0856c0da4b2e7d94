/**
 * Pull-based reading over an async iterable of byte arrays of any sizes (file reads, network
 * pieces, decrypted chunks): read exactly what the format says comes next, without ever
 * collecting the whole input. Only the bytes asked for are held.
 */

const EMPTY = new Uint8Array(0);

/** Options of a `ByteQueue`. */
export interface ByteQueueOptions {
  /** Most bytes the input may deliver in total; exceeding it throws `tooLarge()`. */
  readonly maxBytes?: number;
  /** The error to throw when the input exceeds `maxBytes`. */
  readonly tooLarge?: () => Error;
}

/** Reads a byte stream piece by piece. Not safe for concurrent reads: await each call. */
export class ByteQueue {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private head: Uint8Array = EMPTY;
  private ended = false;
  private pulled = 0;
  private taken = 0;

  constructor(
    source: AsyncIterable<Uint8Array>,
    private readonly options: ByteQueueOptions = {},
  ) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** Bytes handed out so far (the offset of the next byte read). */
  get position(): number {
    return this.taken;
  }

  /** Pulls the next non-empty piece into `head`; false at the end of the input. */
  private async fill(): Promise<boolean> {
    while (this.head.length === 0) {
      if (this.ended) return false;
      const next = await this.iterator.next();
      if (next.done) {
        this.ended = true;
        return false;
      }
      const piece: unknown = next.value;
      if (!(piece instanceof Uint8Array)) throw new TypeError('a byte stream must yield Uint8Array pieces');
      this.pulled += piece.length;
      if (this.options.maxBytes !== undefined && this.pulled > this.options.maxBytes) {
        throw this.options.tooLarge?.() ?? new RangeError('input too large');
      }
      this.head = piece;
    }
    return true;
  }

  private takeHead(length: number): Uint8Array {
    const out = this.head.subarray(0, length);
    this.head = this.head.subarray(length);
    this.taken += out.length;
    return out;
  }

  /**
   * Reads `length` bytes; fewer only when the input ends first. May return a view into the
   * source's buffer: copy it if you keep it past the next read.
   */
  async read(length: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(length) || length < 0) throw new RangeError('bad read length');
    if (length === 0 || !(await this.fill())) return EMPTY;
    if (this.head.length >= length) return this.takeHead(length);
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length && (await this.fill())) {
      const part = this.takeHead(length - filled);
      out.set(part, filled);
      filled += part.length;
    }
    return filled === length ? out : out.subarray(0, filled);
  }

  /** Reads between 1 and `max` bytes of what is available (0 only at the end): for streaming bodies. */
  async readSome(max: number): Promise<Uint8Array> {
    if (!Number.isSafeInteger(max) || max < 1) throw new RangeError('bad read length');
    if (!(await this.fill())) return EMPTY;
    return this.takeHead(Math.min(max, this.head.length));
  }

  /** True if no byte is left (pulls from the source to find out). */
  async atEnd(): Promise<boolean> {
    return !(await this.fill());
  }

  /** Releases the source early (closes a file being read); safe to call more than once. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.head = EMPTY;
    await this.iterator.return?.();
  }
}
