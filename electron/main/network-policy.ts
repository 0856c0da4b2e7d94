// Runs in: the Electron main process.
/**
 * Which URLs a request may go to: DESIGN.md §9 says "no network at all".
 *
 * An allow-list, not a list of bad schemes: the app's own origin, data: and blob: URLs the
 * page made itself, and DevTools in unpackaged builds. http, https, ws, wss, ftp, file and
 * every scheme nobody thought of are cancelled.
 */
import { isAppOrigin, parseUrl } from './app-origin';

/** Options of the network policy. */
export interface NetworkPolicyOptions {
  /** DevTools load from devtools://; allowed only in development builds. */
  readonly allowDevTools: boolean;
}

/** True when a request to `url` may proceed. */
export function isRequestAllowed(url: string, options: NetworkPolicyOptions): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  switch (parsed.protocol) {
    case 'app:':
      return isAppOrigin(url);
    case 'data:':
      return true;
    case 'blob:':
      // blob:app://sijill/<uuid> — only blobs our own page created.
      return isAppOrigin(parsed.pathname);
    case 'devtools:':
      return options.allowDevTools;
    default:
      return false;
  }
}
