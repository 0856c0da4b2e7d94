/**
 * SHA-256 of an attachment's original bytes, computed on a second thread. Runs in the vault
 * worker.
 *
 * Why: on one thread, libsodium's SHA-256 (~250 MiB/s in WebAssembly) costs about as much as
 * the secretstream encryption itself, and the two added up. WebCrypto has no incremental
 * SHA-256, so the hashing worker (attachment-hash.worker.ts) runs libsodium's incremental one,
 * fed with copies of the bytes in 1 MiB messages, while this thread encrypts or decrypts.
 *
 * - Order: postMessage delivers in order, so the digest covers exactly the bytes passed to
 *   `update`, in that order; nothing is skipped or hashed twice.
 * - Memory: at most HIGH_WATER bytes are posted and not yet hashed; `update` waits beyond that,
 *   so a slow hashing thread slows the stream down instead of queueing a whole file. Message
 *   buffers go back and forth (the worker zeroes each and returns it with its ack), so a long
 *   stream allocates a handful of them, not one per MiB for the garbage collector.
 * - Failure: if the worker cannot start (no nested workers, a blocked script), hashing falls
 *   back to this thread (same result, slower). If it dies later, every open stream's digest
 *   rejects, so the import or read fails (and cleans up) instead of trusting a partial hash.
 * - One worker per vault worker, started on first use and kept: libsodium loads once. It is a
 *   child of the vault worker, so it is terminated with it at lock.
 */
import { getSodium } from '../../../../shared/crypto';
import { IncrementalHasher } from '../../../../shared/stream';
import { toHex } from './attachment-format';

/** vault worker → hashing worker. */
export type HashRequest =
  | { readonly op: 'update'; readonly stream: number; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly op: 'digest'; readonly stream: number }
  | { readonly op: 'drop'; readonly stream: number };

/** hashing worker → vault worker. */
export type HashReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'failed' }
  /** `buffer`: the hashed message's buffer, zeroed and handed back for reuse. */
  | { readonly kind: 'ack'; readonly stream: number; readonly buffer: Uint8Array<ArrayBuffer> }
  | { readonly kind: 'digest'; readonly stream: number; readonly digest: Uint8Array };

/** An incremental SHA-256 over one stream of original bytes. */
export interface Sha256Stream {
  /** Hashes `bytes` (copied: the caller keeps its array). May wait while the hasher catches up. */
  update(bytes: Uint8Array): Promise<void>;
  /** Lowercase hex of the SHA-256 of everything passed to `update`. Ends the stream. */
  digest(): Promise<string>;
  /** Drops the stream without a result (error paths); safe after `digest` and twice. */
  dispose(): void;
}

/** Bytes per message to the hashing worker. */
const MESSAGE_BYTES = 1024 * 1024;
/** Most bytes posted and not yet hashed (a bound on memory, whatever the file size). */
const HIGH_WATER = 4 * MESSAGE_BYTES;
/** Returned buffers kept for reuse. */
const POOL_SIZE = 8;
/** How long the hashing worker may take to load before this thread hashes by itself. */
const START_TIMEOUT_MS = 15_000;

/** The hashing worker, as the vault worker sees it. */
class HashLane {
  private next = 1;
  private posted = 0;
  private dead: Error | null = null;
  private readonly digests = new Map<number, { resolve(digest: Uint8Array): void; reject(error: Error): void }>();
  private waiters: (() => void)[] = [];
  private readonly pool: Uint8Array<ArrayBuffer>[] = [];

  constructor(private readonly worker: Worker) {
    worker.onmessage = ({ data }: MessageEvent<HashReply>) => {
      if (data.kind === 'ack') {
        this.posted -= data.buffer.length;
        if (data.buffer.length === MESSAGE_BYTES && this.pool.length < POOL_SIZE) this.pool.push(data.buffer);
        this.wake();
      } else if (data.kind === 'digest') {
        this.digests.get(data.stream)?.resolve(data.digest);
        this.digests.delete(data.stream);
      }
    };
    worker.onerror = () => this.fail(new Error('the hashing worker failed'));
  }

  get failed(): boolean {
    return this.dead !== null;
  }

  private fail(error: Error): void {
    this.dead = error;
    for (const pending of this.digests.values()) pending.reject(error);
    this.digests.clear();
    this.worker.terminate();
    this.wake(true);
  }

