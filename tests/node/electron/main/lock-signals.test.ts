import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { forwardLockSignals } from '../../../../electron/main/lock-signals';

describe('lock signals', () => {
  it('forwards suspend and lock-screen, and nothing else', () => {
    const powerMonitor = new EventEmitter();
    const send = vi.fn();
    forwardLockSignals(powerMonitor, send);
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(send.mock.calls).toEqual([['suspend'], ['lock-screen']]);
  });
});
