/**
 * What the browser build reports as its AppInfo.
 *
 * The name and version are written into the build from package.json (see renderer.config.ts).
 */
import type { AppInfo } from './platform';

/** The Chromium version from a user-agent string, or '' when it does not say. */
export function chromiumVersionOf(userAgent: string): string {
  return /\b(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/.exec(userAgent)?.[1] ?? '';
}

/** AppInfo for the browser build: platform "web", no Electron, the browser's Chromium if any. */
export function webAppInfo(userAgent: string = navigator.userAgent): AppInfo {
  return {
    name: __SIJILL_PRODUCT__,
    version: __SIJILL_VERSION__,
    platform: 'web',
    electron: '',
    chrome: chromiumVersionOf(userAgent),
    packaged: import.meta.env.PROD,
  };
}
