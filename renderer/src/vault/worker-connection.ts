/**
 * One vault worker, from spawn to terminate. Runs on the renderer's main thread.
 *
 * Terminating a worker leaves comlink calls to it pending forever, so every call goes through
 * `call`, which also rejects with `LockedError` the moment the connection is ended: code
 * awaiting a save when the vault locks gets an answer instead of hanging.
 */
import { proxy, releaseProxy, wrap, type Endpoint, type Remote } from 'comlink';
import type { KeyringStore } from '../platform/platform';
import { installVaultErrorTransfer, LockedError } from './vault-errors';
import type { LockoutInfo, VaultWorkerApi } from './worker-api';

/** What the client needs from a worker: a message endpoint it can terminate. */
export type WorkerEndpoint = Endpoint & { terminate(): void };

/** Starts the real vault worker (a dedicated module worker). */
export function spawnVaultWorker(): WorkerEndpoint {
  return new Worker(new URL('./vault.worker.ts', import.meta.url), { type: 'module', name: 'sijill-vault' });
}

/** How long `end` waits for the worker to flush and wipe before terminating it anyway. */
export const CLOSE_TIMEOUT_MS = 3000;

/** A live worker and its comlink proxy. */
export class WorkerConnection {
  private readonly ended = new AbortController();
  private readonly endedPromise: Promise<never>;
  private terminated = false;

  private constructor(
    private readonly endpoint: WorkerEndpoint,
    private readonly api: Remote<VaultWorkerApi>,
  ) {
    this.endedPromise = new Promise<never>((_, reject) => {
      this.ended.signal.addEventListener('abort', () => reject(new LockedError()), { once: true });
    });
    this.endedPromise.catch(() => undefined); // nobody may be racing it; not an unhandled rejection
  }

  /**
   * Spawns a worker, opens the database in it and lends it the keyring writer: new keyring
   * bytes travel worker → here → platform store, never the other way round.
   */
  static async open(spawn: () => WorkerEndpoint, databaseName: string, keyring: KeyringStore): Promise<{ connection: WorkerConnection; lockout: LockoutInfo }> {
    installVaultErrorTransfer();
    const endpoint = spawn();
    const api = wrap<VaultWorkerApi>(endpoint);
    const connection = new WorkerConnection(endpoint, api);
    try {
      const writer = proxy(async (bytes: Uint8Array) => keyring.write(bytes));
      const lockout = await connection.call((w) => w.connect({ databaseName }, writer));
      return { connection, lockout };
    } catch (error) {
      connection.terminate();
      throw error;
    }
  }

  /** True once `end` or `terminate` was called. */
  get isEnded(): boolean {
    return this.ended.signal.aborted;
  }

  /** Calls the worker; rejects with `LockedError` if the connection ends first. */
  call<T>(task: (api: Remote<VaultWorkerApi>) => Promise<T>): Promise<T> {
    if (this.isEnded) return Promise.reject(new LockedError());
    return Promise.race([task(this.api), this.endedPromise]);
  }

  /**
   * Lock: pending calls reject at once, then the worker gets `finish` (flush and wipe, or
   * destroy) with a deadline, then it is terminated whatever happened.
   */
  async end(finish: (api: Remote<VaultWorkerApi>) => Promise<void> = (api) => api.close(), timeoutMs = CLOSE_TIMEOUT_MS): Promise<void> {
    if (this.terminated) return;
    this.ended.abort();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await Promise.race([finish(this.api).catch(() => undefined), deadline]);
    } finally {
      clearTimeout(timer);
      this.terminate();
    }
  }

  /** Terminates at once (the worker's memory goes with it; keys are not wiped first). */
  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.ended.abort();
    this.api[releaseProxy]();
    this.endpoint.terminate();
  }
}
