import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOpfsKeyringStore, KEYRING_FILE, KEYRING_TEMP_FILE } from '../../../renderer/src/platform/web-keyring';
import { IPC_LIMITS } from '../../../shared/ipc/contract';
import { createTestDirectory, listNames, plantFile, removeTestDirectory } from '../support/opfs';

let directory: FileSystemDirectoryHandle;
const store = () => createOpfsKeyringStore(async () => directory);
const bytes = (...values: number[]) => new Uint8Array(values);

beforeEach(async () => {
  directory = await createTestDirectory();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await removeTestDirectory(directory);
});

/** The prototype that carries FileSystemHandle.move in this Chromium. */
function moveOwner(): object {
  for (const proto of [FileSystemFileHandle.prototype, FileSystemHandle.prototype]) {
    if (Object.hasOwn(proto, 'move')) return proto;
  }
  throw new Error('this Chromium has no FileSystemHandle.move');
}

describe('OPFS keyring store', () => {
  it('reads null when no keyring exists', async () => {
    expect(await store().read()).toBeNull();
  });

  it('writes and reads back the exact bytes, leaving only the keyring file', async () => {
    await store().write(bytes(1, 2, 3, 250));
    expect(await store().read()).toEqual(bytes(1, 2, 3, 250));
    expect(await listNames(directory)).toEqual([KEYRING_FILE]);
  });

  it('replaces a longer keyring completely, with no temp file left', async () => {
    await store().write(new Uint8Array(4096).fill(7));
    await store().write(bytes(9, 8));
    expect(await store().read()).toEqual(bytes(9, 8));
    expect(await listNames(directory)).toEqual([KEYRING_FILE]);
  });

  it('keeps its own copy: changing the caller’s array later changes nothing', async () => {
    const input = bytes(1, 2, 3);
    await store().write(input);
    input.fill(0);
    expect(await store().read()).toEqual(bytes(1, 2, 3));
  });

  it('ignores a temp file left by an interrupted write and replaces it on the next write', async () => {
    await plantFile(directory, KEYRING_TEMP_FILE, bytes(6, 6, 6));
    expect(await store().read()).toBeNull();
    await store().write(bytes(4));
    expect(await store().read()).toEqual(bytes(4));
    expect(await listNames(directory)).toEqual([KEYRING_FILE]);
  });

  it('keeps the old keyring and drops the temp file when the rename fails', async () => {
    await store().write(bytes(1, 1));
    vi.spyOn(moveOwner() as { move(): Promise<void> }, 'move').mockRejectedValue(new DOMException('boom', 'InvalidStateError'));
    await expect(store().write(bytes(2, 2))).rejects.toThrow('boom');
    expect(await store().read()).toEqual(bytes(1, 1));
    expect(await listNames(directory)).toEqual([KEYRING_FILE]);
  });

  it('still writes atomically where move() is missing, without a temp file', async () => {
    const owner = moveOwner();
    const move = Object.getOwnPropertyDescriptor(owner, 'move');
    Reflect.deleteProperty(owner, 'move');
    try {
      await store().write(bytes(3, 3, 3));
      await store().write(bytes(5));
      expect(await store().read()).toEqual(bytes(5));
      expect(await listNames(directory)).toEqual([KEYRING_FILE]);
    } finally {
      if (move) Object.defineProperty(owner, 'move', move);
    }
  });

  it('refuses to write or read a keyring over the size limit', async () => {
    await store().write(bytes(1));
    await expect(store().write(new Uint8Array(IPC_LIMITS.keyringBytes + 1))).rejects.toThrow(RangeError);
    expect(await store().read()).toEqual(bytes(1));
    await plantFile(directory, KEYRING_FILE, new Uint8Array(IPC_LIMITS.keyringBytes + 1));
    await expect(store().read()).rejects.toThrow('too large');
  });

  it('wipes by overwriting with random bytes of the same length, then deleting', async () => {
    const secret = new Uint8Array(3000).fill(0x5a);
    await store().write(secret);
    const writes: Uint8Array[] = [];
    const write = FileSystemWritableFileStream.prototype.write;
    vi.spyOn(FileSystemWritableFileStream.prototype, 'write').mockImplementation(function (this: FileSystemWritableFileStream, data) {
      if (ArrayBuffer.isView(data)) writes.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice());
      return write.call(this, data);
    });

    await store().wipe();

    expect(writes).toHaveLength(1);
    expect(writes[0]?.byteLength).toBe(secret.byteLength);
    expect(writes[0]?.filter((value) => value === 0x5a).length).toBeLessThan(100);
    expect(await store().read()).toBeNull();
    expect(await listNames(directory)).toEqual([]);
  });

  it('wipes a leftover temp file too, and is a no-op when nothing is stored', async () => {
    await plantFile(directory, KEYRING_TEMP_FILE, bytes(6, 6, 6));
    await store().write(bytes(1));
    await plantFile(directory, KEYRING_TEMP_FILE, bytes(7, 7));
    await store().wipe();
    expect(await listNames(directory)).toEqual([]);
    await expect(store().wipe()).resolves.toBeUndefined();
  });
});
