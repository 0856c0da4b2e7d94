import { describe, expect, it } from 'vitest';
import { allowPermissionCheck, allowPermissionRequest } from '../../../../electron/main/permissions';

const micFromApp = { requestingUrl: 'app://sijill/index.html', isMainFrame: true, mediaTypes: ['audio'] };

describe('permission requests', () => {
  it('grants the microphone to the app page', () => {
    expect(allowPermissionRequest('media', micFromApp)).toBe(true);
    expect(allowPermissionRequest('media', { ...micFromApp, securityOrigin: 'app://sijill/' })).toBe(true);
  });

  it.each([
    ['the camera', 'media', { ...micFromApp, mediaTypes: ['video'] }],
    ['camera and microphone', 'media', { ...micFromApp, mediaTypes: ['audio', 'video'] }],
    ['no media type', 'media', { ...micFromApp, mediaTypes: [] }],
    ['a missing media type list', 'media', { requestingUrl: 'app://sijill/index.html', isMainFrame: true }],
    ['another origin', 'media', { ...micFromApp, requestingUrl: 'https://example.org/' }],
    ['a look-alike origin', 'media', { ...micFromApp, requestingUrl: 'app://sijill.evil/' }],
    ['a sub-frame', 'media', { ...micFromApp, isMainFrame: false }],
    ['a foreign security origin', 'media', { ...micFromApp, securityOrigin: 'https://example.org' }],
    ['no requesting URL', 'media', { isMainFrame: true, mediaTypes: ['audio'] }],
    ['geolocation', 'geolocation', micFromApp],
    ['notifications', 'notifications', micFromApp],
    ['clipboard', 'clipboard-read', micFromApp],
    ['screen capture', 'display-capture', micFromApp],
    ['opening links', 'openExternal', micFromApp],
    ['file system', 'fileSystem', micFromApp],
    ['an unknown permission', 'unknown', micFromApp],
  ])('denies %s', (_label, permission, details) => {
    expect(allowPermissionRequest(permission, details)).toBe(false);
  });
});

describe('permission checks', () => {
  it('grants the microphone check to the app origin', () => {
    expect(allowPermissionCheck('media', 'app://sijill', { mediaType: 'audio', isMainFrame: true })).toBe(true);
    expect(allowPermissionCheck('media', 'app://sijill/', { mediaType: 'audio', securityOrigin: 'app://sijill/' })).toBe(true);
  });

  it.each([
    ['video', 'media', 'app://sijill', { mediaType: 'video' }],
    ['an unknown media type', 'media', 'app://sijill', { mediaType: 'unknown' }],
    ['no media type', 'media', 'app://sijill', {}],
    ['another origin', 'media', 'https://example.org', { mediaType: 'audio' }],
    ['an embedded frame', 'media', 'app://sijill', { mediaType: 'audio', embeddingOrigin: 'app://sijill' }],
    ['a foreign security origin', 'media', 'app://sijill', { mediaType: 'audio', securityOrigin: 'https://example.org' }],
    ['serial', 'serial', 'app://sijill', {}],
    ['hid', 'hid', 'app://sijill', {}],
    ['notifications', 'notifications', 'app://sijill', {}],
  ])('denies %s', (_label, permission, origin, details) => {
    expect(allowPermissionCheck(permission, origin, details)).toBe(false);
  });
});
