import { describe, expect, it } from 'vitest';
import { isRequestAllowed } from '../../../../electron/main/network-policy';

const packaged = { allowDevTools: false };

describe('network policy', () => {
  it.each([
    'http://example.org/',
    'https://example.org/',
    'http://127.0.0.1:5173/',
    'ws://127.0.0.1/',
    'wss://example.org/socket',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'chrome-extension://abc/x.js',
    'devtools://devtools/bundled/inspector.html',
    'app://evil/index.html',
    'blob:https://example.org/1234',
    'blob:null/1234',
    'gopher://example.org/',
    'not a url',
  ])('cancels %s', (url) => {
    expect(isRequestAllowed(url, packaged)).toBe(false);
  });

  it.each(['app://sijill/index.html', 'app://sijill/assets/a.wasm', 'data:image/png;base64,AAAA', 'blob:app://sijill/7c1a-44'])('allows %s', (url) => {
    expect(isRequestAllowed(url, packaged)).toBe(true);
  });

  it('allows DevTools only in development builds', () => {
    expect(isRequestAllowed('devtools://devtools/bundled/inspector.html', { allowDevTools: true })).toBe(true);
    expect(isRequestAllowed('https://example.org/', { allowDevTools: true })).toBe(false);
  });
});
