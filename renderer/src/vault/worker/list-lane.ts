/**
 * The list reader thread: where the UI's whole-list reads (every summary, consent, witness … at
 * unlock) are read, opened and packed. Runs in the vault worker, which starts the thread as the
 * session opens (so the first lists find it ready: `warmListReader`) or on a later list, and
 * terminates it once no list has been asked for a moment.
 *
 * Why a thread of its own: at 100,000 testimonies those reads leave ~280 MB behind in the thread
 * that makes them — IndexedDB results (which hold native memory until collected), rows, decrypted
 * bodies, JSON — and V8 collects a worker that has gone quiet late or not at all (the bench saw
 * it still held after 20 s). Terminating the reader returns all of it to the system at once,
 * the way argon2id-lane.ts returns Argon2id's memory.
 *
 * - Secrets: each request moves (transfers) a copy of the epoch keys of the compartments its rows
 *   are in (and the general compartment's for a summaries list, whose cache rows the reader
 *   seals with its current key: summary-cache.ts), and nothing else: not the master key,
 *   identity or audit keys. The reader wipes them when the request is done (a summaries list's
 *   once its caches are sealed). Decrypted bodies leave it only as the packed chunks the UI
 *   thread receives anyway; they are moved, not copied, through this worker.
 * - What to read is decided here, from the head index; the reader only opens what it is told,
 *   with the same checks (record-store.ts, list-reading.ts): a row it cannot open is reported.
 * - Failure: where no worker can run, or if the reader fails (its script does not load, it
 *   crashes), the list is read on this thread instead: the same reply, only the memory is kept.
 *   Locking terminates the reader; a list it was reading fails with `LockedError`.
 */
import { COMPARTMENTS, epochKey, wipe, type Compartment } from '../../../../shared/crypto';
import { compartmentsOf, readList, type ListReply, type ListRequest, type PackedRows, type PingRequest, type RowsRequest } from './list-reading';
import { heldRowKeys } from './sealed-rows';
import { queueSummaryCache, type CacheRow } from './summary-cache';
import type { StoredIndex } from './search-index-store';
import type { Session } from './session';

/** How long the reader stays after its last list: the lists of one unlock arrive within it. */
const IDLE_MS = 1000;

/**
 * Copies of epoch keys: `epochs[i]` is the compartment and epoch of `bytes[32 i, 32 i + 32)`;
 * each compartment's current key comes first among its own (the reader seals caches with it).
 */
export interface KeyCopies {
  readonly vaultId: Uint8Array;
  readonly epochs: readonly (readonly [Compartment, number])[];
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** The stored search index, read and opened on the reader (search-index-store.ts `readSearchIndex`). */
export interface IndexRequest {
  readonly kind: 'search-index';
}

/** What the reader opens, with keys: a list, or the search index. */
export type KeyedRequest = ListRequest | IndexRequest;

/** vault worker → reader: a list or the search index to open (with its keys), or audit rows to fetch (no key: row-fetcher.ts). */
export type ListReaderRequest =
  | { readonly id: number; readonly databaseName: string; readonly keys: KeyCopies; readonly request: KeyedRequest }
  | { readonly id: number; readonly databaseName: string; readonly keys?: undefined; readonly request: RowsRequest | PingRequest };

/**
 * reader → vault worker: the answer to a request; for a summaries list, a second message after
 * its reply brings the summary cache rows it sealed (`cache`, possibly none).
 */
export type ListReaderReply =
  | { readonly id: number; readonly ok: true; readonly reply: ListReply | StoredIndex | PackedRows | null }
  | { readonly id: number; readonly ok: true; readonly cache: readonly CacheRow[] }
  | { readonly id: number; readonly ok: false };

/** The compartments whose keys `request` needs, and no others. */
function compartmentsFor(request: KeyedRequest): Compartment[] {
  return request.kind === 'search-index' ? ['general'] : compartmentsOf(request);
}

/** Starts a reader thread (named for what it serves: lists, or the audit check's rows); null where none can run. */
export function spawnReader(name: 'sijill-list' | 'sijill-audit-rows' = 'sijill-list'): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./list-reader.worker.ts', import.meta.url), { type: 'module', name });
  } catch {
    return null;
  }
}

/** Copies of every epoch key held for `compartments`, in one buffer (moved to the reader). */
function keyCopies(session: Session, compartments: readonly Compartment[]): KeyCopies {
  const keyring = session.holder.keyring;
  const held = compartments.filter((c) => COMPARTMENTS.includes(c)).flatMap((c) => {
    epochKey(keyring, c); // refuses a disposed keyring
    const keys = keyring.compartments[c];
    return [keys.current, ...keys.previous].map((key) => [c, key] as const);
  });
  const bytes = new Uint8Array(held.length * 32);
  held.forEach(([, key], index) => bytes.set(key.key, index * 32));
  return { vaultId: keyring.vaultId.slice(), epochs: held.map(([c, key]) => [c, key.epoch] as const), bytes };
}

