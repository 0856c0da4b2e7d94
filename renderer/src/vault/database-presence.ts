/**
 * Looking for the vault database, and deleting it, without opening it. Runs on the renderer's
 * main thread (the vault worker is the only code that opens the database).
 *
 * Opening an IndexedDB database creates it when it is missing. After a panic wipe the next
 * start must not do that: an empty database named after the app says, to anyone looking at the
 * profile, that the app was used here. So the client looks first (`indexedDB.databases()`, which
 * Chromium and Electron have) and spawns a worker, which opens the database, only when a keyring
 * exists or a vault is being created.
 */

/** How long an orphan deletion may wait for another connection to let go. */
const DELETE_TIMEOUT_MS = 10_000;

/**
 * True if a database called `name` exists, false if not, null if this browser cannot tell
 * (no `databases()`): the caller then treats it as possibly there.
 */
export async function databaseExists(name: string, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<boolean | null> {
  if (!factory || typeof factory.databases !== 'function') return null;
  try {
    return (await factory.databases()).some((info) => info.name === name);
  } catch {
    return null;
  }
}

/**
 * Deletes the database called `name` (deleting a missing one creates nothing). While another
 * connection is open the request waits ("blocked") until it closes — Dexie closes on the
 * version change — or rejects after the timeout.
 */
export function deleteDatabase(name: string, factory: IDBFactory = globalThis.indexedDB, timeoutMs = DELETE_TIMEOUT_MS): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('deleting the database timed out')), timeoutMs);
    const request = factory.deleteDatabase(name);
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error('deleting the database failed'));
    };
  });
}
