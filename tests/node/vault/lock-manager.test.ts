import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LockManager } from '../../../renderer/src/vault/lock-manager';
import type { LockReason } from '../../../renderer/src/vault/vault-client';

describe('LockManager', () => {
  let locks: LockReason[];
  let manager: LockManager;

  beforeEach(() => {
    vi.useFakeTimers();
    locks = [];
    manager = new LockManager((reason) => locks.push(reason));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('locks after the idle time, and activity restarts the countdown', () => {
    manager.arm(5);
    vi.advanceTimersByTime(4 * 60_000);
    manager.activity();
    vi.advanceTimersByTime(4 * 60_000);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(locks).toEqual(['idle']);
    expect(manager.armed).toBe(false);
  });

  it('locks on platform signals and by hand, once per armed period', () => {
    manager.arm(5);
    manager.signal('lock-screen');
    manager.signal('suspend');
    manager.lockNow();
    expect(locks).toEqual(['lock-screen']);
    manager.arm(5);
    manager.signal('hidden');
    manager.arm(5);
    manager.lockNow();
    expect(locks).toEqual(['lock-screen', 'hidden', 'manual']);
  });

  it('ignores everything while disarmed, and a disarmed timer never fires', () => {
    manager.signal('suspend');
    manager.activity();
    manager.arm(1);
    manager.disarm();
    vi.advanceTimersByTime(10 * 60_000);
    expect(locks).toEqual([]);
  });

  it('applies a changed idle time from now, within bounds', () => {
    manager.arm(5);
    manager.setIdleMinutes(0); // below the floor: one minute
    vi.advanceTimersByTime(59_000);
    expect(locks).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(locks).toEqual(['idle']);
  });
});
