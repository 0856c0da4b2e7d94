// Runs in: the Electron main process.
/**
 * The one error type handlers throw on purpose. ipc.ts turns it into a plain Error whose
 * message is just the code; any other error becomes 'failed', so OS messages (which carry
 * paths and file names) never cross into the renderer or into Electron's handler log.
 */
import type { IpcErrorCode } from '../../../shared/ipc/contract';

/** A handler failure with a fixed, renderer-safe reason. */
export class IpcFailure extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode) {
    super(code);
    this.name = 'IpcFailure';
    this.code = code;
  }
}

/** The code to report for anything a handler threw. */
export function failureCodeOf(error: unknown): IpcErrorCode {
  return error instanceof IpcFailure ? error.code : 'failed';
}

/** True for Node's "no such file" error. */
export function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}
