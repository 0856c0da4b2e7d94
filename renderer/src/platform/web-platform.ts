/**
 * The Platform port in a plain browser: the browser build, and every end-to-end test, run on
 * this (DESIGN.md §3), so it is a real implementation, not a mock.
 */
import type { Platform } from './platform';
import { webAppInfo } from './web-app-info';
import { openWithFileInput, saveByDownload, type WebFileOptions } from './web-files';
import { createOpfsKeyringStore, type DirectoryProvider } from './web-keyring';

/** Injection points for tests; the app uses the defaults. */
export interface WebPlatformOptions extends WebFileOptions {
  /** The directory that holds the keyring file (default: the OPFS root). */
  keyringDirectory?: DirectoryProvider;
  /** The window whose page-hide and visibility events mean "lock now". */
  window?: Window;
}

/** Creates the browser implementation of the Platform port. */
export function createWebPlatform(options: WebPlatformOptions = {}): Platform {
  const win = options.window ?? window;
  return {
    kind: 'web',
    appInfo: async () => webAppInfo(win.navigator.userAgent),
    saveFile: (request) => saveByDownload(request, options),
    openFile: (filters) => openWithFileInput(filters, options),
    keyring: createOpfsKeyringStore(options.keyringDirectory),
    onLockSignal(listener) {
      // Hidden covers a switched tab, a minimised window and a locked screen; pagehide covers
      // closing and navigating away. The Idle Detection API is not used: it needs a permission.
      const doc = win.document;
      const onVisibility = () => {
        if (doc.visibilityState === 'hidden') listener('hidden');
      };
      const onPageHide = () => listener('hidden');
      doc.addEventListener('visibilitychange', onVisibility);
      win.addEventListener('pagehide', onPageHide);
      return () => {
        doc.removeEventListener('visibilitychange', onVisibility);
        win.removeEventListener('pagehide', onPageHide);
      };
    },
  };
}
