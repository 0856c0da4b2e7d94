// Runs in: the Electron main process.
/**
 * The app's own origin, app://sijill, and the checks every guard shares.
 *
 * Why a custom scheme rather than file://: file:// pages share one opaque origin with every
 * file on the disk, cannot be given a CSP header, and make permission checks meaningless.
 * A standard, secure scheme gives the renderer a real origin that nothing else can claim.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'sijill';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads, and the only page navigation may lead to. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges of the app scheme; registered before `ready` because Chromium reads them at start.
 * No bypassCSP (the CSP header must bind), no corsEnabled (nothing cross-origin may read our
 * files; same-origin module scripts and workers do not need it), no service workers, no code
 * cache on disk. `stream` lets media elements seek in app:// responses.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    stream: true,
    bypassCSP: false,
    corsEnabled: false,
    allowServiceWorkers: false,
    codeCache: false,
  },
} as const;

/** Parses a URL, or null for anything that is not one. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` (a full URL, or a serialised origin such as Chromium passes to permission
 * checks, with or without a trailing slash) belongs to app://sijill.
 *
 * `URL.origin` is "null" for non-special schemes in Node, so the parts are compared instead.
 */
export function isAppOrigin(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** True for the app's entry page (query and fragment ignored): the one navigation target allowed. */
export function isAppEntryUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && isAppOrigin(url) && (parsed.pathname === '/' || parsed.pathname === '/index.html');
}
