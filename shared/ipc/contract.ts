// Runs anywhere: main process and renderer (the preload takes only its types).
/**
 * The one IPC contract between the renderer and the main process (STYLE.md habit 1).
 *
 * Main registers a handler for every `invoke` entry and parses its arguments with the schema
 * before anything runs; the preload exposes a `SijillBridge` built from the same names (kept in
 * the zod-free channels.ts so the preload bundle stays small; the `satisfies` below keeps the two
 * in step); the renderer's window type comes from here. Channel names are derived, never written
 * by hand.
 *
 * What crosses this boundary is already encrypted (keyring, bundle bytes): main never sees
 * plaintext or keys (DESIGN.md §3).
 */
import { z } from 'zod';
import { EVENT_NAMES, INVOKE_METHODS, LOCK_SIGNALS } from './channels';

export {
  BRIDGE_GLOBAL,
  EVENT_NAMES,
  INVOKE_METHODS,
  IPC_ERROR_CODES,
  LOCK_SIGNALS,
  channelOf,
  ipcErrorCodeOf,
  isLockSignal,
} from './channels';
export type { IpcErrorCode } from './channels';

/** Hard ceilings, checked in main before any byte is written. */
export const IPC_LIMITS = {
  /** The keyring is a few KiB; anything near this is an attack or a bug. */
  keyringBytes: 1024 * 1024,
  /** One chunk of a streamed file read or write. */
  chunkBytes: 4 * 1024 * 1024,
  fileNameChars: 255,
} as const;

const bytes = (max: number) =>
  z
    .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'expected bytes' })
    .refine((value) => value.byteLength <= max, { message: `at most ${max} bytes` });

/** A file handle is an opaque token main hands out; it is never a path. */
const handle = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** Separators, characters Windows reserves, and bidi controls (which can disguise an extension). */
const FORBIDDEN_NAME_CHARACTERS = /[\\/:*?"<>|\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** C0 and C1 control characters and DEL (checked by code point: lint rightly flags them in a regex). */
function hasControlCharacter(name: string): boolean {
  for (const character of name) {
    const code = character.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/** Suggested file names come from the renderer: plain names only, never paths. */
export const suggestedFileName = z
  .string()
  .min(1)
  .max(IPC_LIMITS.fileNameChars)
  .refine((name) => !FORBIDDEN_NAME_CHARACTERS.test(name) && !hasControlCharacter(name), {
    message: 'not a plain file name',
  })
  .refine((name) => name !== '.' && name !== '..', { message: 'not a plain file name' });

const fileFilter = z.object({
  name: z.string().min(1).max(64),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(8),
});

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  electron: z.string(),
  chrome: z.string(),
  packaged: z.boolean(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const saveBeginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('ready'), handle, name: z.string() }),
]);
export const openResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('opened'), handle, name: z.string(), size: z.number().int().nonnegative() }),
]);

/** Reasons main asks the renderer to lock right away. */
export const lockSignalSchema = z.enum(LOCK_SIGNALS);
export type LockSignal = z.infer<typeof lockSignalSchema>;

/**
 * Request/response methods. `args` is the tuple of arguments, parsed in main; `result` documents
 * (and types) what comes back.
 *
 * Saving is streamed (begin → chunks → commit) so a bundle of several GiB never has to sit in
 * one message; main writes to a temp file beside the target and renames on commit, so an
 * abandoned save leaves nothing behind.
 */
export const invokeContract = {
  appInfo: { args: z.tuple([]), result: appInfoSchema },
  saveFileBegin: {
    args: z.tuple([z.object({ suggestedName: suggestedFileName, filters: z.array(fileFilter).max(4) }).strict()]),
    result: saveBeginResult,
  },
  saveFileChunk: {
    args: z.tuple([z.object({ handle, bytes: bytes(IPC_LIMITS.chunkBytes) }).strict()]),
    result: z.void(),
  },
  saveFileCommit: { args: z.tuple([z.object({ handle }).strict()]), result: z.void() },
  saveFileAbort: { args: z.tuple([z.object({ handle }).strict()]), result: z.void() },
  openFile: {
    args: z.tuple([z.object({ filters: z.array(fileFilter).max(4) }).strict()]),
    result: openResult,
  },
  readFileChunk: {
    args: z.tuple([
      z
        .object({
          handle,
          offset: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
          length: z.number().int().positive().max(IPC_LIMITS.chunkBytes),
        })
        .strict(),
    ]),
    result: z.custom<Uint8Array>(),
  },
  closeFile: { args: z.tuple([z.object({ handle }).strict()]), result: z.void() },
  readKeyring: { args: z.tuple([]), result: z.custom<Uint8Array | null>() },
  writeKeyring: { args: z.tuple([bytes(IPC_LIMITS.keyringBytes)]), result: z.void() },
  /** Panic wipe: overwrite, fsync and delete the keyring file. */
  wipeKeyring: { args: z.tuple([]), result: z.void() },
} as const satisfies Record<(typeof INVOKE_METHODS)[number], { args: z.ZodTuple; result: z.ZodType }>;

export type InvokeContract = typeof invokeContract;
export type InvokeMethod = keyof InvokeContract;

/** Main → renderer events. */
export const eventContract = {
  lockSignal: lockSignalSchema,
} as const satisfies Record<(typeof EVENT_NAMES)[number], z.ZodType>;
export type EventName = keyof typeof eventContract;

type InvokeFunctions = {
  [M in InvokeMethod]: (...args: z.input<InvokeContract[M]['args']>) => Promise<z.output<InvokeContract[M]['result']>>;
};

/** What the preload exposes as `window.sijill`; the preload object `satisfies` this type. */
export type SijillBridge = InvokeFunctions & {
  /** Subscribe to lock signals; returns the unsubscribe function. */
  onLockSignal(listener: (signal: LockSignal) => void): () => void;
};
