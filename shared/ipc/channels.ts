// Runs anywhere: main process, preload, renderer and workers (no zod, no platform APIs).
/**
 * The zod-free half of the IPC contract: method and event names, channel names, the bridge
 * global and the fixed error codes.
 *
 * Why a separate file: the preload is bundled on its own and should stay tiny and boring. It
 * needs the names, not the schemas (main parses every payload), so it imports only this file
 * and zod never enters the sandboxed preload. contract.ts re-exports everything here and checks
 * at compile time that these names and its schemas never drift apart.
 */

/** Every request/response method, in contract order. contract.ts fails to compile if this drifts. */
export const INVOKE_METHODS = [
  'appInfo',
  'saveFileBegin',
  'saveFileChunk',
  'saveFileCommit',
  'saveFileAbort',
  'openFile',
  'readFileChunk',
  'closeFile',
  'readKeyring',
  'writeKeyring',
  'wipeKeyring',
] as const;
export type InvokeMethod = (typeof INVOKE_METHODS)[number];

/** Main → renderer events. */
export const EVENT_NAMES = ['lockSignal'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** Reasons main asks the renderer to lock right away. */
export const LOCK_SIGNALS = ['suspend', 'lock-screen'] as const;
export type LockSignal = (typeof LOCK_SIGNALS)[number];

/** True for a value that is one of LOCK_SIGNALS (checked where zod is not available). */
export function isLockSignal(value: unknown): value is LockSignal {
  return typeof value === 'string' && (LOCK_SIGNALS as readonly string[]).includes(value);
}

/** The derived channel name of a method or event. */
export function channelOf(name: InvokeMethod | EventName): string {
  return `sijill:${name}`;
}

/** The name of the preload global. Only renderer/src/platform/electron-platform.ts reads it. */
export const BRIDGE_GLOBAL = 'sijill';

/**
 * The only reasons an invoke can fail with. Main never sends paths, file names or OS messages
 * across the boundary (and Electron logs what a handler throws), so every failure is one of
 * these short codes.
 */
export const IPC_ERROR_CODES = [
  /** The call did not come from the main frame of the app page. */
  'untrusted-sender',
  /** The arguments did not match the contract's schema. */
  'invalid-arguments',
  /** The file handle is not (or no longer) open. */
  'unknown-handle',
  /** Too many save/open handles are open at once. */
  'too-many-open-files',
  /** A size limit was exceeded (keyring file, chunk). */
  'too-large',
  /** The chosen path is not a regular file. */
  'not-a-file',
  /** Anything else (disk full, permission denied, …). */
  'failed',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/**
 * Reads the code back from a rejected invoke. Electron wraps the main-side message
 * ("Error invoking remote method 'sijill:x': Error: too-large"), so the code is the last word.
 */
export function ipcErrorCodeOf(error: unknown): IpcErrorCode | null {
  if (!(error instanceof Error)) return null;
  const match = /(?:^|: )([a-z-]+)$/.exec(error.message);
  const code = match?.[1];
  return code !== undefined && (IPC_ERROR_CODES as readonly string[]).includes(code) ? (code as IpcErrorCode) : null;
}
