/**
 * Entry hashing on a second thread for `open` and `verify`, and for `seal`'s check of each entry
 * as it is encrypted (and the bench): per MiB, decrypting costs about 2.5 ms and BLAKE2b +
 * SHA-256 another 1.5 ms, so on one thread the read runs at about 0.6 of raw secretstream; with
 * the hashes on the other core it runs at the speed of decryption (encryption, for `seal`). The
 * same pattern as the app's attachment hashing worker.
 *
 * Pieces are COPIED into 1 MiB batches whose buffers are transferred (not copied again) to the
 * worker and come back zeroed. Copying is required: the sink keeps the pieces it was given
 * (BatchedFileWriter holds them until its flush), and a write still has to encrypt them, so
 * they cannot be detached; and it is also
 * the cheapest way: handing a worker 64 KiB pieces here cost, per MiB of main + worker CPU,
 * 0.5–0.85 ms copied into 1 MiB transferred batches, 0.9–1.2 ms transferring each piece and
 * 1.0–1.1 ms cloning each (per-message costs dominate a 64 KiB memcpy). At most `maxBatches`
 * buffers exist: when all are with the worker,
 * `update` waits, so the bytes in flight are bounded and memory stays flat in the bundle size.
 *
 * Fails closed: if the worker fails, every pending update and digest rejects, and the read
 * or write with it. `close()` terminates the worker (the process must not stay alive for it).
 */
import { Worker } from 'node:worker_threads';
import type { Digests, HashName, StreamingHasher, StreamingHasherFactory } from '../shared/stream/hashing';
import { HASH_WORKER_ROLE, type HashReply, type HashRequest } from './hash-worker';

/** Bytes per batch sent to the worker. */
export const HASH_BATCH_BYTES = 1024 * 1024;
/** Default bound on batches (hence bytes) held by the worker or queued for it: 8 MiB. */
export const HASH_MAX_BATCHES = 8;

export interface HashThreadOptions {
  /** The worker's script; default this tool (built) or cli/hash-worker-entry.ts (from source). */
  readonly script?: URL;
  readonly maxBatches?: number;
}

