// Runs in: Node, in tests only. The real file system with faults injected where a test says.
import { nodeFileSystem } from '../../../../../electron/main/adapters/node-fs';
import type { FileSystemPort, OpenFilePort } from '../../../../../electron/main/ports';

/** Wraps every file `fs` opens, letting a test replace some of its methods. */
export function withFileOverrides(fs: FileSystemPort, override: (file: OpenFilePort, path: string) => Partial<OpenFilePort>): FileSystemPort {
  return {
    ...fs,
    open: async (path, flags, mode) => {
      const file = await fs.open(path, flags, mode);
      const wrapped: OpenFilePort = {
        read: (...args) => file.read(...args),
        write: (...args) => file.write(...args),
        sync: () => file.sync(),
        stat: () => file.stat(),
        close: () => file.close(),
      };
      return { ...wrapped, ...override(wrapped, path) };
    },
  };
}

/** The real file system, except that every write fails as on a full disk. */
export const fullDisk: FileSystemPort = withFileOverrides(nodeFileSystem, () => ({
  write: () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })),
}));
