// Runs in: the Electron main process.
/** The appInfo handler: name, version and runtime versions, for the About screen and bug reports. */
import type { AppInfo } from '../../../shared/ipc/contract';

/** Where the app info comes from (Electron's `app` and `process`, passed in by main.ts). */
export interface AppInfoSource {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  readonly isPackaged: boolean;
  readonly versions: { readonly electron?: string; readonly chrome?: string };
}

/**
 * Builds the appInfo handler. The source is read on the first call (nothing at start-up
 * depends on it) and the answer, which never changes, is kept.
 */
export function createAppInfoHandler(source: () => AppInfoSource): () => Promise<AppInfo> {
  let info: AppInfo | undefined;
  return () => {
    if (info === undefined) {
      const { name, version, platform, isPackaged, versions } = source();
      info = { name, version, platform, electron: versions.electron ?? 'unknown', chrome: versions.chrome ?? 'unknown', packaged: isPackaged };
    }
    return Promise.resolve({ ...info });
  };
}
