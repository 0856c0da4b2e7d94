/**
 * One unlocked session per vault database, across tabs and windows. Runs in the vault worker.
 *
 * Two sessions writing the same database would each re-encrypt head shards from their own
 * memory (one silently undoing the other's index entries) and fork the audit chain. In
 * Electron the single-instance lock prevents that; in the browser build a second tab could
 * unlock the same vault. A Web Lock held for the session's life (released at close, or by the
 * browser when the worker is terminated or crashes) makes the second unlock refuse up front,
 * before any attempt is counted or any key derived.
 */

/** A held lock. */
export interface HeldLock {
  release(): void;
}

/** Takes the session lock of `databaseName`, or returns null if another session holds it. */
export function acquireSessionLock(databaseName: string): Promise<HeldLock | null> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return Promise.resolve({ release: () => undefined }); // nothing else can run here either
  return new Promise((resolve, reject) => {
    locks
      .request(`sijill-vault-session:${databaseName}`, { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        return new Promise<void>((release) => resolve({ release: () => release() }));
      })
      .catch(reject);
  });
}
