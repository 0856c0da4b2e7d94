// Runs in: the Electron main process.
/**
 * The app:// protocol handler: serves the packaged renderer (out/renderer) and nothing else.
 *
 * Every response, including errors, carries the CSP header: dedicated workers take their
 * policy from their own script's response, so the header must be on JavaScript too, not
 * only on index.html. Nothing is read from the disk until the URL has passed
 * resolveAppRequest and the real path (symlinks followed) is still inside the root.
 */
import { CSP_HEADER } from '../../shared/security/csp';
import { contentTypeOf } from './content-types';
import type { AssetReaderPort } from './ports';
import { isInsideDirectory, resolveAppRequest } from './resolve-app-request';

/** The request fields the handler reads (Electron passes a Fetch `Request`). */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/** Headers on every app:// response. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CSP_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    // Our own files are not secret, but nothing needs to be cached on disk either.
    'Cache-Control': 'no-store',
  };
}

function failure(status: 404 | 405): Response {
  return new Response(null, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

/**
 * Builds the handler for `protocol.handle('app', …)`. `rootDir` is the absolute path of the
 * packaged renderer folder; `assets` reads from the disk (an adapter, or a fake in tests).
 */
export function createAppProtocolHandler(options: {
  rootDir: string;
  assets: AssetReaderPort;
}): (request: AppRequest) => Promise<Response> {
  const { rootDir, assets } = options;
  return async (request) => {
    if (request.method !== 'GET') return failure(405);
    const path = resolveAppRequest(request.url, rootDir);
    if (path === null) return failure(404);
    const contentType = contentTypeOf(path);
    if (contentType === null) return failure(404);
    try {
      // A symlink inside the folder must not lead out of it (nor may the folder be swapped).
      const [realRoot, realPath] = await Promise.all([assets.realpath(rootDir), assets.realpath(path)]);
      if (!isInsideDirectory(realRoot, realPath)) return failure(404);
      const body = await assets.readFile(realPath);
      return new Response(body, { status: 200, headers: appResponseHeaders(contentType) });
    } catch {
      // Missing file, a directory, unreadable: all the same to the page, and nothing is logged.
      return failure(404);
    }
  };
}
