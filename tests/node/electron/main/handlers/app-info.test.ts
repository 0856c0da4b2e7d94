import { describe, expect, it, vi } from 'vitest';
import { appInfoSchema } from '../../../../../shared/ipc/contract';
import { createAppInfoHandler } from '../../../../../electron/main/handlers/app-info';

describe('appInfo', () => {
  it('answers with the contract shape', async () => {
    const source = vi.fn(() => ({ name: 'Sijill', version: '0.1.0', platform: 'linux', isPackaged: true, versions: { electron: '45.5.0', chrome: '142.0' } }));
    const appInfo = createAppInfoHandler(source);
    expect(source).not.toHaveBeenCalled();
    const info = await appInfo();
    expect(appInfoSchema.parse(info)).toEqual({ name: 'Sijill', version: '0.1.0', platform: 'linux', electron: '45.5.0', chrome: '142.0', packaged: true });
    await appInfo();
    expect(source).toHaveBeenCalledOnce();
  });

  it('says "unknown" for runtime versions it was not given', async () => {
    const info = await createAppInfoHandler(() => ({ name: 'Sijill', version: '0.1.0', platform: 'linux', isPackaged: false, versions: {} }))();
    expect(info.electron).toBe('unknown');
    expect(info.chrome).toBe('unknown');
  });
});
