import { describe, expect, it, vi } from 'vitest';
import { createElectronPlatform, readBridge } from '../../../renderer/src/platform/electron-platform';
import type { PlatformLockSignal } from '../../../renderer/src/platform/platform';
import { IPC_LIMITS } from '../../../shared/ipc/contract';
import { FAKE_APP_INFO, FakeBridge } from '../../fakes/fake-bridge';
import { concatBytes } from '../../../shared/crypto/bytes';
import { chunksOf, countingBytes, failingAfter, sameBytes } from '../support/chunks';

const filters = [{ name: 'Sijill bundle', extensions: ['sijill'] }];

function setup() {
  const bridge = new FakeBridge();
  return { bridge, platform: createElectronPlatform(bridge) };
}

const onlySave = (bridge: FakeBridge) => {
  const entries = [...bridge.saves.entries()];
  expect(entries).toHaveLength(1);
  const [handle, save] = entries[0] ?? ['', undefined];
  if (!save) throw new Error('no save');
  return { handle, save };
};

describe('readBridge', () => {
  it('is null without the preload global, the bridge with it, and refuses an incomplete one', () => {
    const bridge = new FakeBridge();
    expect(readBridge({} as Window)).toBeNull();
    expect(readBridge({ sijill: bridge } as unknown as Window)).toBe(bridge);
    expect(() => readBridge({ sijill: { appInfo: () => undefined } } as unknown as Window)).toThrow('incomplete');
  });
});

