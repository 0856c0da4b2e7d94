import { describe, expect, it } from 'vitest';
import { selectPlatform } from '../../../renderer/src/platform/select-platform';
import { BRIDGE_GLOBAL } from '../../../shared/ipc/contract';
import { FAKE_APP_INFO, FakeBridge } from '../../fakes/fake-bridge';

describe('selectPlatform', () => {
  it('picks the web platform in a plain browser', () => {
    expect(BRIDGE_GLOBAL in window).toBe(false);
    expect(selectPlatform().kind).toBe('web');
  });

  it('picks the Electron platform over the preload bridge when it exists', async () => {
    const platform = selectPlatform({ [BRIDGE_GLOBAL]: new FakeBridge() } as unknown as Window);
    expect(platform.kind).toBe('electron');
    expect(await platform.appInfo()).toEqual(FAKE_APP_INFO);
  });

  it('fails loudly rather than fall back to the web when the bridge is incomplete', () => {
    expect(() => selectPlatform({ [BRIDGE_GLOBAL]: {} } as unknown as Window)).toThrow('incomplete');
  });
});
