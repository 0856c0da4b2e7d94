/**
 * Argon2id on a thread that lives for one derivation. Runs in the vault worker, which passes
 * `argon2idInWorker` to every call that runs Argon2id: the keyring's (shared/crypto/keyring.ts)
 * and a backup's passphrase stanza, written or opened (shared/bundle/stanzas.ts).
 *
 * Why: libsodium's WebAssembly heap grows to Argon2id's memory cost (256 MiB by default, 1 GiB
 * for high-risk vaults) and WebAssembly memory never shrinks, so an Argon2id run in the vault
 * worker would keep that much for the whole unlocked session. Here each derivation gets a fresh
 * worker (argon2id.worker.ts) that is terminated as soon as the key is back, which returns its
 * memory to the system. Nested workers die with the vault worker at lock.
 *
 * - Secrets: the worker gets a copy of the passphrase bytes, moved (transferred) rather than
 *   cloned, and wipes it after use; the caller still wipes its own. The key comes back moved,
 *   so it ends up only in the vault worker. The worker sees no other secret.
 * - Latency: starting a worker and loading libsodium in it takes tens of milliseconds, so the
 *   vault worker starts one ahead (`prepareArgon2id`, at connect and after a failed unlock)
 *   while the user types the passphrase.
 * - Failure: if no worker can run here (no Worker in this scope, a blocked script), Argon2id
 *   runs on this thread as before: same key, only the memory is kept. A KDF failure inside the
 *   worker (e.g. out of memory) is the same `KdfError` as on this thread.
 */
import { getSodium, KdfError, type KdfErrorCode, type KdfParams, type PassphraseKdf } from '../../../../shared/crypto';
import { argon2id } from '../../../../shared/crypto/kdf-params';

/** vault worker → Argon2id worker: one request per worker. */
export interface Argon2idRequest {
  readonly passphrase: Uint8Array<ArrayBuffer>;
  readonly salt: Uint8Array;
  readonly params: KdfParams;
}

/** Argon2id worker → vault worker. */
export type Argon2idReply = { readonly kind: 'key'; readonly key: Uint8Array<ArrayBuffer> } | { readonly kind: 'failed'; readonly code: KdfErrorCode };

/** Starts an Argon2id worker; null where workers cannot run. */
function spawn(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./argon2id.worker.ts', import.meta.url), { type: 'module', name: 'sijill-kdf' });
  } catch {
    return null;
  }
}

/** A worker started ahead of need, not yet used. */
let waiting: Worker | null = null;
/** Workers started and not yet terminated (tests check that none is left behind). */
let live = 0;

/** Starts the next derivation's worker now, so libsodium is loaded when the passphrase comes. */
export function prepareArgon2id(): void {
  if (waiting) return;
  waiting = spawn();
  if (waiting) live += 1;
}

/** How many Argon2id workers are running or waiting (0 between derivations, once none is prepared). */
export function argon2idWorkersAlive(): number {
  return live;
}

/** Runs one derivation in `worker`; null if the worker could not run at all. */
function deriveIn(worker: Worker, passphrase: Uint8Array, salt: Uint8Array, params: KdfParams): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<Argon2idReply>) => (data.kind === 'key' ? resolve(data.key) : reject(new KdfError(data.code)));
    worker.onerror = (event) => {
      event.preventDefault();
      resolve(null); // the script did not load or threw: derive here instead
    };
    worker.onmessageerror = () => resolve(null);
    const moved = passphrase.slice();
    const request: Argon2idRequest = { passphrase: moved, salt: salt.slice(), params: { ops: params.ops, mem: params.mem } };
    worker.postMessage(request, [moved.buffer]);
  });
}

/** Argon2id in a worker of its own, terminated as soon as it answered (see the file comment). */
export const argon2idInWorker: PassphraseKdf = async (passphrase, salt, params) => {
  let worker = waiting;
  waiting = null;
  if (!worker) {
    worker = spawn();
    if (worker) live += 1;
  }
  let key: Uint8Array | null = null;
  if (worker) {
    try {
      key = await deriveIn(worker, passphrase, salt, params);
    } finally {
      worker.terminate();
      live -= 1;
    }
  }
  return key ?? argon2id(await getSodium(), passphrase, salt, params);
};
