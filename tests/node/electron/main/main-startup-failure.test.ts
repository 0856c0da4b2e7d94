// If start-up fails half-way, the app must fail closed: tell the user and quit, no window.
import { describe, expect, it, vi } from 'vitest';
import { fake } from '../../../fakes/electron';

vi.mock('electron', () => import('../../../fakes/electron'));

describe('main process when start-up fails', () => {
  it('shows the fatal error, quits and opens no window', async () => {
    fake.protocol.handle = () => {
      throw new Error('scheme already handled');
    };
    await import('../../../../electron/main/main');
    await fake.app.becomeReady();
    expect(fake.dialog.errorBoxes).toHaveLength(1);
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.BrowserWindow.instances).toHaveLength(0);
  });
});
