/**
 * The bench's bulk writer: a worker that fills a vault with the synthetic case file through
 * the vault's own record-writing code (record-store's `createRecord`: the same sealing, head
 * entries, shard generations and hash-chained audit entries as a save in the app), but commits
 * a whole batch in one IndexedDB transaction instead of one transaction per record.
 *
 * Why this is still exactly what the app would store: `createRecord` hands each write to
 * `session.commit` as a plan; here `commit` is replaced by a stager that does in memory what
 * commit does after its transaction (audit entries chained and sealed with the shard
 * generation they wrote, head shards and chain head moved on) and keeps the rows. `flush`
 * then seals each touched shard once, at its final generation, and writes everything in one
 * transaction. Intermediate shard generations are never stored by the app either (each save
 * overwrites the shard row), so the database ends up as a record-by-record run would leave it.
 * A plan with anything but new rows (a deletion, settings, lockout) is refused, not dropped.
 *
 * Runs in a dedicated worker of the bench page, never in the app, while the bench's vault
 * client is locked (the vault's own worker is terminated then).
 */
import { expose, type Remote } from 'comlink';
import { unlockWithPassphrase } from '../../../shared/crypto';
import type { Id } from '../../../shared/domain/ids';
import { TRACKED_GENERATION, TRACKED_ROW } from '../../../renderer/src/vault/worker/audit-log';
import { VaultDatabase, type StoredObject, type StoredShard } from '../../../renderer/src/vault/worker/database';
import { encodeShard, type Shard } from '../../../renderer/src/vault/worker/head-index';
import { openSession } from '../../../renderer/src/vault/worker/open-session';
import { createRecord } from '../../../renderer/src/vault/worker/record-store';
import { sealRow } from '../../../renderer/src/vault/worker/sealed-rows';
import type { Session, WritePlan } from '../../../renderer/src/vault/worker/session';
import type { Compartment } from '../../../renderer/src/vault/vault-client';
import type { KeyringWriter } from '../../../renderer/src/vault/worker-api';

/** One record to create: already validated by its kind's schema on the page (as the client does). */
export interface BulkItem {
  readonly type: string;
  readonly compartment: Compartment;
  readonly id: Id;
  readonly body: unknown;
}

/** Milliseconds of one batch: sealing through createRecord, then sealing shards and writing. */
export interface BatchTimes {
  readonly sealMs: number;
  readonly writeMs: number;
}

/** What the page calls. */
export interface BulkWriterApi {
  /** Unlocks `keyring` (Argon2id once) and opens a session on `databaseName`. */
  open(databaseName: string, keyring: Uint8Array, passphrase: string, writeKeyring: KeyringWriter): Promise<void>;
  /** Creates the records of one batch and commits them in one transaction; says where the time went. */
  create(items: readonly BulkItem[]): Promise<BatchTimes>;
  /** Writes the audit head to the keyring, zeroes the keys, closes the database. */
  close(): Promise<void>;
}

/** Plan fields the stager knows how to write; anything else is refused. */
const STAGEABLE: ReadonlySet<string> = new Set(['objects', 'versions', 'shard', 'audit']);

interface Staged {
  objects: StoredObject[];
  versions: StoredObject[];
  audit: StoredObject[];
  shards: Map<number, Shard>;
}

const emptyStage = (): Staged => ({ objects: [], versions: [], audit: [], shards: new Map() });

/** Replaces `session.commit` with the stager described above; returns the stage it fills. */
function stageCommits(session: Session): { take(): Staged } {
  let staged = emptyStage();
  session.commit = async (plan: WritePlan): Promise<void> => {
    const unknown = Object.keys(plan).filter((key) => !STAGEABLE.has(key));
    if (unknown.length > 0 || plan.objects?.remove?.length || plan.versions?.remove?.length) {
      throw new Error(`bench bulk writer: a record write now also changes ${unknown.join(', ') || 'removals'}; teach the stager to write it`);
    }
    const [first, ...rest] = plan.audit;
    // Exactly what Session.commit adds: the shard generation this write gives.
    const tracked = plan.shard ? { [TRACKED_ROW]: `h${plan.shard.number}`, [TRACKED_GENERATION]: plan.shard.generation } : {};
    const prepared = await session.audit.prepare({ action: first.action, data: { ...first.data, ...tracked } }, ...rest);
    staged.objects.push(...(plan.objects?.put ?? []));
    staged.versions.push(...(plan.versions?.put ?? []));
    staged.audit.push(...prepared.rows);
    if (plan.shard) {
      session.heads.commit(plan.shard);
      staged.shards.set(plan.shard.number, plan.shard);
    }
    session.audit.commit(prepared);
  };
  return {
    take() {
      const out = staged;
      staged = emptyStage();
      return out;
    },
  };
}

let session: Session | null = null;
let stage: { take(): Staged } | null = null;

function current(): { session: Session; stage: { take(): Staged } } {
  if (!session || !stage) throw new Error('bench bulk writer: not open');
  return { session, stage };
}

/** Seals each touched shard once and writes the batch in one transaction. */
async function flush(open: Session, staged: Staged): Promise<void> {
  const keyring = open.holder.keyring;
  const shards: StoredShard[] = [];
  for (const shard of staged.shards.values()) shards.push(await sealRow(keyring, { table: 'heads', id: shard.number, compartment: 'general' }, encodeShard(shard)));
  const db = open.db;
  await db.transaction('rw', [db.objects, db.versions, db.heads, db.audit], async () => {
    await db.objects.bulkPut(staged.objects);
    await db.versions.bulkPut(staged.versions);
    await db.heads.bulkPut(shards);
    await db.audit.bulkAdd(staged.audit);
  });
  open.holder.scheduleHeadFlush();
}

const api: BulkWriterApi = {
  async open(databaseName, keyringBytes, passphrase, writeKeyring) {
    if (session) throw new Error('bench bulk writer: already open');
    const db = new VaultDatabase(databaseName);
    await db.open();
    const keyring = await unlockWithPassphrase(keyringBytes, passphrase);
    const opened = await openSession({ db, keyring, keyringBytes: keyringBytes.slice(), writeKeyring, faults: {}, method: { kind: 'unlock', secret: 'passphrase', failedBefore: 0 } });
    session = opened.session;
    stage = stageCommits(session);
  },

  async create(items) {
    const open = current();
    const start = performance.now();
    // Each createRecord takes the session's write lock for its own staging, as in the app.
    for (const item of items) await createRecord(open.session, item.type, item.compartment, item.body, item.id);
    const sealed = performance.now();
    await open.session.exclusive(() => flush(open.session, open.stage.take()));
    return { sealMs: sealed - start, writeMs: performance.now() - sealed };
  },

  async close() {
    const closing = session;
    session = null;
    stage = null;
    await closing?.close(true);
  },
};

expose(api);

/** The page's handle on this worker. */
export type BulkWriterRemote = Remote<BulkWriterApi>;
