import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CSP_HEADER } from '../../../../shared/security/csp';
import { createAppProtocolHandler } from '../../../../electron/main/app-protocol';

let base: string;
let root: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'sijill-protocol-')));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets', 'fonts.woff2'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Sijill</title>');
  for (const name of ['a.js', 'a.css', 'a.woff2', 'a.svg', 'a.png', 'a.json', 'a.wasm']) writeFileSync(join(root, 'assets', name), name);
  writeFileSync(join(base, 'secret.json'), '{"witness":"name"}');
  symlinkSync(join(base, 'secret.json'), join(root, 'assets', 'escape.json'));
  symlinkSync(join(root, 'index.html'), join(root, 'assets', 'inside.html'));
});

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

function handlerWithSpy() {
  const readFileSpy = vi.fn((path: string) => readFile(path));
  const handler = createAppProtocolHandler({ rootDir: root, assets: { realpath: (path) => realpath(path), readFile: readFileSpy } });
  return { handler, readFileSpy };
}

const get = (url: string) => ({ url, method: 'GET' });

describe('app:// protocol handler', () => {
  it('serves index.html for app://sijill/ with the security headers', async () => {
    const { handler } = handlerWithSpy();
    const response = await handler(get('app://sijill/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Sijill</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.wasm', 'application/wasm'],
  ])('serves %s as %s, with the CSP (workers take it from their script)', async (name, type) => {
    const { handler } = handlerWithSpy();
    const response = await handler(get(`app://sijill/assets/${name}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(await response.text()).toBe(name);
  });

  it.each([
    'app://sijill/..%2F..%2Fsecret.json',
    'app://sijill/..%2fsecret.json',
    'app://sijill/%2e%2e%2fsecret.json',
    'app://sijill/..\\secret.json',
    'app://sijill/index.html%00.png',
    'app://evil/index.html',
    'app://sijill//etc/passwd.txt',
    'app://sijill/C:/Windows/win.ini',
  ])('answers 404 to %s without reading any file', async (url) => {
    const { handler, readFileSpy } = handlerWithSpy();
    const response = await handler(get(url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(readFileSpy).not.toHaveBeenCalled();
  });

  it('answers 404 to a symlink leading out of the folder, without reading it', async () => {
    const { handler, readFileSpy } = handlerWithSpy();
    const response = await handler(get('app://sijill/assets/escape.json'));
    expect(response.status).toBe(404);
    expect(readFileSpy).not.toHaveBeenCalled();
  });

  it('follows a symlink that stays inside the folder', async () => {
    const { handler } = handlerWithSpy();
    const response = await handler(get('app://sijill/assets/inside.html'));
    expect(response.status).toBe(200);
  });

  it('answers 404 for a missing file and for a directory', async () => {
    const { handler } = handlerWithSpy();
    expect((await handler(get('app://sijill/missing.js'))).status).toBe(404);
    expect((await handler(get('app://sijill/assets/fonts.woff2'))).status).toBe(404);
  });

  it('answers 405 to anything but GET, without reading', async () => {
    const { handler, readFileSpy } = handlerWithSpy();
    const response = await handler({ url: 'app://sijill/index.html', method: 'POST' });
    expect(response.status).toBe(405);
    expect(readFileSpy).not.toHaveBeenCalled();
  });
});
