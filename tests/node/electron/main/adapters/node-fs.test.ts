import { existsSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeAssetReader, nodeFileSystem } from '../../../../../electron/main/adapters/node-fs';
import { tempDir } from '../handlers/temp-dir';

describe('node file system adapter', () => {
  it('creates exclusive files with the requested mode', async () => {
    const dir = tempDir();
    const path = join(dir, 'f.tmp');
    const file = await nodeFileSystem.open(path, 'wx', 0o600);
    await file.write(new Uint8Array([1, 2]), 0, 2, 0);
    await file.sync();
    await file.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect([...readFileSync(path)]).toEqual([1, 2]);
    await expect(nodeFileSystem.open(path, 'wx', 0o600)).rejects.toMatchObject({ code: 'EEXIST' });
  });

  it('refuses to create through a planted symlink, even a dangling one', async () => {
    const dir = tempDir();
    const victim = join(dir, 'victim');
    symlinkSync(victim, join(dir, 'planted.tmp'));
    await expect(nodeFileSystem.open(join(dir, 'planted.tmp'), 'wx', 0o600)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(existsSync(victim)).toBe(false);
  });

  it('makes folders recursively, lists, renames, unlinks and flushes a folder', async () => {
    const dir = tempDir();
    const nested = join(dir, 'a', 'b');
    await nodeFileSystem.mkdir(nested, 0o700);
    await nodeFileSystem.mkdir(nested, 0o700);
    writeFileSync(join(nested, 'x'), 'x');
    await nodeFileSystem.rename(join(nested, 'x'), join(nested, 'y'));
    expect(await nodeFileSystem.readdir(nested)).toEqual(['y']);
    await expect(nodeFileSystem.syncDirectory(nested)).resolves.toBeUndefined();
    await nodeFileSystem.unlink(join(nested, 'y'));
    expect(await nodeFileSystem.readdir(nested)).toEqual([]);
  });

  it('reports a missing folder when flushing it', async () => {
    await expect(nodeFileSystem.syncDirectory(join(tempDir(), 'absent'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reads assets and resolves their real path', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.js'), 'js');
    symlinkSync(join(dir, 'a.js'), join(dir, 'link.js'));
    expect(await nodeAssetReader.realpath(join(dir, 'link.js'))).toBe(join(dir, 'a.js'));
    expect(new TextDecoder().decode(await nodeAssetReader.readFile(join(dir, 'a.js')))).toBe('js');
  });
});
