// Runs in: the Electron main process.
/**
 * Content types of the files the renderer build produces. Anything else is not served: an
 * unknown extension in out/renderer is a build mistake, not something to guess a type for
 * (and with `nosniff` a wrong guess would break the page anyway). Add a line here when the
 * renderer starts shipping a new kind of asset.
 */
import { extname } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};

/** The Content-Type for a served file, or null when the extension is not one we serve. */
export function contentTypeOf(path: string): string | null {
  const extension = extname(path).toLowerCase();
  return Object.hasOwn(CONTENT_TYPES, extension) ? (CONTENT_TYPES[extension] ?? null) : null;
}
