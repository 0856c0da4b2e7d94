/**
 * Attachment throughput against raw libsodium secretstream, in the same run (DESIGN.md §13,
 * issue 5's budget: ≥ 60 % of raw). For the bench harness (`npm run bench`, a later issue);
 * not part of the app's screens. Runs on a page's main thread in real Chromium.
 *
 * Figures, all for the same bytes:
 * - raw:        secretstream push / pull of 64 KiB chunks in memory, nothing else;
 * - attachment: a real vault (own database, Argon2id at its floor) importing a Blob through the
 *               worker (read, SHA-256, pad, encrypt, write chunk rows) and reading it back
 *               (read rows, decrypt, check padding and SHA-256, hand the bytes to this thread).
 * - storage:    the same number of 65553-byte rows written to (and read from) a plain Dexie
 *               table, 32 per transaction, strict durability, with no crypto at all: the floor
 *               that IndexedDB alone sets under the attachment figures.
 * The attachment figures include IndexedDB, which raw secretstream does not touch: the ratio
 * says how much of the budget storage and hashing take, and the storage figures say how much
 * of that is IndexedDB's own speed. (In Chromium, a value over 64 KiB is kept as a separate
 * blob file, so rows of 65553 bytes write at a fraction of the speed of slightly smaller ones.)
 */
import Dexie from 'dexie';
import { KDF_FLOOR } from '../../../../shared/crypto/kdf-params';
import { getSodium } from '../../../../shared/crypto';
import { CHUNK_BYTES, CIPHER_CHUNK_BYTES } from '../../../../shared/stream';
import { createVaultClient } from '../../vault/create-vault-client';
import type { KeyringStore } from '../../platform/platform';

export interface ThroughputFigures {
  readonly bytes: number;
  /** MiB/s. */
  readonly rawEncrypt: number;
  readonly rawDecrypt: number;
  readonly attachmentEncrypt: number;
  readonly attachmentDecrypt: number;
  /** MiB/s of plaintext-equivalent rows through plain IndexedDB (no crypto): the storage floor. */
  readonly storageWrite: number;
  readonly storageRead: number;
  /** attachment ÷ raw. */
  readonly encryptRatio: number;
  readonly decryptRatio: number;
  /** Largest growth of measured memory during the attachment runs, bytes; null if unmeasurable. */
  readonly peakMemoryGrowth: number | null;
  /** What was measured: the whole agent (needs cross-origin isolation) or this thread's JS heap. */
  readonly memorySource: 'user-agent' | 'js-heap' | 'none';
  /** Longest task on this (the UI) thread during the attachment runs, ms (0: none over 50 ms). */
  readonly longestUiTaskMs: number;
}

const MiB = 1024 * 1024;

function memoryKeyring(): KeyringStore {
  let bytes: Uint8Array | null = null;
  return {
    read: async () => bytes?.slice() ?? null,
    write: async (next) => {
      bytes = next.slice();
    },
    wipe: async () => {
      bytes = null;
    },
  };
}

interface MemoryProbe {
  readonly source: ThroughputFigures['memorySource'];
  read(): Promise<number | null>;
}

function memoryProbe(): MemoryProbe {
  const perf = performance as Performance & { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>; memory?: { usedJSHeapSize: number } };
  if (globalThis.crossOriginIsolated && perf.measureUserAgentSpecificMemory) {
    const measure = perf.measureUserAgentSpecificMemory.bind(perf);
    return { source: 'user-agent', read: async () => (await measure()).bytes };
  }
  if (perf.memory) return { source: 'js-heap', read: async () => perf.memory?.usedJSHeapSize ?? null };
  return { source: 'none', read: async () => null };
}

/** Raw secretstream push, then pull, of `data` in 64 KiB chunks in memory (ms each): the baseline of every stream figure. */
export async function rawSecretstream(data: Uint8Array): Promise<{ encrypt: number; decrypt: number }> {
  const s = await getSodium();
  const key = s.crypto_secretstream_xchacha20poly1305_keygen();
  const chunks: Uint8Array[] = [];
  let start = performance.now();
  const pushed = s.crypto_secretstream_xchacha20poly1305_init_push(key);
  for (let at = 0; at < data.length; at += CHUNK_BYTES) {
    const final = at + CHUNK_BYTES >= data.length;
    const tag = final ? s.crypto_secretstream_xchacha20poly1305_TAG_FINAL : s.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE;
    chunks.push(s.crypto_secretstream_xchacha20poly1305_push(pushed.state, data.subarray(at, at + CHUNK_BYTES), null, tag));
  }
  const encrypt = performance.now() - start;
  start = performance.now();
  const pulled = s.crypto_secretstream_xchacha20poly1305_init_pull(pushed.header, key);
  for (const chunk of chunks) if (!s.crypto_secretstream_xchacha20poly1305_pull(pulled, chunk, null)) throw new Error('raw pull failed');
  const decrypt = performance.now() - start;
  return { encrypt, decrypt };
}

