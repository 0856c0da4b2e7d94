// Runs in: the preload of the main window (sandboxed renderer, isolated world), built to
// out/preload/preload.cjs (CommonJS: a sandboxed preload cannot load an ES module).
/**
 * The bridge, and nothing else (STYLE.md habit 2): one function per contract method that
 * forwards its arguments to `ipcRenderer.invoke` on the derived channel, plus a lock-signal
 * subscription. `ipcRenderer` itself, the IPC event object and Node never reach the page.
 * Arguments are not checked here: main checks the sender and parses every payload, and a
 * check in the page's own process would add nothing a compromised page could not skip.
 *
 * It imports the zod-free channels.ts and only *types* from contract.ts, so no schema
 * library is bundled into the preload.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, channelOf, isLockSignal, type InvokeMethod, type LockSignal } from '../../shared/ipc/channels';
import type { SijillBridge } from '../../shared/ipc/contract';

/** The bridge function of one method: forwards the arguments, returns main's answer. */
function invoke<M extends InvokeMethod>(method: M): SijillBridge[M] {
  const channel = channelOf(method);
  return ((...args: unknown[]) => ipcRenderer.invoke(channel, ...args)) as SijillBridge[M];
}

const bridge = {
  appInfo: invoke('appInfo'),
  saveFileBegin: invoke('saveFileBegin'),
  saveFileChunk: invoke('saveFileChunk'),
  saveFileCommit: invoke('saveFileCommit'),
  saveFileAbort: invoke('saveFileAbort'),
  openFile: invoke('openFile'),
  readFileChunk: invoke('readFileChunk'),
  closeFile: invoke('closeFile'),
  readKeyring: invoke('readKeyring'),
  writeKeyring: invoke('writeKeyring'),
  wipeKeyring: invoke('wipeKeyring'),

  onLockSignal(listener: (signal: LockSignal) => void): () => void {
    const channel = channelOf('lockSignal');
    // Only the validated signal is passed on: the event object would expose `sender`.
    const forward = (_event: IpcRendererEvent, signal: unknown): void => {
      if (isLockSignal(signal)) listener(signal);
    };
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
} satisfies SijillBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
