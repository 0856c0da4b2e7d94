/**
 * The hashing worker: SHA-256 of attachment bytes on a second thread, so hashing overlaps
 * encryption (import) and decryption (reading) instead of adding to them. Started by the vault
 * worker (attachment-hasher.ts), which it belongs to: it dies with it at lock.
 *
 * It sees plaintext (copies of the original bytes, like the UI does when it shows them) and no
 * key. It keeps one incremental SHA-256 state per stream, and zeroes every piece once hashed
 * and hands its buffer back for reuse.
 * Messages come in order (postMessage keeps it), so the digest covers the bytes as posted.
 */
import { getSodium } from '../../../../shared/crypto';
import { IncrementalHasher } from '../../../../shared/stream';
import type { HashReply, HashRequest } from './attachment-hasher';

interface WorkerScope {
  onmessage: ((event: MessageEvent<HashRequest>) => void) | null;
  postMessage(message: HashReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

void getSodium().then(
  (s) => {
    const states = new Map<number, IncrementalHasher>();
    scope.onmessage = ({ data }) => {
      const state = states.get(data.stream);
      if (data.op === 'update') {
        const hasher = state ?? new IncrementalHasher(s, ['sha256']);
        states.set(data.stream, hasher);
        hasher.update(data.bytes);
        data.bytes.fill(0);
        scope.postMessage({ kind: 'ack', stream: data.stream, buffer: data.bytes }, [data.bytes.buffer]);
      } else if (data.op === 'digest') {
        states.delete(data.stream);
        const digest = (state ?? new IncrementalHasher(s, ['sha256'])).digest().sha256 ?? new Uint8Array();
        scope.postMessage({ kind: 'digest', stream: data.stream, digest });
      } else {
        states.delete(data.stream);
        state?.dispose();
      }
    };
    scope.postMessage({ kind: 'ready' });
  },
  () => scope.postMessage({ kind: 'failed' }),
);