  private wake(all = false): void {
    while (this.waiters.length > 0 && (all || this.posted < HIGH_WATER)) this.waiters.shift()?.();
  }

  newStream(): number {
    return this.next++;
  }

  /** A zeroed message buffer (a returned one when there is one). */
  buffer(): Uint8Array<ArrayBuffer> {
    return this.pool.pop() ?? new Uint8Array(MESSAGE_BYTES);
  }

  /** Posts `bytes` (transferred: the caller gives it up); waits while too much is unhashed. */
  async post(stream: number, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    if (this.dead) throw this.dead;
    this.posted += bytes.length;
    this.worker.postMessage({ op: 'update', stream, bytes } satisfies HashRequest, [bytes.buffer]);
    while (this.posted >= HIGH_WATER && !this.dead) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.dead) throw this.dead;
  }

  digest(stream: number): Promise<Uint8Array> {
    if (this.dead) return Promise.reject(this.dead);
    return new Promise((resolve, reject) => {
      this.digests.set(stream, { resolve, reject });
      this.worker.postMessage({ op: 'digest', stream } satisfies HashRequest);
    });
  }

  drop(stream: number): void {
    if (this.dead) return;
    this.digests.delete(stream);
    this.worker.postMessage({ op: 'drop', stream } satisfies HashRequest);
  }
}

let lane: Promise<HashLane | null> | undefined;

/** Starts the hashing worker; null if it cannot run here (the caller hashes on this thread). */
function startLane(): Promise<HashLane | null> {
  if (typeof Worker === 'undefined') return Promise.resolve(null);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./attachment-hash.worker.ts', import.meta.url), { type: 'module', name: 'sijill-hash' });
    } catch {
      resolve(null);
      return;
    }
    const give = (ok: boolean) => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      if (ok) resolve(new HashLane(worker));
      else {
        worker.terminate();
        resolve(null);
      }
    };
    const timer = setTimeout(() => give(false), START_TIMEOUT_MS);
    worker.onmessage = ({ data }: MessageEvent<HashReply>) => give(data.kind === 'ready');
    worker.onerror = () => give(false);
  });
}

async function liveLane(): Promise<HashLane | null> {
  let current = await (lane ??= startLane());
  if (current?.failed) {
    lane = startLane(); // it died (not for lack of support): start a fresh one
    current = await lane;
  }
  return current;
}

/** True if the hashing worker runs here (false: hashing falls back to the calling thread). */
export async function hashingWorkerRuns(): Promise<boolean> {
  return (await liveLane()) !== null;
}

/** Hashing on this thread: the fallback, with the same interface. */
async function localSha256(): Promise<Sha256Stream> {
  const hasher = new IncrementalHasher(await getSodium(), ['sha256']);
  return {
    update: async (bytes) => hasher.update(bytes),
    digest: async () => toHex(hasher.digest().sha256 ?? new Uint8Array()),
    dispose: () => hasher.dispose(),
  };
}

/** Opens a SHA-256 stream, on the hashing worker when it can run. */
export async function openSha256(): Promise<Sha256Stream> {
  const current = await liveLane();
  if (!current) return localSha256();
  const stream = current.newStream();
  let staged = current.buffer();
  let fill = 0;
  let open = true;
  const send = async () => {
    if (fill === 0) return;
    // A full buffer is handed over as it is; a partial one (the end) is copied and wiped.
    const out = fill === staged.length ? staged : staged.slice(0, fill);
    if (out === staged) staged = current.buffer();
    else staged.fill(0, 0, fill);
    fill = 0;
    await current.post(stream, out);
  };
  return {
    async update(bytes) {
      if (!open) throw new Error('the hash stream is closed');
      for (let offset = 0; offset < bytes.length; ) {
        const n = Math.min(staged.length - fill, bytes.length - offset);
        staged.set(bytes.subarray(offset, offset + n), fill);
        fill += n;
        offset += n;
        if (fill === staged.length) await send();
      }
    },
    async digest() {
      if (!open) throw new Error('the hash stream is closed');
      await send();
      open = false;
      return toHex(await current.digest(stream));
    },
    dispose() {
      if (!open) return;
      open = false;
      staged.fill(0);
      current.drop(stream);
    },
  };
}
