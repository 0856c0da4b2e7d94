// Runs in: the Electron main process.
/**
 * Registers one `ipcMain.handle` per method of the contract (STYLE.md habits 1 and 3).
 *
 * Order on every call: trusted sender first, then the schema parse, then the handler. A call
 * that fails either check rejects with a short plain Error and the handler never runs, so
 * nothing is opened, written or shown. Errors thrown by handlers are reduced to a code.
 */
import type { z } from 'zod';
import { INVOKE_METHODS, channelOf, invokeContract, type InvokeContract, type InvokeMethod } from '../../shared/ipc/contract';
import { failureCodeOf } from './handlers/ipc-failure';
import type { InvokeEventPort, IpcMainPort } from './ports';

/**
 * One handler per contract method, receiving the parsed arguments. Typed from the contract,
 * so a missing method or a wrong argument type fails to compile.
 */
export type InvokeHandlers = {
  readonly [M in InvokeMethod]: (...args: z.output<InvokeContract[M]['args']>) => Promise<z.input<InvokeContract[M]['result']>>;
};

/** Registers every contract method on `ipcMain`. Call once, after `ready`, before the window loads. */
export function registerIpcHandlers(
  ipcMain: IpcMainPort,
  handlers: InvokeHandlers,
  isTrustedSender: (event: InvokeEventPort) => boolean,
): void {
  for (const method of INVOKE_METHODS) {
    const schema: z.ZodType<readonly unknown[]> = invokeContract[method].args;
    // The mapped type cannot be called generically; the schema above guarantees the arguments.
    const handler = handlers[method] as (...args: readonly unknown[]) => Promise<unknown>;
    ipcMain.handle(channelOf(method), async (event, ...args) => {
      if (!isTrustedSender(event)) throw new Error('untrusted-sender');
      const parsed = schema.safeParse(args);
      if (!parsed.success) throw new Error('invalid-arguments');
      try {
        return await handler(...parsed.data);
      } catch (error) {
        // No `cause` on purpose: Electron logs what a handler throws, and the cause (an OS
        // error) names paths and files chosen by the user.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(failureCodeOf(error));
      }
    });
  }
}
