// Runs in: the Electron main process.
/**
 * Maps an app:// URL to a file under the packaged renderer folder — or to nothing.
 *
 * A pure function (no disk access) so every hostile URL can be tested without a file system.
 * It is an allow-list, not a deny-list: each path segment must look like a file name the
 * renderer build emits, so `..`, encoded separators, NUL, drive letters, dotfiles and device
 * names never reach `path.resolve`. The protocol handler adds the symlink check on the disk.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './app-origin';
import { contentTypeOf } from './content-types';

/** Letters, digits, `_`, `-` and inner dots; never a leading dot (no `.`, `..` or dotfiles). */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
/** Windows device names open a device, not a file, in any folder and with any extension. */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|conin\$|conout\$|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(?:\..*)?$/i;
const MAX_SEGMENTS = 16;
const MAX_SEGMENT_CHARS = 255;

/** Decodes one path segment, or null when it is malformed or unsafe. */
function safeSegment(raw: string): string | null {
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (segment.length > MAX_SEGMENT_CHARS || !SAFE_SEGMENT.test(segment)) return null;
  // Windows silently drops a trailing dot, so "index.html." would alias "index.html".
  if (segment.endsWith('.') || WINDOWS_DEVICE.test(segment)) return null;
  return segment;
}

/**
 * Resolves `url` to an absolute path inside `rootDir`, or null when the URL is not for
 * app://sijill, is malformed, would leave `rootDir`, or names a file type we do not serve.
 * `app://sijill/` means `index.html`. Query and fragment are ignored.
 */
export function resolveAppRequest(url: string, rootDir: string): string | null {
  if (!isAbsolute(rootDir)) return null;
  const parsed = parseUrl(url);
  if (
    parsed === null ||
    parsed.protocol !== `${APP_SCHEME}:` ||
    parsed.hostname !== APP_HOST ||
    parsed.port !== '' ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    return null;
  }
  const path = parsed.pathname;
  // A backslash is a separator on Windows; a standard scheme never needs one in a path.
  if (!path.startsWith('/') || path.includes('\\')) return null;

  const rawSegments = path === '/' ? ['index.html'] : path.slice(1).split('/');
  if (rawSegments.length > MAX_SEGMENTS) return null;
  const segments: string[] = [];
  for (const raw of rawSegments) {
    const segment = safeSegment(raw);
    if (segment === null) return null;
    segments.push(segment);
  }

  const root = resolve(rootDir);
  const candidate = resolve(root, ...segments);
  // Belt and braces: the segment rules already keep us inside, this proves it.
  if (!isInsideDirectory(root, candidate)) return null;
  return contentTypeOf(candidate) === null ? null : candidate;
}

/** True when `path` lies strictly below `root` (both absolute and already resolved). */
export function isInsideDirectory(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}
