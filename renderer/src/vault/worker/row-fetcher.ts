/**
 * Audit rows fetched for the deferred audit check on the list reader thread (list-lane.ts), a
 * batch at a time, packed into one buffer each. Runs in the vault worker, which still opens
 * and checks every row itself (audit-background.ts): the thread only reads ciphertext and is
 * given no key.
 *
 * Why: the check reads every audit row twice (~420,000 reads at 100,000 testimonies), and
 * IndexedDB results hold memory (native, and per-row buffers) until the thread that read them
 * collects them, which V8 does late or never in a quiet worker: ~90–150 MB from reading alone
 * were left in the vault worker after the check. Read on a thread that is terminated when the
 * check ends, and recycled every RECYCLE_BATCHES on the way, they are returned instead; the
 * vault worker receives one buffer per batch.
 *
 * Where no thread can run, or if it fails, the batch is read on this thread, as before.
 */
import { spawnReader, type ListReaderReply, type ListReaderRequest } from './list-lane';
import { readRows, unpackRows, type PackedRows } from './list-reading';
import type { StoredObject } from './database';
import type { Session } from './session';

/** Batches one thread fetches before it is replaced: bounds what it holds while the check runs. */
const RECYCLE_BATCHES = 100;

/** Fetches batches of audit rows in key order; `close` ends its thread. */
export interface RowFetcher {
  /** The next `limit` audit rows after `after` (null: from the first). */
  fetch(after: string | null, limit: number): Promise<StoredObject[]>;
  close(): void;
}

/** A fetcher for `session`'s audit rows (its thread also ends when the session locks). */
export function rowFetcher(session: Session): RowFetcher {
  let worker: Worker | null = null;
  let served = 0;
  let next = 0;
  let broken = false;
  /** The batch being fetched: answered null if the thread fails or ends (lock) first. */
  let waiting: ((rows: PackedRows | null) => void) | null = null;
  const answer = (rows: PackedRows | null) => {
    const resolve = waiting;
    waiting = null;
    resolve?.(rows);
  };
  const end = () => {
    worker?.terminate();
    worker = null;
    answer(null);
  };
  session.signal.addEventListener('abort', end, { once: true });

  const onThread = (thread: Worker, after: string | null, limit: number): Promise<PackedRows | null> =>
    new Promise((resolve) => {
      const id = (next += 1);
      waiting = resolve;
      // Only audit rows are asked of this thread, so a reply to this id is a batch of rows.
      thread.onmessage = ({ data }: MessageEvent<ListReaderReply>) => {
        if (data.id === id) answer(data.ok ? (data.reply as PackedRows) : null);
      };
      thread.onerror = (event) => {
        event.preventDefault();
        answer(null);
      };
      thread.onmessageerror = () => answer(null);
      const message: ListReaderRequest = { id, databaseName: session.db.name, request: { kind: 'rows', after, limit } };
      thread.postMessage(message);
    });

  return {
    async fetch(after, limit) {
      session.checkOpen();
      if (!broken) {
        if (worker && served >= RECYCLE_BATCHES) end();
        if (!worker) {
          worker = spawnReader('sijill-audit-rows');
          served = 0;
        }
        if (worker) {
          const packed = await onThread(worker, after, limit);
          session.checkOpen();
          if (packed) {
            served += 1;
            return unpackRows(packed);
          }
          broken = true; // the thread failed: this check reads on this thread from here on
          end();
        } else broken = true;
      }
      return unpackRows(await readRows(session.db, { kind: 'rows', after, limit }));
    },
    close() {
      end();
      session.signal.removeEventListener('abort', end);
    },
  };
}
