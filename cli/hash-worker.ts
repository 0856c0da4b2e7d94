/**
 * The tool's hashing thread (a `node:worker_threads` worker started by cli/hash-thread.ts):
 * BLAKE2b-256 (libsodium) and SHA-256 (node:crypto) of bundle entries, so the main thread only
 * decrypts or encrypts. It sees plaintext (copies of the pieces, in batches of about 1 MiB) and no key;
 * it zeroes each batch once hashed and hands its buffer back to be refilled, which also bounds
 * the bytes in flight. Messages arrive in order (postMessage keeps it), so each digest covers
 * exactly the bytes posted for its stream.
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { getSodium } from '../shared/crypto/sodium';
import { IncrementalHasher, type Digests, type HashName } from '../shared/stream/hashing';
import { nodeSha256 } from './node-sha256';

/** Marks a worker as this one (the built tool is one file: its own workers run it too). */
export const HASH_WORKER_ROLE = 'sijill-hash-worker';

/** Main thread → hashing thread. `update` transfers its buffer; the reply `ack` returns it. */
export type HashRequest =
  | { readonly op: 'start'; readonly stream: number; readonly names: readonly HashName[] }
  | { readonly op: 'update'; readonly stream: number; readonly bytes: Uint8Array }
  | { readonly op: 'digest'; readonly stream: number }
  | { readonly op: 'dispose'; readonly stream: number };

/** Hashing thread → main thread. */
export type HashReply =
  | { readonly kind: 'ack'; readonly buffer: ArrayBuffer }
  | { readonly kind: 'ready' }
  | { readonly kind: 'digest'; readonly stream: number; readonly digests: Digests }
  | { readonly kind: 'failed'; readonly message: string };

/** Serves requests on `port` until the thread is terminated. */
async function serve(port: MessagePort): Promise<void> {
  // Requests posted while libsodium loads wait in the port's queue until the listener is set.
  const s = await getSodium();
  const states = new Map<number, IncrementalHasher>();
  port.on('message', (request: HashRequest) => {
    try {
      if (request.op === 'start') {
        states.set(request.stream, new IncrementalHasher(s, request.names, { sha256: nodeSha256 }));
      } else if (request.op === 'update') {
        const state = states.get(request.stream);
        if (!state) throw new Error(`no hash stream ${request.stream}`);
        state.update(request.bytes);
        // The buffer goes back whole (the view may cover part of it); no plaintext stays in it.
        const buffer = request.bytes.buffer as ArrayBuffer;
        new Uint8Array(buffer).fill(0);
        port.postMessage({ kind: 'ack', buffer } satisfies HashReply, [buffer]);
      } else if (request.op === 'digest') {
        const state = states.get(request.stream);
        if (!state) throw new Error(`no hash stream ${request.stream}`);
        states.delete(request.stream);
        port.postMessage({ kind: 'digest', stream: request.stream, digests: state.digest() } satisfies HashReply);
      } else {
        states.get(request.stream)?.dispose();
        states.delete(request.stream);
      }
    } catch (error) {
      // A protocol bug must fail the read or write, never let a digest be skipped.
      port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies HashReply);
    }
  });
  port.postMessage({ kind: 'ready' } satisfies HashReply);
}

/** True in a thread started as the hashing worker. */
export function isHashWorker(): boolean {
  const data: unknown = workerData;
  return !isMainThread && typeof data === 'object' && data !== null && (data as { role?: unknown }).role === HASH_WORKER_ROLE;
}

/** Starts serving if this thread is the hashing worker (its entry points call this). */
export function serveIfHashWorker(): void {
  if (!isHashWorker() || !parentPort) return;
  const port = parentPort;
  serve(port).catch((error: unknown) => port.postMessage({ kind: 'failed', message: `the hashing thread could not start: ${String(error)}` } satisfies HashReply));
}
