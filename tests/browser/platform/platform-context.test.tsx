import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, renderHook } from 'vitest-browser-react';
import { PlatformProvider, usePlatform } from '../../../renderer/src/platform/platform-context';
import { createFakePlatform } from '../../fakes/fake-platform';

afterEach(cleanup);

describe('usePlatform', () => {
  it('returns the platform given to the provider', async () => {
    const platform = createFakePlatform();
    const { result } = await renderHook(() => usePlatform(), {
      wrapper: ({ children }) => <PlatformProvider platform={platform}>{children}</PlatformProvider>,
    });
    expect(result.current).toBe(platform);
  });
});
