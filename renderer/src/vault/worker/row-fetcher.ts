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
import { readRows, unpackRows, type PackedRows, type PingRequest, type RowsRequest } from './list-reading';
import type { StoredObject } from './database';
import type { Session } from './session';

/** A ping's answer (null on the wire), told apart from a failure. */
const EMPTY: PackedRows = { ids: [], epochs: [], ends: new Uint32Array(0), bytes: new Uint8Array(0) };

/** Batches one thread fetches before it is replaced: bounds what it holds while the check runs. */
const RECYCLE_BATCHES = 100;

/** Fetches batches of audit rows in key order; `close` ends its thread. */
export interface RowFetcher {
  /**
   * Starts (or replaces, when due) the thread and waits until it has opened the database: call
   * it outside the write lock, so a batch that holds the lock never waits for a thread to start.
   */
  ready(): Promise<void>;
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

  const onThread = (thread: Worker, request: RowsRequest | PingRequest): Promise<PackedRows | null> =>
    new Promise((resolve) => {
      const id = (next += 1);
      waiting = resolve;
      // Only audit rows are asked of this thread, so a reply to this id is a batch of rows.
      thread.onmessage = ({ data }: MessageEvent<ListReaderReply>) => {
        if (data.id === id) answer(data.ok && 'reply' in data ? ((data.reply ?? EMPTY) as PackedRows) : null);
      };
      thread.onerror = (event) => {
        event.preventDefault();
        answer(null);
      };
      thread.onmessageerror = () => answer(null);
      const message: ListReaderRequest = { id, databaseName: session.db.name, request };
      thread.postMessage(message);
    });

  /** A live thread, started or replaced as due; null once none can run for this fetcher. */
  const thread = (): Worker | null => {
    if (broken) return null;
    if (worker && served >= RECYCLE_BATCHES) end();
    if (!worker) {
      worker = spawnReader('sijill-audit-rows');
      served = 0;
      if (!worker) broken = true;
    }
    return worker;
  };
  const failed = () => {
    broken = true; // the thread failed: this check reads on this thread from here on
    end();
  };

  return {
    async ready() {
      const started = thread();
      if (started && !(await onThread(started, { kind: 'ping' }))) failed();
    },
    async fetch(after, limit) {
      session.checkOpen();
      const current = thread();
      if (current) {
        const packed = await onThread(current, { kind: 'rows', after, limit });
        session.checkOpen();
        if (packed) {
          served += 1;
          return unpackRows(packed);
        }
        failed();
      }
      return unpackRows(await readRows(session.db, { kind: 'rows', after, limit }));
    },
    close() {
      end();
      session.signal.removeEventListener('abort', end);
    },
  };
}
