import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlatformLockSignal } from '../../../renderer/src/platform/platform';
import { chromiumVersionOf } from '../../../renderer/src/platform/web-app-info';
import { createWebPlatform } from '../../../renderer/src/platform/web-platform';
import { createTestDirectory, removeTestDirectory } from '../support/opfs';

afterEach(() => {
  // Drop the own-property overrides of visibilityState, back to the prototype's getter.
  Reflect.deleteProperty(document, 'visibilityState');
});

function setVisibility(state: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('web platform', () => {
  it('describes itself as the browser build', async () => {
    const platform = createWebPlatform();
    expect(platform.kind).toBe('web');
    const info = await platform.appInfo();
    expect(info).toMatchObject({ name: 'Sijill', platform: 'web', electron: '' });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.chrome).toMatch(/^\d+\./);
  });

  it('reads the Chromium version from user-agent strings, and nothing from others', () => {
    expect(chromiumVersionOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.7444.52 Safari/537.36')).toBe('142.0.7444.52');
    expect(chromiumVersionOf('Mozilla/5.0 … HeadlessChrome/156.0.0.0 Safari/537.36')).toBe('156.0.0.0');
    expect(chromiumVersionOf('Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe('');
  });

  it('signals "hidden" when the page is hidden or hidden away, and stops after unsubscribe', () => {
    const platform = createWebPlatform();
    const listener = vi.fn<(signal: PlatformLockSignal) => void>();
    const unsubscribe = platform.onLockSignal(listener);

    setVisibility('visible');
    expect(listener).not.toHaveBeenCalled();
    setVisibility('hidden');
    expect(listener).toHaveBeenLastCalledWith('hidden');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(listener).toHaveBeenCalledTimes(2);

    unsubscribe();
    setVisibility('hidden');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('keeps the keyring in the directory it is given', async () => {
    const directory = await createTestDirectory();
    try {
      const platform = createWebPlatform({ keyringDirectory: async () => directory });
      await platform.keyring.write(new Uint8Array([1, 2]));
      expect(await platform.keyring.read()).toEqual(new Uint8Array([1, 2]));
      await platform.keyring.wipe();
      expect(await platform.keyring.read()).toBeNull();
    } finally {
      await removeTestDirectory(directory);
    }
  });
});
