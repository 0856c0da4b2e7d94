// A second copy of the app must not touch anything: it quits before ready.
import { describe, expect, it, vi } from 'vitest';
import { fake } from '../../../fakes/electron';

vi.mock('electron', () => import('../../../fakes/electron'));

describe('main process without the single-instance lock', () => {
  it('quits and sets nothing up', async () => {
    fake.app.singleInstanceLockAvailable = false;
    await import('../../../../electron/main/main');
    await fake.app.becomeReady();
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.protocol.handlers.size).toBe(0);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
  });
});
