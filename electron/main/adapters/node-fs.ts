// Runs in: the Electron main process.
/**
 * The disk, as the handlers and the app:// protocol see it (ports.ts). One of the only files
 * that touch the file system; everything above it receives these objects as parameters.
 */
import { mkdir, open, readdir, readFile, realpath, rename, unlink } from 'node:fs/promises';
import type { AssetReaderPort, FileSystemPort } from '../ports';

/**
 * Errors that mean "this file system cannot fsync a directory" rather than "the data is at
 * risk": Windows cannot open directories at all, and some file systems refuse the call.
 */
const DIRECTORY_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EPERM', 'EACCES']);

/**
 * The real file system (node:fs/promises). Node's `wx` is O_CREAT | O_EXCL: it fails when
 * anything exists at the path, a planted (even dangling) symlink included.
 */
export const nodeFileSystem: FileSystemPort = {
  open: (path, flags, mode) => open(path, flags, mode),
  rename: (from, to) => rename(from, to),
  unlink: (path) => unlink(path),
  mkdir: async (path, mode) => {
    await mkdir(path, { recursive: true, mode });
  },
  readdir: (path) => readdir(path),
  syncDirectory: async (path) => {
    if (process.platform === 'win32') return;
    try {
      const directory = await open(path, 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && DIRECTORY_SYNC_UNSUPPORTED.has(code)) return;
      throw error;
    }
  },
};

/** Reads the packaged renderer files for the app:// protocol. */
export const nodeAssetReader: AssetReaderPort = {
  realpath: (path) => realpath(path),
  readFile: (path) => readFile(path),
};