/** The reader thread, while it lives: one per session (a reader never serves another session). */
class ListReader {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (reply: { reply: unknown } | null) => void }>();
  /** Summaries lists answered whose cache rows have not come yet: the thread stays for them. */
  private readonly sealing = new Set<number>();
  private idle: ReturnType<typeof setTimeout> | undefined;
  private dead = false;

  constructor(
    readonly session: Session,
    private readonly worker: Worker,
    private readonly onEnd: () => void,
  ) {
    worker.onmessage = ({ data }: MessageEvent<ListReaderReply>) => {
      if (!data.ok) this.sealing.delete(data.id);
      if ('cache' in data) this.cached(data.id, data.cache);
      else this.settle(data.id, data.ok ? { reply: data.reply } : null);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(); // the script did not load or threw: the lists waiting are read on the vault worker
    };
    worker.onmessageerror = () => this.fail();
  }

  /** Reads `request` on the reader; null if the reader failed (the caller reads it itself). */
  read(request: KeyedRequest): Promise<{ reply: unknown } | null> {
    if (this.dead) return Promise.resolve(null);
    const keys = keyCopies(this.session, compartmentsFor(request));
    const id = (this.next += 1);
    const message: ListReaderRequest = { id, databaseName: this.session.db.name, keys, request };
    try {
      this.worker.postMessage(message, [keys.bytes.buffer]);
    } catch (error) {
      wipe(keys.bytes); // not moved: still ours
      throw error;
    }
    clearTimeout(this.idle);
    if (request.kind === 'summaries') this.sealing.add(id);
    return new Promise((resolve) => this.waiting.set(id, { resolve }));
  }

  /**
   * Has the thread load its code and libsodium and open the database (a ping), so the first
   * list finds it ready; it ends like any reader if no list follows within its idle time.
   */
  warm(): void {
    if (this.dead) return;
    const id = (this.next += 1);
    const message: ListReaderRequest = { id, databaseName: this.session.db.name, request: { kind: 'ping' } };
    this.worker.postMessage(message);
    clearTimeout(this.idle);
    this.waiting.set(id, { resolve: () => undefined });
  }

  private settle(id: number, reply: { reply: unknown } | null): void {
    const waiter = this.waiting.get(id);
    this.waiting.delete(id);
    waiter?.resolve(reply);
    this.idleIfDone();
  }

  /** A summaries list's cache rows: queued for their write (summary-cache.ts). */
  private cached(id: number, rows: readonly CacheRow[]): void {
    if (!this.sealing.delete(id)) return;
    queueSummaryCache(this.session, rows);
    this.idleIfDone();
  }

  private idleIfDone(): void {
    if (this.waiting.size === 0 && this.sealing.size === 0 && !this.dead) this.idle = setTimeout(() => this.end(), IDLE_MS);
  }

  /** Ends it for failing (not idling or locking): its session reads its lists itself from now on. */
  private fail(): void {
    failedFor.add(this.session);
    this.end();
  }

  /** Terminates the reader; lists still waiting get null (read on the vault worker, or refused if locked). */
  end(): void {
    if (this.dead) return;
    this.dead = true;
    clearTimeout(this.idle);
    this.worker.terminate();
    this.onEnd();
    for (const waiter of this.waiting.values()) waiter.resolve(null);
    this.waiting.clear();
    this.sealing.clear(); // their cache rows are not written: the next list builds them again
  }
}

let reader: ListReader | null = null;
/** Sessions whose reader failed: they read their lists on the vault worker from then on. */
const failedFor = new WeakSet<Session>();
/** Readers started and not yet terminated (tests check that none is left behind). */
let live = 0;

/** How many list reader threads are running (0 once the lists are read and the reader has gone). */
export function listReadersAlive(): number {
  return live;
}

/** The running reader of `session`, or a new one; null where no reader can run for it. */
function readerFor(session: Session): ListReader | null {
  if (reader?.session === session) return reader;
  reader?.end(); // another session's (tests run several engines in one realm): never shared
  if (failedFor.has(session)) return null;
  const worker = spawnReader();
  if (!worker) {
    failedFor.add(session);
    return null;
  }
  live += 1;
  const stop = () => started.end();
  const started: ListReader = new ListReader(session, worker, () => {
    live -= 1;
    if (reader === started) reader = null;
    session.signal.removeEventListener('abort', stop);
  });
  session.signal.addEventListener('abort', stop, { once: true });
  reader = started;
  return started;
}

/** Starts `session`'s reader ahead of its first list (at unlock); nothing where none can run. */
export function warmListReader(session: Session): void {
  readerFor(session)?.warm();
}

/**
 * Runs `request` on `session`'s reader thread: its reply, or null if no reader can run or it
 * failed (the caller then does the work on this thread). Refused once the session is locked.
 */
export async function onReader(session: Session, request: KeyedRequest): Promise<{ reply: unknown } | null> {
  session.checkOpen();
  const done = await readerFor(session)?.read(request);
  session.checkOpen(); // locked meanwhile: the reader was terminated, and nothing is read here
  return done ?? null;
}

/**
 * Reads the list `request` (decided by the caller from `session`'s head index) on the reader
 * thread, or on this thread if it cannot run there. The reader reads the rows a moment after
 * the head index was consulted: a record saved, deleted or re-keyed meanwhile comes back
 * unreadable, and the caller checks those again against the head index of now
 * (record-store.ts `settleUnreadable`).
 */
export async function readListed(session: Session, request: ListRequest): Promise<ListReply> {
  session.checkOpen();
  if (request.entries.length === 0) return { chunks: [], unreadable: [], stale: [] };
  // A list request gets a list reply (list-reader.worker.ts).
  const done = await onReader(session, request);
  if (done) return done.reply as ListReply;
  const { reply, caches } = await readList(session.db, heldRowKeys(session.holder), request);
  void caches().then((rows) => queueSummaryCache(session, rows));
  return reply;
}
