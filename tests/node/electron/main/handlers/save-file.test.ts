import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { nodeFileSystem } from '../../../../../electron/main/adapters/node-fs';
import { createSaveFileHandlers } from '../../../../../electron/main/handlers/save-file';
import type { FileDialogsPort } from '../../../../../electron/main/ports';
import { fullDisk } from './fs-faults';
import { tempDir } from './temp-dir';

function dialogsChoosing(path: string | null): FileDialogsPort & { chooseSaveTarget: ReturnType<typeof vi.fn> } {
  return { chooseSaveTarget: vi.fn(() => Promise.resolve(path)), chooseFileToOpen: vi.fn(() => Promise.resolve(null)) };
}

const request = { suggestedName: 'T-2026-0042.sijill', filters: [{ name: 'Sijill bundle', extensions: ['sijill'] }] };
const bytes = (...values: number[]) => new Uint8Array(values);

async function begin(handlers: ReturnType<typeof createSaveFileHandlers>) {
  const result = await handlers.saveFileBegin(request);
  if (result.status !== 'ready') throw new Error('expected a ready save');
  return result;
}

describe('save file', () => {
  it('does nothing when the user cancels the dialog', async () => {
    const dir = tempDir();
    const handlers = createSaveFileHandlers({ fs: nodeFileSystem, dialogs: dialogsChoosing(null) });
    await expect(handlers.saveFileBegin(request)).resolves.toEqual({ status: 'cancelled' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes chunks in call order to a 0600 temp file beside the target, then renames on commit', async () => {
    const dir = tempDir();
    const target = join(dir, 'case.sijill');
    const dialogs = dialogsChoosing(target);
    const handlers = createSaveFileHandlers({ fs: nodeFileSystem, dialogs });
    const { handle, name } = await begin(handlers);
    expect(dialogs.chooseSaveTarget).toHaveBeenCalledWith(request.suggestedName, request.filters);
    expect(name).toBe('case.sijill');
    expect(handle).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const [temp] = readdirSync(dir);
    expect(temp).toMatch(/^\.sijill-[A-Za-z0-9_-]+\.part$/);
    expect(statSync(join(dir, temp ?? '')).mode & 0o777).toBe(0o600);

    // Not awaited one by one: order must still be call order.
    await Promise.all([handlers.saveFileChunk({ handle, bytes: bytes(1, 2) }), handlers.saveFileChunk({ handle, bytes: bytes(3) })]);
    await handlers.saveFileChunk({ handle, bytes: bytes(4, 5) });
    expect(existsSync(target)).toBe(false);
    await handlers.saveFileCommit({ handle });

    expect([...readFileSync(target)]).toEqual([1, 2, 3, 4, 5]);
    expect(readdirSync(dir)).toEqual(['case.sijill']);
    await expect(handlers.saveFileChunk({ handle, bytes: bytes(6) })).rejects.toThrow('unknown-handle');
  });

  it('leaves an existing target untouched until commit, and replaces it whole', async () => {
    const dir = tempDir();
    const target = join(dir, 'case.sijill');
    writeFileSync(target, 'old');
    const handlers = createSaveFileHandlers({ fs: nodeFileSystem, dialogs: dialogsChoosing(target) });
    const { handle } = await begin(handlers);
    await handlers.saveFileChunk({ handle, bytes: new TextEncoder().encode('new bytes') });
    expect(readFileSync(target, 'utf8')).toBe('old');
    await handlers.saveFileCommit({ handle });
    expect(readFileSync(target, 'utf8')).toBe('new bytes');
  });

  it('deletes the temp file on abort, keeps the target, and aborts idempotently', async () => {
    const dir = tempDir();
    const target = join(dir, 'case.sijill');
    writeFileSync(target, 'old');
    const handlers = createSaveFileHandlers({ fs: nodeFileSystem, dialogs: dialogsChoosing(target) });
    const { handle } = await begin(handlers);
    await handlers.saveFileChunk({ handle, bytes: bytes(1) });
    await handlers.saveFileAbort({ handle });
    await handlers.saveFileAbort({ handle });
    expect(readdirSync(dir)).toEqual(['case.sijill']);
    expect(readFileSync(target, 'utf8')).toBe('old');
    await expect(handlers.saveFileCommit({ handle })).rejects.toThrow('unknown-handle');
  });

  it('caps concurrent saves before showing any dialog', async () => {
    const dir = tempDir();
    const dialogs = dialogsChoosing(join(dir, 'a.sijill'));
    const handlers = createSaveFileHandlers({ fs: nodeFileSystem, dialogs, maxOpen: 2 });
    await begin(handlers);
    await begin(handlers);
    await expect(handlers.saveFileBegin(request)).rejects.toThrow('too-many-open-files');
    expect(dialogs.chooseSaveTarget).toHaveBeenCalledTimes(2);
    await handlers.abortAll();
    expect(readdirSync(dir)).toEqual([]);
    await expect(begin(handlers)).resolves.toMatchObject({ status: 'ready' });
    await handlers.abortAll();
  });

  it('ends the save and deletes the temp file when a write fails (disk full)', async () => {
    const dir = tempDir();
    const handlers = createSaveFileHandlers({ fs: fullDisk, dialogs: dialogsChoosing(join(dir, 'case.sijill')) });
    const { handle } = await begin(handlers);
    await expect(handlers.saveFileChunk({ handle, bytes: bytes(1) })).rejects.toThrow('ENOSPC');
    expect(readdirSync(dir)).toEqual([]);
    await expect(handlers.saveFileCommit({ handle })).rejects.toThrow('unknown-handle');
  });

  it('keeps the old target and deletes the temp file when the rename fails', async () => {
    const dir = tempDir();
    const target = join(dir, 'case.sijill');
    writeFileSync(target, 'old');
    const handlers = createSaveFileHandlers({
      fs: { ...nodeFileSystem, rename: () => Promise.reject(new Error('EXDEV')) },
      dialogs: dialogsChoosing(target),
    });
    const { handle } = await begin(handlers);
    await handlers.saveFileChunk({ handle, bytes: bytes(9) });
    await expect(handlers.saveFileCommit({ handle })).rejects.toThrow('EXDEV');
    expect(readdirSync(dir)).toEqual(['case.sijill']);
    expect(readFileSync(target, 'utf8')).toBe('old');
  });

  it('rejects unknown handles', async () => {
    const handlers = createSaveFileHandlers({ fs: nodeFileSystem, dialogs: dialogsChoosing(null) });
    const handle = 'x'.repeat(32);
    await expect(handlers.saveFileChunk({ handle, bytes: bytes(1) })).rejects.toThrow('unknown-handle');
    await expect(handlers.saveFileCommit({ handle })).rejects.toThrow('unknown-handle');
    await expect(handlers.saveFileAbort({ handle })).resolves.toBeUndefined();
  });
});
