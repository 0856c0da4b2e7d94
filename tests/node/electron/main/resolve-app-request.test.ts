import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../../../electron/main/content-types';
import { isInsideDirectory, resolveAppRequest } from '../../../../electron/main/resolve-app-request';

// Pure function: the folder need not exist.
const root = resolve(tmpdir(), 'sijill-renderer-root');

describe('resolveAppRequest', () => {
  it.each([
    ['app://sijill/', 'index.html'],
    ['app://sijill/index.html', 'index.html'],
    ['app://sijill/index.html?x=1#/case/7', 'index.html'],
    ['app://sijill/assets/index-CuVRm30i.js', 'assets/index-CuVRm30i.js'],
    ['app://sijill/assets/noto-naskh-arabic-arabic-400-normal.woff2', 'assets/noto-naskh-arabic-arabic-400-normal.woff2'],
    // The URL parser removes dot segments before we see them; what is left stays inside.
    ['app://sijill/../../index.html', 'index.html'],
    ['app://sijill/assets/%2e%2e/index.html', 'index.html'],
  ])('maps %s into the root', (url, relativePath) => {
    expect(resolveAppRequest(url, root)).toBe(resolve(root, relativePath));
  });

  it.each([
    ['an encoded slash', 'app://sijill/..%2F..%2Fetc%2Fpasswd.txt'],
    ['an encoded slash in a name', 'app://sijill/assets%2Findex.js'],
    ['a backslash', 'app://sijill/..\\..\\secret.txt'],
    ['an encoded backslash', 'app://sijill/..%5C..%5Csecret.txt'],
    ['an encoded NUL', 'app://sijill/index.html%00.png'],
    ['a broken escape', 'app://sijill/%E0%A4%A.js'],
    ['a doubly encoded dot segment', 'app://sijill/%252e%252e/index.html'],
    ['a foreign host', 'app://evil/index.html'],
    ['a host look-alike', 'app://sijill.evil/index.html'],
    ['a port', 'app://sijill:1/index.html'],
    ['credentials', 'app://a:b@sijill/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://sijill/index.html'],
    ['an absolute path', 'app://sijill//etc/passwd.txt'],
    ['an encoded absolute path', 'app://sijill/%2Fetc%2Fpasswd.txt'],
    ['a drive letter', 'app://sijill/C:/Windows/win.ini'],
    ['a dotfile', 'app://sijill/.env.json'],
    ['a trailing dot', 'app://sijill/index.html.'],
    ['a Windows device', 'app://sijill/CON.js'],
    ['a Windows device with digits', 'app://sijill/assets/com1.txt'],
    ['a directory', 'app://sijill/assets/'],
    ['an unserved extension', 'app://sijill/keyring.sjk'],
    ['no extension', 'app://sijill/README'],
    ['a space', 'app://sijill/a%20b.js'],
    ['too many segments', `app://sijill/${'a/'.repeat(16)}x.js`],
    ['a too-long segment', `app://sijill/${'a'.repeat(256)}.js`],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppRequest(url, root)).toBeNull();
  });

  it('refuses a relative root', () => {
    expect(resolveAppRequest('app://sijill/index.html', 'out/renderer')).toBeNull();
  });
});

describe('isInsideDirectory', () => {
  it('accepts paths strictly below the root only', () => {
    expect(isInsideDirectory(root, join(root, 'a', 'b.js'))).toBe(true);
    expect(isInsideDirectory(root, root)).toBe(false);
    expect(isInsideDirectory(root, resolve(root, '..'))).toBe(false);
    expect(isInsideDirectory(root, `${root}-sibling/x.js`)).toBe(false);
  });
});

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
    ['A.HTML', 'text/html; charset=utf-8'],
  ])('%s is %s', (name, type) => {
    expect(contentTypeOf(name)).toBe(type);
  });

  it('has no type for anything else', () => {
    expect(contentTypeOf('keyring.sjk')).toBeNull();
    expect(contentTypeOf('constructor')).toBeNull();
    expect(contentTypeOf('x.toString')).toBeNull();
  });
});
