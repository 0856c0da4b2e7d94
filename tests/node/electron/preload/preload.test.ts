import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, INVOKE_METHODS, channelOf, type SijillBridge } from '../../../../shared/ipc/contract';
import { FakeEvent, fake } from '../../../fakes/electron';

vi.mock('electron', () => import('../../../fakes/electron'));

let bridge: SijillBridge;

beforeAll(async () => {
  await import('../../../../electron/preload/preload');
  bridge = fake.contextBridge.exposed.get(BRIDGE_GLOBAL) as SijillBridge;
});

describe('preload bridge', () => {
  it('exposes exactly one global, named by the contract', () => {
    expect([...fake.contextBridge.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
  });

  it('is a plain object of functions: the contract methods plus onLockSignal, and no ipcRenderer', () => {
    expect(Object.getPrototypeOf(bridge)).toBe(Object.prototype);
    expect(Object.keys(bridge).sort()).toEqual([...INVOKE_METHODS, 'onLockSignal'].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.values(bridge)).not.toContain(fake.ipcRenderer);
  });

  it.each(INVOKE_METHODS)('forwards %s to ipcRenderer.invoke on its derived channel', async (method) => {
    fake.ipcRenderer.invocations.length = 0;
    fake.ipcRenderer.reply = { answer: method };
    const args = [{ handle: 'h'.repeat(32) }];
    const call = bridge[method] as (...args: unknown[]) => Promise<unknown>;
    await expect(call(...args)).resolves.toEqual({ answer: method });
    expect(fake.ipcRenderer.invocations).toEqual([[channelOf(method), ...args]]);
  });

  it('passes valid lock signals (only the signal, never the event) and drops anything else', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onLockSignal(listener);
    const channel = channelOf('lockSignal');
    fake.ipcRenderer.emit(channel, new FakeEvent({ sender: fake.ipcRenderer }), 'suspend');
    fake.ipcRenderer.emit(channel, new FakeEvent(), 'lock-screen');
    fake.ipcRenderer.emit(channel, new FakeEvent(), 'unlock');
    fake.ipcRenderer.emit(channel, new FakeEvent(), { toString: () => 'suspend' });
    fake.ipcRenderer.emit(channel, new FakeEvent());
    expect(listener.mock.calls).toEqual([['suspend'], ['lock-screen']]);
    unsubscribe();
  });

  it('stops delivering after unsubscribe and removes its IPC listener', () => {
    const channel = channelOf('lockSignal');
    const before = fake.ipcRenderer.listenerCount(channel);
    const listener = vi.fn();
    const unsubscribe = bridge.onLockSignal(listener);
    expect(fake.ipcRenderer.listenerCount(channel)).toBe(before + 1);
    unsubscribe();
    expect(fake.ipcRenderer.listenerCount(channel)).toBe(before);
    fake.ipcRenderer.emit(channel, new FakeEvent(), 'suspend');
    expect(listener).not.toHaveBeenCalled();
  });
});
