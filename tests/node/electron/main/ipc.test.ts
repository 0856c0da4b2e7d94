import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_METHODS, IPC_LIMITS, channelOf } from '../../../../shared/ipc/contract';
import { nodeFileSystem } from '../../../../electron/main/adapters/node-fs';
import { createKeyringStore } from '../../../../electron/main/handlers/keyring';
import { IpcFailure } from '../../../../electron/main/handlers/ipc-failure';
import { registerIpcHandlers, type InvokeHandlers } from '../../../../electron/main/ipc';
import type { InvokeEventPort } from '../../../../electron/main/ports';

type Listener = (event: InvokeEventPort, ...args: unknown[]) => Promise<unknown>;

const trustedEvent: InvokeEventPort = { sender: 'ours', senderFrame: { url: 'app://sijill/index.html', parent: null } };
const foreignEvent: InvokeEventPort = { sender: 'ours', senderFrame: { url: 'https://example.org/', parent: null } };
const isTrusted = (event: InvokeEventPort) => event.senderFrame?.url === 'app://sijill/index.html';
const handle = 'h'.repeat(32);

function spyHandlers() {
  const spies = Object.fromEntries(INVOKE_METHODS.map((method) => [method, vi.fn(() => Promise.resolve(undefined))]));
  return spies as unknown as { [M in keyof InvokeHandlers]: InvokeHandlers[M] & ReturnType<typeof vi.fn> };
}

function register(handlers: InvokeHandlers) {
  const listeners = new Map<string, Listener>();
  registerIpcHandlers({ handle: (channel, listener) => void listeners.set(channel, listener) }, handlers, isTrusted);
  const call = (method: string, event: InvokeEventPort, ...args: unknown[]) => {
    const listener = listeners.get(channelOf(method as never));
    if (listener === undefined) throw new Error(`no listener for ${method}`);
    return listener(event, ...args);
  };
  return { listeners, call };
}

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('registerIpcHandlers', () => {
  it('registers exactly one derived channel per contract method', () => {
    const { listeners } = register(spyHandlers());
    expect([...listeners.keys()].sort()).toEqual(INVOKE_METHODS.map((method) => `sijill:${method}`).sort());
  });

  it('rejects a foreign frame before looking at the payload, and the handler never runs', async () => {
    const handlers = spyHandlers();
    const { call } = register(handlers);
    await expect(call('writeKeyring', foreignEvent, new Uint8Array(4))).rejects.toThrow(/^untrusted-sender$/);
    await expect(call('appInfo', { sender: 'ours', senderFrame: null })).rejects.toThrow('untrusted-sender');
    expect(handlers.writeKeyring).not.toHaveBeenCalled();
    expect(handlers.appInfo).not.toHaveBeenCalled();
  });

  it('rejects a bad payload, and the handler never runs', async () => {
    const handlers = spyHandlers();
    const { call } = register(handlers);
    await expect(call('saveFileChunk', trustedEvent, { handle: '../../etc/passwd', bytes: new Uint8Array(1) })).rejects.toThrow(/^invalid-arguments$/);
    await expect(call('saveFileChunk', trustedEvent, { handle, bytes: 'not bytes' })).rejects.toThrow('invalid-arguments');
    await expect(call('saveFileBegin', trustedEvent, { suggestedName: '../x.sijill', filters: [] })).rejects.toThrow('invalid-arguments');
    await expect(call('appInfo', trustedEvent, 'extra')).rejects.toThrow('invalid-arguments');
    expect(handlers.saveFileChunk).not.toHaveBeenCalled();
    expect(handlers.saveFileBegin).not.toHaveBeenCalled();
    expect(handlers.appInfo).not.toHaveBeenCalled();
  });

  it('writes nothing to disk for an oversized or foreign keyring write', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'sijill-ipc-'));
    tempDirs.push(directory);
    const keyring = createKeyringStore({ fs: nodeFileSystem, directory: () => directory });
    const handlers = { ...spyHandlers(), writeKeyring: vi.fn(keyring.writeKeyring) };
    const { call } = register(handlers);
    await expect(call('writeKeyring', trustedEvent, new Uint8Array(IPC_LIMITS.keyringBytes + 1))).rejects.toThrow('invalid-arguments');
    await expect(call('writeKeyring', foreignEvent, new Uint8Array(8))).rejects.toThrow('untrusted-sender');
    expect(handlers.writeKeyring).not.toHaveBeenCalled();
    expect(readdirSync(directory)).toEqual([]);
    await call('writeKeyring', trustedEvent, new Uint8Array([1, 2, 3]));
    expect(existsSync(join(directory, 'keyring.sjk'))).toBe(true);
  });

  it('passes a good payload to the handler and returns its answer', async () => {
    const handlers = spyHandlers();
    handlers.readFileChunk.mockResolvedValue(new Uint8Array([7, 8]));
    const { call } = register(handlers);
    const request = { handle, offset: 10, length: 2 };
    await expect(call('readFileChunk', trustedEvent, request)).resolves.toEqual(new Uint8Array([7, 8]));
    expect(handlers.readFileChunk).toHaveBeenCalledWith(request);
  });

  it('reduces handler errors to a code, so no OS message or path crosses over', async () => {
    const handlers = spyHandlers();
    handlers.closeFile.mockRejectedValue(new Error("EACCES: permission denied, open '/home/d/Sednaya-witness.sijill'"));
    handlers.saveFileCommit.mockRejectedValue(new IpcFailure('unknown-handle'));
    const { call } = register(handlers);
    const failed = call('closeFile', trustedEvent, { handle });
    await expect(failed).rejects.toThrow(/^failed$/);
    await expect(failed).rejects.not.toHaveProperty('cause');
    await expect(call('saveFileCommit', trustedEvent, { handle })).rejects.toThrow(/^unknown-handle$/);
  });

  it('types the handler map from the contract', () => {
    const { wipeKeyring: _dropped, ...incomplete } = spyHandlers();
    // @ts-expect-error a map without wipeKeyring does not compile
    const missing: InvokeHandlers = incomplete;
    // @ts-expect-error readKeyring must resolve to bytes or null, not a string
    const wrong: InvokeHandlers = { ...spyHandlers(), readKeyring: () => Promise.resolve('key') };
    expect([missing, wrong]).toHaveLength(2);
  });
});
