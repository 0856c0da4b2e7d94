import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { nodeFileSystem } from '../../../../../electron/main/adapters/node-fs';
import { KEYRING_FILE, createKeyringStore } from '../../../../../electron/main/handlers/keyring';
import type { FileSystemPort } from '../../../../../electron/main/ports';
import { fullDisk, withFileOverrides } from './fs-faults';
import { tempDir } from './temp-dir';

const bytes = (...values: number[]) => new Uint8Array(values);

function store(directory: string, fs: FileSystemPort = nodeFileSystem, maxBytes?: number) {
  return createKeyringStore({ fs, directory: () => directory, ...(maxBytes === undefined ? {} : { maxBytes }) });
}

describe('keyring file', () => {
  it('reads null before the first write, even without a user-data folder', async () => {
    await expect(store(join(tempDir(), 'not-yet')).readKeyring()).resolves.toBeNull();
  });

  it('round-trips, as a 0600 file, leaving no temp file behind', async () => {
    const dir = tempDir();
    const keyring = store(dir);
    await keyring.writeKeyring(bytes(1, 2, 3));
    await expect(keyring.readKeyring()).resolves.toEqual(bytes(1, 2, 3));
    expect(readdirSync(dir)).toEqual([KEYRING_FILE]);
    expect(statSync(join(dir, KEYRING_FILE)).mode & 0o777).toBe(0o600);
    await keyring.writeKeyring(bytes(4));
    await expect(keyring.readKeyring()).resolves.toEqual(bytes(4));
    expect(readdirSync(dir)).toEqual([KEYRING_FILE]);
  });

  it('reads an empty keyring as empty bytes (the vault decides what that means)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEYRING_FILE), '');
    await expect(store(dir).readKeyring()).resolves.toEqual(new Uint8Array(0));
  });

  it('keyring write interrupted between write and rename: old file intact', async () => {
    const dir = tempDir();
    await store(dir).writeKeyring(bytes(1, 1, 1));
    const interrupted = store(dir, { ...nodeFileSystem, rename: () => Promise.reject(new Error('EIO: power lost')) });
    await expect(interrupted.writeKeyring(bytes(2, 2, 2, 2))).rejects.toThrow('EIO');
    expect([...readFileSync(join(dir, KEYRING_FILE))]).toEqual([1, 1, 1]);
    expect(readdirSync(dir)).toEqual([KEYRING_FILE]);
  });

  it('keeps the old file when the disk is full, and cleans up the temp file', async () => {
    const dir = tempDir();
    await store(dir).writeKeyring(bytes(1));
    await expect(store(dir, fullDisk).writeKeyring(bytes(2))).rejects.toThrow('ENOSPC');
    expect([...readFileSync(join(dir, KEYRING_FILE))]).toEqual([1]);
    expect(readdirSync(dir)).toEqual([KEYRING_FILE]);
  });

  it('after a process killed mid-write: reads the old keyring and removes the leftover temp file', async () => {
    const dir = tempDir();
    await store(dir).writeKeyring(bytes(1, 2));
    writeFileSync(join(dir, `${KEYRING_FILE}.AbCdEf0123456789.tmp`), bytes(9, 9, 9));
    writeFileSync(join(dir, 'unrelated.tmp'), 'x');
    await expect(store(dir).readKeyring()).resolves.toEqual(bytes(1, 2));
    expect(readdirSync(dir).sort()).toEqual([KEYRING_FILE, 'unrelated.tmp']);
  });

  it('flushes the folder after the rename', async () => {
    const dir = tempDir();
    const order: string[] = [];
    const spying: FileSystemPort = {
      ...nodeFileSystem,
      rename: async (from, to) => {
        order.push('rename');
        await nodeFileSystem.rename(from, to);
      },
      syncDirectory: async (path) => {
        order.push(`syncDirectory ${path === dir}`);
        await nodeFileSystem.syncDirectory(path);
      },
    };
    await store(dir, spying).writeKeyring(bytes(1));
    expect(order).toEqual(['rename', 'syncDirectory true']);
  });

  it('refuses to write more than the size limit, writing nothing', async () => {
    const dir = tempDir();
    await expect(store(dir, nodeFileSystem, 4).writeKeyring(bytes(1, 2, 3, 4, 5))).rejects.toThrow('too-large');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to read an oversized file without reading it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEYRING_FILE), new Uint8Array(5));
    const read = vi.fn();
    const fs = withFileOverrides(nodeFileSystem, () => ({ read }));
    await expect(store(dir, fs, 4).readKeyring()).rejects.toThrow('too-large');
    expect(read).not.toHaveBeenCalled();
  });

  it('wipes by overwriting with random bytes of the same length, then deleting', async () => {
    const dir = tempDir();
    const keyring = store(dir);
    await keyring.writeKeyring(bytes(1, 2, 3, 4, 5));
    writeFileSync(join(dir, `${KEYRING_FILE}.leftover.tmp`), bytes(7, 7));
    const seenBeforeUnlink = new Map<string, number[]>();
    const random = vi.fn((length: number) => new Uint8Array(length).fill(0xab));
    const wiping = createKeyringStore({
      fs: {
        ...nodeFileSystem,
        unlink: async (path) => {
          seenBeforeUnlink.set(path, [...readFileSync(path)]);
          await nodeFileSystem.unlink(path);
        },
      },
      directory: () => dir,
      random,
    });
    await wiping.wipeKeyring();
    expect(seenBeforeUnlink.get(join(dir, KEYRING_FILE))).toEqual([0xab, 0xab, 0xab, 0xab, 0xab]);
    expect(seenBeforeUnlink.get(join(dir, `${KEYRING_FILE}.leftover.tmp`))).toEqual([0xab, 0xab]);
    expect(readdirSync(dir)).toEqual([]);
    await expect(keyring.readKeyring()).resolves.toBeNull();
  });

  it('wipes harmlessly when there is nothing to wipe', async () => {
    const dir = tempDir();
    await expect(store(dir).wipeKeyring()).resolves.toBeUndefined();
    await expect(store(join(dir, 'absent')).wipeKeyring()).resolves.toBeUndefined();
  });

  it('runs calls in order: a write racing a panic wipe cannot resurrect the keyring', async () => {
    const dir = tempDir();
    const keyring = store(dir);
    const write = keyring.writeKeyring(bytes(1, 2, 3));
    const wipe = keyring.wipeKeyring();
    await Promise.all([write, wipe]);
    expect(existsSync(join(dir, KEYRING_FILE))).toBe(false);
  });
});
