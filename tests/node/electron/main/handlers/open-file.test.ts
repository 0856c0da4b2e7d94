import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { nodeFileSystem } from '../../../../../electron/main/adapters/node-fs';
import { createOpenFileHandlers } from '../../../../../electron/main/handlers/open-file';
import type { FileDialogsPort, FileSystemPort } from '../../../../../electron/main/ports';
import { withFileOverrides } from './fs-faults';
import { tempDir } from './temp-dir';

const filters = [{ name: 'Sijill bundle', extensions: ['sijill'] }];

function dialogsChoosing(path: string | null): FileDialogsPort & { chooseFileToOpen: ReturnType<typeof vi.fn> } {
  return { chooseSaveTarget: vi.fn(() => Promise.resolve(null)), chooseFileToOpen: vi.fn(() => Promise.resolve(path)) };
}

async function opened(handlers: ReturnType<typeof createOpenFileHandlers>) {
  const result = await handlers.openFile({ filters });
  if (result.status !== 'opened') throw new Error('expected an opened file');
  return result;
}

describe('open file', () => {
  it('returns cancelled when the user cancels', async () => {
    const handlers = createOpenFileHandlers({ fs: nodeFileSystem, dialogs: dialogsChoosing(null) });
    await expect(handlers.openFile({ filters })).resolves.toEqual({ status: 'cancelled' });
  });

  it('hands out a handle, the name and the size, never the path', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'received.sijill'), new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const dialogs = dialogsChoosing(join(dir, 'received.sijill'));
    const handlers = createOpenFileHandlers({ fs: nodeFileSystem, dialogs });
    const result = await opened(handlers);
    expect(dialogs.chooseFileToOpen).toHaveBeenCalledWith(filters);
    expect(result).toEqual({ status: 'opened', handle: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/), name: 'received.sijill', size: 10 });
    expect(JSON.stringify(result)).not.toContain(dir);
    await handlers.closeFile({ handle: result.handle });
  });

  it('reads slices, short at the end and empty past it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f.sijill'), new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const handlers = createOpenFileHandlers({ fs: nodeFileSystem, dialogs: dialogsChoosing(join(dir, 'f.sijill')) });
    const { handle } = await opened(handlers);
    await expect(handlers.readFileChunk({ handle, offset: 2, length: 3 })).resolves.toEqual(new Uint8Array([2, 3, 4]));
    const tail = await handlers.readFileChunk({ handle, offset: 8, length: 5 });
    expect(tail).toEqual(new Uint8Array([8, 9]));
    expect(tail.buffer.byteLength).toBe(2);
    await expect(handlers.readFileChunk({ handle, offset: 20, length: 5 })).resolves.toEqual(new Uint8Array(0));
    await handlers.closeFile({ handle });
    await handlers.closeFile({ handle });
    await expect(handlers.readFileChunk({ handle, offset: 0, length: 1 })).rejects.toThrow('unknown-handle');
  });

  it('keeps reading until the slice is full when the OS returns less', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f.sijill'), new Uint8Array([1, 2, 3, 4]));
    const trickle: FileSystemPort = withFileOverrides(nodeFileSystem, (file) => ({
      read: (buffer, offset, _length, position) => file.read(buffer, offset, 1, position),
    }));
    const handlers = createOpenFileHandlers({ fs: trickle, dialogs: dialogsChoosing(join(dir, 'f.sijill')) });
    const { handle } = await opened(handlers);
    await expect(handlers.readFileChunk({ handle, offset: 0, length: 4 })).resolves.toEqual(new Uint8Array([1, 2, 3, 4]));
    await handlers.closeAll();
  });

  it('refuses a directory and keeps nothing open', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder.sijill'));
    const handlers = createOpenFileHandlers({ fs: nodeFileSystem, dialogs: dialogsChoosing(join(dir, 'folder.sijill')), maxOpen: 1 });
    await expect(handlers.openFile({ filters })).rejects.toThrow('not-a-file');
    writeFileSync(join(dir, 'f.sijill'), 'x');
    const ok = createOpenFileHandlers({ fs: nodeFileSystem, dialogs: dialogsChoosing(join(dir, 'f.sijill')), maxOpen: 1 });
    await opened(ok);
    await ok.closeAll();
  });

  it('caps open files before showing any dialog, and frees the slots on closeAll', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f.sijill'), 'x');
    const dialogs = dialogsChoosing(join(dir, 'f.sijill'));
    const handlers = createOpenFileHandlers({ fs: nodeFileSystem, dialogs, maxOpen: 2 });
    const first = await opened(handlers);
    await opened(handlers);
    await expect(handlers.openFile({ filters })).rejects.toThrow('too-many-open-files');
    expect(dialogs.chooseFileToOpen).toHaveBeenCalledTimes(2);
    await handlers.closeAll();
    await expect(handlers.readFileChunk({ handle: first.handle, offset: 0, length: 1 })).rejects.toThrow('unknown-handle');
    await opened(handlers);
    await handlers.closeAll();
  });
});
