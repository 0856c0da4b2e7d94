// Whole lists read on a short-lived thread (renderer/src/vault/worker/list-lane.ts): the same
// lists as on the vault worker, only the epoch keys of the lists' compartments sent (moved, not
// copied), the thread terminated once the lists are read or the vault locks, and the vault
// worker reading a list itself when no such thread can run.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listReadersAlive } from '../../../renderer/src/vault/worker/list-lane';
import type { KeyCopies, ListReaderReply, ListReaderRequest } from '../../../renderer/src/vault/worker/list-lane';

/** A message with keys: a list or the search index (audit rows carry no key). */
type KeyedMessage = Extract<ListReaderRequest, { keys: KeyCopies }>;
import { BACKGROUND_WAIT, deleteTestDatabases, makeUnlockedVault, noteKind, PASSPHRASE, VAULT_TESTS, witnessCardKind } from './support/vault-harness';

/** Workers started while stubbed, named `name` (the list reader by default), with the messages posted to them. */
function recordReaders(options: { refuse?: boolean; brokenScript?: boolean; name?: string; onPost?: (message: ListReaderRequest) => void } = {}) {
  const started: { readonly worker: Worker; readonly posted: ListReaderRequest[]; readonly replies: ListReaderReply[] }[] = [];
  const terminated = new Set<Worker>();
  const Real = globalThis.Worker;
  class Recording extends Real {
    readonly posted: ListReaderRequest[] = [];
    readonly replies: ListReaderReply[] = [];
    private readonly reader: boolean;
    constructor(url: string | URL, workerOptions?: WorkerOptions) {
      const reader = workerOptions?.name === (options.name ?? 'sijill-list');
      if (reader && options.refuse) throw new DOMException('workers refused here', 'SecurityError');
      // A script that throws at once: the error event the vault worker falls back on.
      super(reader && options.brokenScript ? URL.createObjectURL(new Blob(['throw new Error("broken")'], { type: 'text/javascript' })) : url, workerOptions);
      this.reader = reader;
      if (reader) {
        started.push({ worker: this, posted: this.posted, replies: this.replies });
        // Beside the lane's own handler: what the thread answered.
        this.addEventListener('message', (event: MessageEvent<ListReaderReply>) => this.replies.push(event.data));
      }
    }
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      this.posted.push(message as ListReaderRequest);
      super.postMessage(message, transfer as Transferable[]);
      if (this.reader) options.onPost?.(message as ListReaderRequest);
    }
    override terminate(): void {
      terminated.add(this);
      super.terminate();
    }
  }
  vi.stubGlobal('Worker', Recording);
  return { started, alive: () => started.filter((s) => !terminated.has(s.worker)).length };
}

afterEach(async () => {
  vi.unstubAllGlobals();
  await deleteTestDatabases();
});

const titles = (list: { records: readonly { body: { title: string } }[] }) => list.records.map((r) => r.body.title).sort();