describe('electron platform: saveFile', () => {
  it('streams every chunk in order, then commits', async () => {
    const { bridge, platform } = setup();
    const parts = [countingBytes(100), countingBytes(65_553, 7), countingBytes(1, 3)] as const;

    const result = await platform.saveFile({ suggestedName: 'bundle.sijill', filters, chunks: chunksOf([...parts]) });

    expect(result).toEqual({ status: 'saved', name: 'chosen.sijill' });
    expect(bridge.calls).toEqual(['saveFileBegin', 'saveFileChunk', 'saveFileChunk', 'saveFileChunk', 'saveFileCommit']);
    const { handle, save } = onlySave(bridge);
    expect(save).toMatchObject({ committed: true, aborted: false });
    expect(bridge.savedBytes(handle)).toEqual(concatBytes(...parts));
  });

  it('splits a chunk larger than one IPC message', async () => {
    const { bridge, platform } = setup();
    const big = countingBytes(IPC_LIMITS.chunkBytes + 5);
    await platform.saveFile({ suggestedName: 'big.sijill', filters, chunks: chunksOf([big]) });
    const { handle, save } = onlySave(bridge);
    expect(save.chunks.map((chunk) => chunk.byteLength)).toEqual([IPC_LIMITS.chunkBytes, 5]);
    expect(sameBytes(bridge.savedBytes(handle), big)).toEqual({ length: big.byteLength, firstDifference: -1 });
  });

  it('returns cancelled without pulling a byte when the user cancels the dialog', async () => {
    const { bridge, platform } = setup();
    bridge.saveDialogName = null;
    const source = chunksOf([countingBytes(10)]);
    expect(await platform.saveFile({ suggestedName: 'b.sijill', filters, chunks: source })).toEqual({ status: 'cancelled' });
    expect(source.pulled).toBe(0);
    expect(bridge.calls).toEqual(['saveFileBegin']);
  });

  it('aborts the save and rethrows when writing a chunk fails', async () => {
    const { bridge, platform } = setup();
    bridge.failOnChunk = 2;
    const source = chunksOf([countingBytes(10), countingBytes(10), countingBytes(10)]);
    await expect(platform.saveFile({ suggestedName: 'b.sijill', filters, chunks: source })).rejects.toThrow('disk full');
    expect(onlySave(bridge).save).toMatchObject({ committed: false, aborted: true });
    expect(bridge.calls.at(-1)).toBe('saveFileAbort');
    expect(source.finished).toBe(true);
  });

  it('aborts the save when the producer fails', async () => {
    const { bridge, platform } = setup();
    const chunks = failingAfter([countingBytes(10)], new Error('encrypt failed'));
    await expect(platform.saveFile({ suggestedName: 'b.sijill', filters, chunks })).rejects.toThrow('encrypt failed');
    expect(onlySave(bridge).save).toMatchObject({ committed: false, aborted: true });
  });

  it('aborts the save when the signal fires mid-stream', async () => {
    const { bridge, platform } = setup();
    const controller = new AbortController();
    async function* chunks() {
      yield countingBytes(10);
      controller.abort();
      yield countingBytes(10);
    }
    await expect(platform.saveFile({ suggestedName: 'b.sijill', filters, chunks: chunks(), signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
    const { save } = onlySave(bridge);
    expect(save).toMatchObject({ committed: false, aborted: true });
    expect(save.chunks).toHaveLength(1);
  });

  it('opens no dialog when the signal is already aborted', async () => {
    const { bridge, platform } = setup();
    const request = { suggestedName: 'b.sijill', filters, chunks: chunksOf([]), signal: AbortSignal.abort() };
    await expect(platform.saveFile(request)).rejects.toMatchObject({ name: 'AbortError' });
    expect(bridge.calls).toEqual([]);
  });
});

describe('electron platform: openFile', () => {
  it('returns null when the user cancels', async () => {
    const { platform } = setup();
    expect(await platform.openFile(filters)).toBeNull();
  });

  it('reads through main in slices no larger than one IPC message, short at the end, and closes once', async () => {
    const { bridge, platform } = setup();
    const content = countingBytes(IPC_LIMITS.chunkBytes + 100);
    bridge.fileToOpen = { name: 'in.sijill', bytes: content };

    const file = await platform.openFile(filters);
    expect(file).toMatchObject({ name: 'in.sijill', size: content.byteLength });
    expect(await file?.read(3, 4)).toEqual(content.slice(3, 7));

    bridge.calls.length = 0;
    expect(sameBytes(await file?.read(0, content.byteLength + 50), content)).toEqual({ length: content.byteLength, firstDifference: -1 });
    expect(bridge.calls).toEqual(['readFileChunk', 'readFileChunk']);

    await file?.close();
    await file?.close();
    expect(bridge.closedHandles).toHaveLength(1);
    await expect(file?.read(0, 1)).rejects.toThrow('closed');
    await expect(file?.read(-1, 1)).rejects.toThrow(RangeError);
  });
});

describe('electron platform: keyring, app info, lock signals', () => {
  it('passes the keyring through main', async () => {
    const { bridge, platform } = setup();
    expect(await platform.keyring.read()).toBeNull();
    await platform.keyring.write(new Uint8Array([1, 2, 3]));
    expect(bridge.keyring).toEqual(new Uint8Array([1, 2, 3]));
    expect(await platform.keyring.read()).toEqual(new Uint8Array([1, 2, 3]));
    await platform.keyring.wipe();
    expect(bridge.keyring).toBeNull();
    expect(bridge.calls).toEqual(['readKeyring', 'writeKeyring', 'readKeyring', 'wipeKeyring']);
  });

  it('rejects a keyring answer that is not bytes', async () => {
    const { bridge, platform } = setup();
    vi.spyOn(bridge, 'readKeyring').mockResolvedValue('not bytes' as unknown as Uint8Array);
    await expect(platform.keyring.read()).rejects.toThrow('bad keyring');
  });

  it('returns app info from main and rejects a malformed one', async () => {
    const { bridge, platform } = setup();
    expect(platform.kind).toBe('electron');
    expect(await platform.appInfo()).toEqual(FAKE_APP_INFO);
    bridge.appInfoResult = { name: 'Sijill' };
    await expect(platform.appInfo()).rejects.toThrow();
  });

  it('forwards lock signals, maps unknown ones to a lock, and unsubscribes', () => {
    const { bridge, platform } = setup();
    const listener = vi.fn<(signal: PlatformLockSignal) => void>();
    const unsubscribe = platform.onLockSignal(listener);
    bridge.emitLockSignal('suspend');
    bridge.emitLockSignal('something-new');
    expect(listener.mock.calls).toEqual([['suspend'], ['lock-screen']]);
    unsubscribe();
    bridge.emitLockSignal('suspend');
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
