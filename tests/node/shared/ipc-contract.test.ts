import { describe, expect, it } from 'vitest';
import {
  EVENT_NAMES,
  INVOKE_METHODS,
  IPC_LIMITS,
  LOCK_SIGNALS,
  channelOf,
  eventContract,
  invokeContract,
  ipcErrorCodeOf,
  isLockSignal,
  lockSignalSchema,
  suggestedFileName,
} from '../../../shared/ipc/contract';

const validHandle = 'A'.repeat(32);

describe('IPC contract names', () => {
  it('lists exactly the contract methods and events, in order, in the zod-free channels file', () => {
    expect([...INVOKE_METHODS]).toEqual(Object.keys(invokeContract));
    expect([...EVENT_NAMES]).toEqual(Object.keys(eventContract));
    expect([...LOCK_SIGNALS]).toEqual(lockSignalSchema.options);
  });

  it('derives one distinct channel per method and event', () => {
    const channels = [...INVOKE_METHODS, ...EVENT_NAMES].map(channelOf);
    expect(new Set(channels).size).toBe(channels.length);
    expect(channelOf('appInfo')).toBe('sijill:appInfo');
    expect(channelOf('lockSignal')).toBe('sijill:lockSignal');
  });

  it('recognises lock signals and nothing else', () => {
    expect(isLockSignal('suspend')).toBe(true);
    expect(isLockSignal('lock-screen')).toBe(true);
    for (const other of ['hidden', 'SUSPEND', '', null, undefined, 1, { signal: 'suspend' }]) expect(isLockSignal(other)).toBe(false);
  });
});

describe('suggested file names', () => {
  it.each(['T-2026-0042.sijill', 'شهادة ٢٠٢٦.sijill', 'backup 1.sijill', 'a'.repeat(255)])('accepts %s', (name) => {
    expect(suggestedFileName.safeParse(name).success).toBe(true);
  });

  it.each([
    ['a parent segment', '..'],
    ['the current folder', '.'],
    ['a relative path', '../x.sijill'],
    ['a slash', 'a/b.sijill'],
    ['a backslash', 'a\\b.sijill'],
    ['a drive letter', 'C:x.sijill'],
    ['NUL', 'a\u0000.sijill'],
    ['a C0 control', 'a\u0007.sijill'],
    ['a C1 control', 'a\u0085.sijill'],
    ['DEL', 'a\u007f.sijill'],
    ['a right-to-left override', 'gpj.\u202esijill'],
    ['a bidi isolate', 'a\u2066b.sijill'],
    ['a reserved character', 'a?.sijill'],
    ['an empty name', ''],
    ['256 characters', 'a'.repeat(256)],
  ])('rejects %s', (_label, name) => {
    expect(suggestedFileName.safeParse(name).success).toBe(false);
  });
});

describe('argument schemas', () => {
  it('accepts well-formed calls', () => {
    expect(invokeContract.appInfo.args.safeParse([]).success).toBe(true);
    expect(invokeContract.saveFileChunk.args.safeParse([{ handle: validHandle, bytes: new Uint8Array(3) }]).success).toBe(true);
    expect(invokeContract.writeKeyring.args.safeParse([new Uint8Array(IPC_LIMITS.keyringBytes)]).success).toBe(true);
    expect(invokeContract.readFileChunk.args.safeParse([{ handle: validHandle, offset: 0, length: 1 }]).success).toBe(true);
  });

  it('rejects extra arguments, extra fields and wrong types', () => {
    expect(invokeContract.appInfo.args.safeParse(['x']).success).toBe(false);
    expect(invokeContract.saveFileCommit.args.safeParse([{ handle: validHandle, path: '/etc/passwd' }]).success).toBe(false);
    expect(invokeContract.writeKeyring.args.safeParse([[1, 2, 3]]).success).toBe(false);
    expect(invokeContract.writeKeyring.args.safeParse(['AAAA']).success).toBe(false);
    expect(invokeContract.readFileChunk.args.safeParse([{ handle: validHandle, offset: -1, length: 1 }]).success).toBe(false);
    expect(invokeContract.readFileChunk.args.safeParse([{ handle: validHandle, offset: 0, length: 0 }]).success).toBe(false);
  });

  it('enforces the byte ceilings', () => {
    expect(invokeContract.writeKeyring.args.safeParse([new Uint8Array(IPC_LIMITS.keyringBytes + 1)]).success).toBe(false);
    const chunk = { handle: validHandle, bytes: new Uint8Array(IPC_LIMITS.chunkBytes + 1) };
    expect(invokeContract.saveFileChunk.args.safeParse([chunk]).success).toBe(false);
    const read = { handle: validHandle, offset: 0, length: IPC_LIMITS.chunkBytes + 1 };
    expect(invokeContract.readFileChunk.args.safeParse([read]).success).toBe(false);
  });

  it.each(['short', '../../etc/passwd', '/tmp/file-handle-xx', 'A'.repeat(65), 'A'.repeat(31) + '.'])('rejects handle %s', (handle) => {
    expect(invokeContract.closeFile.args.safeParse([{ handle }]).success).toBe(false);
  });
});

describe('ipcErrorCodeOf', () => {
  it('reads the code from the message Electron builds around it', () => {
    expect(ipcErrorCodeOf(new Error("Error invoking remote method 'sijill:writeKeyring': Error: too-large"))).toBe('too-large');
    expect(ipcErrorCodeOf(new Error('untrusted-sender'))).toBe('untrusted-sender');
  });

  it('returns null for anything else', () => {
    expect(ipcErrorCodeOf(new Error('ENOENT: no such file'))).toBeNull();
    expect(ipcErrorCodeOf(new Error("Error invoking remote method 'x': Error: not-a-code"))).toBeNull();
    expect(ipcErrorCodeOf('too-large')).toBeNull();
  });
});