/** A running hashing thread: `hasher` for readBundle or writeBundle; `close()` when done, in a finally. */
export interface HashThread {
  readonly hasher: StreamingHasherFactory;
  /** Settles once the worker has loaded libsodium (waiting for it is optional: requests queue). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

interface Waiter<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

/**
 * The worker as this module runs: built, this very file (cli/main.ts serves in a worker);
 * from source (vitest, the bench's runner), the TypeScript entry through jiti (dev tooling
 * that vite and eslint already bring), since Node 20 cannot run TypeScript itself.
 */
function defaultWorker(): { script: URL; execArgv: string[] } {
  const here = new URL(import.meta.url);
  if (!here.pathname.endsWith('.ts')) return { script: here, execArgv: [] };
  return { script: new URL('./hash-worker-entry.ts', here), execArgv: ['--import', 'jiti/register'] };
}

/** Starts the worker; it loads while the caller unlocks and decrypts the first batches. */
export function startHashThread(options: HashThreadOptions = {}): HashThread {
  const maxBatches = options.maxBatches ?? HASH_MAX_BATCHES;
  if (!Number.isSafeInteger(maxBatches) || maxBatches < 1) throw new RangeError('maxBatches must be a positive integer'); // 0 would wait forever
  const fallback = defaultWorker();
  const script = options.script ?? fallback.script;
  const worker = new Worker(script, { workerData: { role: HASH_WORKER_ROLE }, execArgv: options.script ? [] : fallback.execArgv });
  const free: Uint8Array[] = [];
  let allocated = 0;
  const bufferWaiters: Waiter<Uint8Array>[] = [];
  const digestWaiters = new Map<number, Waiter<Digests>>();
  let failure: Error | undefined;
  let nextStream = 0;
  let started: Waiter<void> | undefined;
  const ready = new Promise<void>((resolve, reject) => (started = { resolve, reject }));
  ready.catch(() => undefined); // awaiting it is optional: a failure must not go unhandled

  const post = (request: HashRequest, transfer: ArrayBuffer[] = []) => worker.postMessage(request, transfer);

  /** Every pending and later call rejects with `error`. */
  const fail = (error: Error) => {
    failure ??= error;
    started?.reject(failure);
    for (const waiter of bufferWaiters.splice(0)) waiter.reject(failure);
    for (const waiter of digestWaiters.values()) waiter.reject(failure);
    digestWaiters.clear();
  };
  /** A buffer back from the worker: to the first waiting update, or to the free list. */
  const release = (buffer: Uint8Array) => {
    const waiter = bufferWaiters.shift();
    if (waiter) waiter.resolve(buffer);
    else free.push(buffer);
  };
  worker.on('message', (reply: HashReply) => {
    if (reply.kind === 'ack') release(new Uint8Array(reply.buffer));
    else if (reply.kind === 'ready') started?.resolve();
    else if (reply.kind === 'digest') {
      digestWaiters.get(reply.stream)?.resolve(reply.digests);
      digestWaiters.delete(reply.stream);
    } else fail(new Error(`hashing thread: ${reply.message}`));
  });
  worker.on('error', (error) => fail(error));
  worker.on('messageerror', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`the hashing thread stopped (exit code ${code})`)));

  /** A free buffer now, or undefined when all `maxBatches` are out. */
  const take = (): Uint8Array | undefined => {
    const buffer = free.pop();
    if (buffer || allocated >= maxBatches) return buffer;
    allocated++;
    return new Uint8Array(HASH_BATCH_BYTES);
  };
  const wait = () => new Promise<Uint8Array>((resolve, reject) => (failure ? reject(failure) : bufferWaiters.push({ resolve, reject })));

  const hasher: StreamingHasherFactory = (names: readonly HashName[]): StreamingHasher => {
    const stream = nextStream++;
    let batch: Uint8Array | undefined;
    let filled = 0;
    let ended = false;
    post({ op: 'start', stream, names: [...names] });

    const send = () => {
      const full = batch as Uint8Array;
      post({ op: 'update', stream, bytes: full.subarray(0, filled) }, [full.buffer as ArrayBuffer]);
      batch = undefined;
      filled = 0;
    };
    /** Copies from `at` while buffers are at hand; returns where it stopped. */
    const copyIn = (bytes: Uint8Array, from: number): number => {
      let at = from;
      while (at < bytes.length) {
        batch ??= take();
        if (!batch) return at;
        const n = Math.min(bytes.length - at, batch.length - filled);
        batch.set(bytes.subarray(at, at + n), filled);
        filled += n;
        at += n;
        if (filled === batch.length) send();
      }
      return at;
    };
    const copyRest = async (bytes: Uint8Array, from: number) => {
      for (let at = from; at < bytes.length; at = copyIn(bytes, at)) batch ??= await wait();
    };
    const unused = () => {
      if (!batch) return;
      batch.fill(0, 0, filled);
      release(batch);
      batch = undefined;
      filled = 0;
    };

    return {
      update(bytes) {
        if (failure) throw failure;
        if (ended) throw new Error('hash stream already ended');
        const at = copyIn(bytes, 0);
        return at === bytes.length ? undefined : copyRest(bytes, at);
      },
      digest() {
        if (failure) return Promise.reject(failure);
        if (ended) return Promise.reject(new Error('hash stream already ended'));
        ended = true;
        if (filled > 0) send();
        else unused();
        const digests = new Promise<Digests>((resolve, reject) => digestWaiters.set(stream, { resolve, reject }));
        post({ op: 'digest', stream });
        return digests;
      },
      dispose() {
        if (ended) return;
        ended = true;
        unused();
        if (!failure) post({ op: 'dispose', stream });
      },
    };
  };

  return {
    hasher,
    ready,
    async close() {
      fail(new Error('the hashing thread was closed'));
      for (const buffer of free.splice(0)) buffer.fill(0);
      await worker.terminate();
    },
  };
}
