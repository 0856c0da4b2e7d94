// Runs in: the Electron main process.
/**
 * Who may call the IPC handlers: the main frame of our own window, showing our own page.
 *
 * Checked on every call, before the payload is even parsed. `senderFrame` is null when the
 * frame navigated or was destroyed after sending; that is a refusal, not a retry.
 */
import { isAppOrigin } from './app-origin';
import type { InvokeEventPort } from './ports';

/**
 * Builds the sender check. `isOurWebContents` says whether a sender is the main window's
 * web contents (main.ts knows the window; this file does not).
 */
export function createTrustedSenderCheck(isOurWebContents: (sender: unknown) => boolean): (event: InvokeEventPort) => boolean {
  return (event) => {
    try {
      const frame = event.senderFrame;
      return frame !== null && frame.parent === null && isOurWebContents(event.sender) && isAppOrigin(frame.url);
    } catch {
      // Reading a destroyed frame can throw; an unreadable sender is an untrusted one.
      return false;
    }
  };
}
