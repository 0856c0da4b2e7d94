/**
 * The list reader thread (list-lane.ts): reads, opens and packs the lists the vault worker asks
 * for, then is terminated, which gives everything those reads allocated back to the system.
 *
 * It gets, per list, copies of the epoch keys of the compartments the list's rows are in (and
 * the general compartment's, for a summaries list; moved here, not copied), and wipes them once
 * the list is packed. It opens only the rows it is told to, with the same checks as the vault
 * worker (list-reading.ts), and sends back only the packed chunks and, for a summaries list,
 * the summary cache rows it sealed with the general compartment's current key (moved). It
 * never writes: the vault worker writes those rows (summary-cache.ts).
 */
import { getSodium, KeyringStateError, wipe, type Compartment, type EpochKey } from '../../../../shared/crypto';
import { VaultDatabase } from './database';
import type { KeyCopies, ListReaderReply, ListReaderRequest } from './list-lane';
import type { CacheRow } from './summary-cache';
import { readList, readRows } from './list-reading';
import { readSearchIndex } from './search-index-store';
import type { RowKeys } from './sealed-rows';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ListReaderRequest>) => void) | null;
  postMessage(message: ListReaderReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

/** The database, opened on the first list (read-only use: this thread never writes). */
let db: VaultDatabase | null = null;

/** Row keys over the copies in `keys` (views into its one buffer, wiped by the caller). */
function rowKeys(keys: KeyCopies): RowKeys {
  const held = new Map<string, EpochKey>();
  keys.epochs.forEach(([compartment, epoch], index) => held.set(`${compartment}/${epoch}`, { epoch, key: keys.bytes.subarray(index * 32, index * 32 + 32) }));
  const epochKey = (compartment: Compartment, epoch: number): EpochKey => {
    const key = held.get(`${compartment}/${epoch}`);
    if (!key) throw new KeyringStateError('unknown-epoch');
    return key;
  };
  // Each compartment's current key comes first among its copies (list-lane.ts `keyCopies`).
  const current = (compartment: Compartment) => keys.epochs.find(([held]) => held === compartment)?.[1];
  return {
    vaultId: keys.vaultId,
    epochKey,
    currentKey(compartment) {
      const epoch = current(compartment);
      if (epoch === undefined) throw new KeyringStateError('unknown-epoch');
      return epochKey(compartment, epoch);
    },
  };
}

/** Requests being answered: summary caches are sealed only when there are none. */
let answering = 0;
/** Summary caches waiting to be sealed and sent, each with the keys it needs (then wiped). */
const toSeal: (() => Promise<void>)[] = [];

/**
 * Seals and sends the queued summary caches once no request is being answered: sealing them
 * (seconds at 100,000 testimonies, when every cache is built) would otherwise hold back the
 * lists still being opened on this thread.
 */
async function sealWhenIdle(): Promise<void> {
  while (answering === 0) {
    const next = toSeal.shift();
    if (!next) return;
    await next();
  }
}

/** Queues `id`'s cache rows; `keys` are wiped once they are sealed. */
function sealLater(id: number, keys: KeyCopies, caches: () => Promise<readonly CacheRow[]>): void {
  toSeal.push(async () => {
    try {
      const cache = await caches(); // never throws: no rows instead
      const moved = new Set<ArrayBufferLike>();
      for (const { row } of cache) moved.add(row.key.buffer).add(row.body.buffer);
      scope.postMessage({ id, ok: true, cache }, [...moved] as Transferable[]);
    } catch {
      scope.postMessage({ id, ok: false }); // the vault worker stops waiting for them
    } finally {
      wipe(keys.bytes);
    }
  });
}

scope.onmessage = ({ data }) => {
  const { id, databaseName, keys, request } = data;
  const answer = async (): Promise<void> => {
    let sealing = false;
    answering += 1;
    try {
      db ??= new VaultDatabase(databaseName);
      // One reader serves one vault (list-lane.ts); a request for another is refused, never read elsewhere.
      if (db.name !== databaseName) throw new Error('another database');
      if (request.kind === 'ping') {
        // Ready for what follows: the database open and libsodium loaded (lists open rows with it).
        await Promise.all([db.open(), getSodium()]);
        scope.postMessage({ id, ok: true, reply: null });
        return;
      }
      if (request.kind === 'rows') {
        const rows = await readRows(db, request);
        scope.postMessage({ id, ok: true, reply: rows }, [rows.ends.buffer, rows.bytes.buffer]);
        return;
      }
      if (!keys) throw new Error('no keys'); // a list or the index always comes with its keys (the type says so)
      if (request.kind === 'search-index') {
        const stored = await readSearchIndex(db, rowKeys(keys));
        scope.postMessage({ id, ok: true, reply: stored }, stored ? [stored.bytes.buffer] : []);
        return;
      }
      const { reply, caches } = await readList(db, rowKeys(keys), request);
      scope.postMessage({ id, ok: true, reply }, reply.chunks.map((chunk) => chunk.buffer));
      if (request.kind === 'summaries') {
        // Always answered, after the list: the vault worker keeps this thread until it is.
        sealLater(id, keys, caches);
        sealing = true;
      }
    } catch {
      // Not a row that failed to open (those are in the reply): the vault worker reads this list itself.
      scope.postMessage({ id, ok: false });
    } finally {
      if (keys && !sealing) wipe(keys.bytes);
      answering -= 1;
      void sealWhenIdle();
    }
  };
  void answer();
};
