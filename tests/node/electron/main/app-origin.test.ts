import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME_PRIVILEGES, isAppEntryUrl, isAppOrigin } from '../../../../electron/main/app-origin';

describe('app origin', () => {
  it('is app://sijill', () => {
    expect(APP_ORIGIN).toBe('app://sijill');
    expect(APP_ENTRY_URL).toBe('app://sijill/index.html');
  });

  it.each(['app://sijill', 'app://sijill/', 'app://sijill/index.html', 'app://sijill/assets/x.js?v=1#top'])('accepts %s', (url) => {
    expect(isAppOrigin(url)).toBe(true);
  });

  it.each([
    'app://sijill.evil',
    'app://evil',
    'app://sijill:8080/',
    'app://user@sijill/',
    'app://sijill:pw@sijill/',
    'https://sijill/',
    'file:///sijill/index.html',
    'blob:app://sijill/abc',
    'null',
    '',
    'sijill',
  ])('rejects %s', (url) => {
    expect(isAppOrigin(url)).toBe(false);
  });

  it('treats only the entry page as a navigation target', () => {
    expect(isAppEntryUrl('app://sijill/')).toBe(true);
    expect(isAppEntryUrl('app://sijill/index.html?lock=1#/cases')).toBe(true);
    expect(isAppEntryUrl('app://sijill/assets/index.js')).toBe(false);
    expect(isAppEntryUrl('app://other/index.html')).toBe(false);
    expect(isAppEntryUrl('https://sijill/index.html')).toBe(false);
  });
});

describe('app scheme privileges', () => {
  it('are standard and secure, with fetch and streaming, and never bypass CSP or open CORS', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
      bypassCSP: false,
      corsEnabled: false,
      allowServiceWorkers: false,
    });
  });
});
