import { describe, expect, it, vi } from 'vitest';
import { installSessionPolicy } from '../../../../electron/main/session-policy';
import { FakeEvent, FakeSession } from '../../../fakes/electron';

function hardened(): FakeSession {
  const session = new FakeSession();
  installSessionPolicy(session, { allowDevTools: false });
  return session;
}

describe('session policy', () => {
  it('answers permission requests through the decision function', () => {
    const session = hardened();
    const answers: boolean[] = [];
    const request = session.permissionRequestHandler as (...args: unknown[]) => void;
    request({}, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: 'app://sijill/index.html', isMainFrame: true, mediaTypes: ['audio'] });
    request({}, 'media', (granted: boolean) => answers.push(granted), { requestingUrl: 'app://sijill/index.html', isMainFrame: true, mediaTypes: ['video'] });
    request({}, 'geolocation', (granted: boolean) => answers.push(granted), { requestingUrl: 'app://sijill/index.html', isMainFrame: true });
    expect(answers).toEqual([true, false, false]);
  });

  it('answers permission checks through the decision function', () => {
    const check = hardened().permissionCheckHandler as (...args: unknown[]) => boolean;
    expect(check(null, 'media', 'app://sijill', { mediaType: 'audio', isMainFrame: true })).toBe(true);
    expect(check(null, 'media', 'https://example.org', { mediaType: 'audio', isMainFrame: true })).toBe(false);
    expect(check(null, 'notifications', 'app://sijill', { isMainFrame: true })).toBe(false);
  });

  it('denies devices and screen capture', () => {
    const session = hardened();
    expect((session.devicePermissionHandler as (details: unknown) => boolean)({ deviceType: 'usb', origin: 'app://sijill' })).toBe(false);
    const callback = vi.fn();
    (session.displayMediaRequestHandler as (request: unknown, callback: unknown) => void)({ securityOrigin: 'app://sijill' }, callback);
    expect(callback).toHaveBeenCalledWith(null);
  });

  it('turns the spell checker off', () => {
    expect(hardened().spellCheckerEnabled).toBe(false);
  });

  it('cancels network requests and lets app:// through', () => {
    const session = hardened();
    for (const url of ['http://example.org/', 'https://example.org/', 'ws://example.org/', 'wss://example.org/', 'ftp://example.org/', 'file:///etc/passwd']) {
      expect(session.isCancelled(url)).toBe(true);
    }
    expect(session.isCancelled('app://sijill/index.html')).toBe(false);
  });

  it('prevents every download', () => {
    const session = hardened();
    const event = new FakeEvent();
    session.emit('will-download', event, { getFilename: () => 'x' }, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('still installs what it can on a session without the optional handlers', () => {
    const minimal = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onBeforeRequest: vi.fn() },
    };
    installSessionPolicy(minimal, { allowDevTools: false });
    expect(minimal.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(minimal.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(minimal.webRequest.onBeforeRequest).toHaveBeenCalledOnce();
  });
});
