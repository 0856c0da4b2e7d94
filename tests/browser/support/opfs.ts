/**
 * A private OPFS directory per test, so keyring tests never touch the app's own root and
 * leave nothing behind.
 */

/** Creates a uniquely named directory under the OPFS root. */
export async function createTestDirectory(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(`test-${crypto.randomUUID()}`, { create: true });
}

/** Removes a directory made by createTestDirectory, with everything in it. */
export async function removeTestDirectory(directory: FileSystemDirectoryHandle): Promise<void> {
  const root = await navigator.storage.getDirectory();
  await root.removeEntry(directory.name, { recursive: true });
}

/** The names in a directory, sorted (TypeScript's DOM types lack the async iterator). */
export async function listNames(directory: FileSystemDirectoryHandle): Promise<string[]> {
  const names: string[] = [];
  for await (const name of (directory as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  return names.sort();
}

/** Writes a file directly, bypassing the store (to plant leftovers and oversized files). */
export async function plantFile(directory: FileSystemDirectoryHandle, name: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const handle = await directory.getFileHandle(name, { create: true });
  const writable = await handle.createWritable();
  await writable.write(bytes);
  await writable.close();
}