describe('lists read on a short-lived thread', VAULT_TESTS, () => {
  it('gives the lists the vault worker would, sends only the keys of their compartments, and ends once idle', async () => {
    const readers = recordReaders();
    // The engine in this realm, so the readers it starts are recorded here.
    const { client } = await makeUnlockedVault({ engine: {} });
    // The reader started at unlock (warmed ahead of the first list) ends if no list comes.
    expect(readers.started).toHaveLength(1);
    expect(readers.started[0]?.posted.map((message) => message.request.kind)).toEqual(['ping']);
    await vi.waitFor(() => expect(readers.alive()).toBe(0), BACKGROUND_WAIT);
    await client.records.create(noteKind, { title: 'first', text: 'كلام' });
    await client.records.create(noteKind, { title: 'second', text: 'more text' });
    await client.records.create(witnessCardKind, { fullName: 'Witness Card Sample' });

    const [notes, titlesOnly, cards] = await Promise.all([
      client.records.list(noteKind),
      client.records.listFields(noteKind, ['title'], (input) => input as { title: string }),
      client.records.list(witnessCardKind),
    ]);

    expect(titles(notes)).toEqual(['first', 'second']);
    expect(titlesOnly.records.map((r) => r.body).sort((a, b) => a.title.localeCompare(b.title))).toEqual([{ title: 'first' }, { title: 'second' }]);
    expect(cards.records.map((r) => r.body)).toEqual([{ fullName: 'Witness Card Sample' }]);
    // One thread for lists asked together; each list got the keys of its own compartment only,
    // moved (the vault worker's copy of the buffer is detached once posted).
    expect(readers.started).toHaveLength(2);
    const posted = (readers.started[1]?.posted ?? []) as KeyedMessage[];
    expect(posted).toHaveLength(3);
    for (const message of posted) {
      const compartments = new Set(message.keys.epochs.map(([compartment]) => compartment));
      const type = message.request.kind === 'search-index' ? null : message.request.type;
      expect([...compartments]).toEqual([type === witnessCardKind.type ? 'witness' : 'general']);
      expect(message.keys.bytes.byteLength).toBe(0);
    }
    await vi.waitFor(() => expect(readers.alive()).toBe(0), BACKGROUND_WAIT);
    expect(listReadersAlive()).toBe(0);

    // A later list starts a new thread, and it ends too.
    expect(titles(await client.records.list(noteKind))).toEqual(['first', 'second']);
    expect(readers.started).toHaveLength(3);
    await vi.waitFor(() => expect(readers.alive()).toBe(0), BACKGROUND_WAIT);
    await client.dispose();
  });

  it('reads the saved search index there too, with the general keys only', async () => {
    const readers = recordReaders();
    const { client } = await makeUnlockedVault({ engine: {} });
    const saved = new TextEncoder().encode('{"v":0}\nan index line, نص عربي\n');
    await client.records.saveSearchIndex(saved.slice());

    expect(await client.records.loadSearchIndex()).toEqual(saved);
    const posted = readers.started.flatMap((started) => started.posted as KeyedMessage[]);
    const asked = posted.filter((message) => message.request.kind === 'search-index');
    expect(asked).toHaveLength(1);
    expect(asked[0]?.keys.epochs.map(([compartment]) => compartment)).toEqual(['general']);
    await client.dispose();
  });

  it('is terminated when the vault locks, and the next unlock lists again', async () => {
    const readers = recordReaders();
    const { client } = await makeUnlockedVault({ engine: {} });
    await client.records.create(noteKind, { title: 'kept', text: '' });
    expect(titles(await client.records.list(noteKind))).toEqual(['kept']);
    expect(readers.alive()).toBe(1); // still within its idle time

    await client.lock('manual');
    expect(readers.alive()).toBe(0);
    expect(listReadersAlive()).toBe(0);

    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
    expect(titles(await client.records.list(noteKind))).toEqual(['kept']);
    await client.dispose();
  });

  it('reads the list on the vault worker when no thread can be started', async () => {
    const readers = recordReaders({ refuse: true });
    const { client } = await makeUnlockedVault({ engine: {} });
    await client.records.create(noteKind, { title: 'here', text: '' });

    expect(titles(await client.records.list(noteKind))).toEqual(['here']);
    expect(readers.started).toHaveLength(0);
    expect(listReadersAlive()).toBe(0);
    await client.dispose();
  });

  it('reads the list on the vault worker when the thread fails, and terminates it', async () => {
    const readers = recordReaders({ brokenScript: true });
    const { client } = await makeUnlockedVault({ engine: {} });
    await client.records.create(noteKind, { title: 'still listed', text: '' });

    expect(titles(await client.records.list(noteKind))).toEqual(['still listed']);
    expect(readers.started).toHaveLength(1);
    expect(readers.alive()).toBe(0);
    expect(listReadersAlive()).toBe(0);
    await client.dispose();
  });

  it('lists a record saved or deleted while its list is read as it is now, never as unreadable', async () => {
    const { client } = await makeUnlockedVault({ engine: {} });
    const saved = await client.records.create(noteKind, { title: 'before', text: '' });
    const deleted = await client.records.create(noteKind, { title: 'going', text: '' });
    for (let i = 0; i < 20; i += 1) await client.records.create(noteKind, { title: `note ${i}`, text: '' });
    await vi.waitFor(() => expect(listReadersAlive()).toBe(0), BACKGROUND_WAIT);

    // The list's rows are read on a thread that is still starting while these two commit.
    const listing = client.records.list(noteKind);
    await client.records.update(noteKind, saved.id, { title: 'after', text: '' }, 1);
    await client.records.delete(noteKind, deleted.id, 1);
    const list = await listing;

    expect(list.unreadable).toEqual([]);
    const listedTitles = titles(list);
    expect(listedTitles.filter((title) => title.startsWith('note '))).toHaveLength(20);
    // The saved one once, in either version; the deleted one at most once.
    expect(listedTitles.filter((title) => title === 'before' || title === 'after')).toHaveLength(1);
    expect(listedTitles.filter((title) => title === 'going').length).toBeLessThanOrEqual(1);
    await client.dispose();
  });

  it("never lets one vault's reader serve another vault open in the same realm", async () => {
    const a = await makeUnlockedVault({ engine: {} });
    const b = await makeUnlockedVault({ engine: {} });
    await a.client.records.create(noteKind, { title: 'in A', text: '' });
    await b.client.records.create(noteKind, { title: 'in B', text: '' });

    const listA = await a.client.records.list(noteKind);
    const listB = await b.client.records.list(noteKind);
    const listAAgain = await a.client.records.list(noteKind);

    expect([titles(listA), titles(listB), titles(listAAgain)]).toEqual([['in A'], ['in B'], ['in A']]);
    expect([listA.unreadable, listB.unreadable, listAAgain.unreadable]).toEqual([[], [], []]);
    await a.client.dispose();
    await b.client.dispose();
    await vi.waitFor(() => expect(listReadersAlive()).toBe(0), BACKGROUND_WAIT);
  });
});