/** Writes and reads the rows of `bytes` of attachment through a plain Dexie table (ms each). */
async function plainStorage(bytes: number, databaseName: string): Promise<{ write: number; read: number }> {
  const db = new Dexie(databaseName, { chromeTransactionDurability: 'strict', cache: 'disabled' });
  db.version(1).stores({ chunks: 'id' });
  const table = db.table<{ id: string; body: Uint8Array }, string>('chunks');
  const count = Math.floor(bytes / CHUNK_BYTES) + 1; // as stored: the padding byte needs one more chunk
  const batch = 32; // the vault's CHUNK_BATCH
  const ids = Array.from({ length: count }, () => crypto.randomUUID());
  // One batch of random bodies, like ciphertext (Chromium may compress values: zeros would
  // flatter it), reused for every batch so the baseline holds 2 MiB whatever the size.
  const bodies = Array.from({ length: batch }, () => {
    const body = new Uint8Array(CIPHER_CHUNK_BYTES);
    crypto.getRandomValues(body.subarray(0, CHUNK_BYTES));
    crypto.getRandomValues(body.subarray(CHUNK_BYTES));
    return body;
  });
  try {
    let start = performance.now();
    for (let at = 0; at < count; at += batch) {
      const rows = ids.slice(at, at + batch).map((id, offset) => ({ id, body: bodies[offset] ?? new Uint8Array(CIPHER_CHUNK_BYTES) }));
      await db.transaction('rw', table, () => table.bulkPut(rows));
    }
    const write = performance.now() - start;
    start = performance.now();
    for (let at = 0; at < count; at += batch) await table.bulkGet(ids.slice(at, at + batch));
    return { write, read: performance.now() - start };
  } finally {
    db.close();
    await Dexie.delete(databaseName).catch(() => undefined);
  }
}

/** Runs the benchmark over `sizeMiB` MiB (default 64) and returns the figures. */
export async function benchAttachmentThroughput(options: { sizeMiB?: number; databaseName?: string } = {}): Promise<ThroughputFigures> {
  const bytes = (options.sizeMiB ?? 64) * MiB;
  const data = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += 65536) crypto.getRandomValues(data.subarray(at, Math.min(bytes, at + 65536)));
  const raw = await rawSecretstream(data);
  const storage = await plainStorage(bytes, `sijill-bench-storage-${crypto.randomUUID()}`);

  const databaseName = options.databaseName ?? `sijill-bench-${crypto.randomUUID()}`;
  const vault = createVaultClient({ platform: { keyring: memoryKeyring(), onLockSignal: () => () => undefined }, databaseName, kdfParams: () => KDF_FLOOR });
  const probe = memoryProbe();
  let longest = 0;
  let observedFrom = Infinity;
  const tasks = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('longtask')
    ? new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (entry.startTime >= observedFrom) longest = Math.max(longest, entry.duration);
      })
    : null;
  let peak = 0;
  let sampling = true;
  const baseline = (await probe.read()) ?? 0;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, ((await probe.read()) ?? baseline) - baseline);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    await vault.init();
    await vault.create({ passphrase: 'benchmark passphrase, not a secret', profile: 'moderate', withRecoveryKey: false });
    const owner = { kind: 'testimony' as const, id: 'BenchmarkOwner0000000A' };
    const blob = new Blob([data]); // outside the timed part: a picked file is a handle already
    // Copying 64 MiB into that Blob is one long task of the bench's own: it ends before the
    // observer starts (an observer started inside a task reports that task too), and nothing
    // that started before the import counts.
    await new Promise((resolve) => setTimeout(resolve, 0));
    observedFrom = performance.now();
    tasks?.observe({ type: 'longtask' });
    let start = performance.now();
    const info = await vault.attachments.importFile(blob, { name: 'bench.bin', mediaType: '', owner, source: 'file', capturedAt: new Date().toISOString() });
    const encrypt = performance.now() - start;
    start = performance.now();
    const reader = await vault.attachments.open(info.id);
    for (let done = false; !done; ) done = (await reader.read()).done;
    const decrypt = performance.now() - start;
    const rate = (ms: number) => bytes / MiB / (ms / 1000);
    return {
      bytes,
      rawEncrypt: rate(raw.encrypt),
      rawDecrypt: rate(raw.decrypt),
      attachmentEncrypt: rate(encrypt),
      attachmentDecrypt: rate(decrypt),
      storageWrite: rate(storage.write),
      storageRead: rate(storage.read),
      encryptRatio: raw.encrypt / encrypt,
      decryptRatio: raw.decrypt / decrypt,
      peakMemoryGrowth: probe.source === 'none' ? null : peak,
      memorySource: probe.source,
      longestUiTaskMs: longest,
    };
  } finally {
    tasks?.disconnect();
    sampling = false;
    await sampler;
    await vault.panicWipe().catch(() => undefined);
    await vault.dispose();
  }
}