/** A vault with `entries` notes, locked and unlocked again: its deferred audit check runs now. */
async function reopened(entries: number) {
  const { client } = await makeUnlockedVault({ engine: {} });
  for (let i = 0; i < entries; i += 1) await client.records.create(noteKind, { title: `entry ${i}`, text: '' });
  await client.lock('manual');
  expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });
  return client;
}

/** Waits for the audit check and expects it found nothing. */
async function expectCleanCheck(client: Awaited<ReturnType<typeof reopened>>): Promise<void> {
  await client.auditChecked();
  expect(client.getState()).toMatchObject({ status: 'unlocked', auditWarning: null });
}

describe("the audit check's rows fetched on a short-lived thread", VAULT_TESTS, () => {
  it('fetches them there without any key, checks them here, and ends the thread with the check', async () => {
    const readers = recordReaders({ name: 'sijill-audit-rows' });
    const client = await reopened(5);

    await expectCleanCheck(client);
    // One thread per pass of the check, each asked for rows only: no message carries a key.
    expect(readers.started.length).toBeGreaterThanOrEqual(2);
    const posted = readers.started.flatMap((started) => started.posted);
    expect(posted.filter((message) => message.request.kind === 'rows').length).toBeGreaterThanOrEqual(2);
    for (const message of posted) {
      expect(['ping', 'rows']).toContain(message.request.kind);
      expect(message.keys).toBeUndefined();
    }
    // The rows came from the thread (not from the fallback on the vault worker).
    const answered = readers.started.flatMap((started) => started.replies).filter((reply) => reply.ok && 'reply' in reply && reply.reply !== null && 'ids' in reply.reply);
    expect(answered.length).toBeGreaterThanOrEqual(2);
    expect(readers.alive()).toBe(0);
    await client.dispose();
  });

  it('reads them on the vault worker when no thread can be started, with the same verdict', async () => {
    const readers = recordReaders({ name: 'sijill-audit-rows', refuse: true });
    const client = await reopened(1);

    await expectCleanCheck(client);
    expect(readers.started).toHaveLength(0);
    await client.dispose();
  });

  it('reads them on the vault worker when the thread fails, and terminates it', async () => {
    const readers = recordReaders({ name: 'sijill-audit-rows', brokenScript: true });
    const client = await reopened(1);

    await expectCleanCheck(client);
    expect(readers.started.length).toBeGreaterThanOrEqual(1);
    expect(readers.alive()).toBe(0);
    await client.dispose();
  });

  it('ends the thread and the check when the vault locks while a batch is fetched', async () => {
    let locking: Promise<void> | null = null;
    let lockNow: (() => void) | null = null;
    const readers = recordReaders({
      name: 'sijill-audit-rows',
      onPost: (message) => {
        if (message.request.kind === 'rows') lockNow?.();
      },
    });
    const { client } = await makeUnlockedVault({ engine: {} });
    await client.records.create(noteKind, { title: 'one entry', text: '' });
    await client.lock('manual');
    lockNow = () => {
      lockNow = null;
      locking = client.lock('manual');
    };
    expect(await client.unlock(PASSPHRASE)).toEqual({ ok: true });

    await expect(client.auditChecked()).rejects.toThrow();
    await locking;
    expect(readers.started.length).toBeGreaterThanOrEqual(1);
    expect(readers.alive()).toBe(0);
    await client.dispose();
  });
});
