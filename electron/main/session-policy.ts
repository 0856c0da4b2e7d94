// Runs in: the Electron main process.
/**
 * Installs the hardening that lives on the session: permissions, the network block, downloads
 * and the spell checker. Called once on `session.defaultSession` after `ready`, before the
 * window loads anything.
 */
import { allowPermissionCheck, allowPermissionRequest, type PermissionCheckDetails, type PermissionRequestDetails } from './permissions';
import { isRequestAllowed, type NetworkPolicyOptions } from './network-policy';
import type { PreventableEvent } from './navigation';

/**
 * The slice of Electron's Session the policy needs. The optional members are extra hardening
 * beyond DESIGN.md §11; a session without them (an older Electron, a stand-in) still gets
 * the permission and network policy rather than no window at all.
 */
export interface SessionPort {
  on?(event: 'will-download', listener: (event: PreventableEvent) => void): unknown;
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean,
  ): void;
  setDevicePermissionHandler?(handler: (details: unknown) => boolean): void;
  setDisplayMediaRequestHandler?(handler: (request: unknown, callback: (streams: null) => void) => void): void;
  setSpellCheckerEnabled?(enable: boolean): void;
  readonly webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** Installs every session-level guard on `session`. */
export function installSessionPolicy(session: SessionPort, options: NetworkPolicyOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowPermissionRequest(permission, details));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowPermissionCheck(permission, requestingOrigin, details),
  );
  // USB, HID, serial, Bluetooth: never.
  session.setDevicePermissionHandler?.(() => false);
  // Screen capture: never (null denies the request).
  session.setDisplayMediaRequestHandler?.((_request, callback) => {
    callback(null);
  });
  // Chromium's spell checker downloads dictionaries and sees every word typed.
  session.setSpellCheckerEnabled?.(false);

  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, options) });
  });
  // A download would write bytes (possibly plaintext) to the Downloads folder behind the
  // vault's back; saving goes through the save-file IPC, never through a download.
  session.on?.('will-download', (event: PreventableEvent) => {
    event.preventDefault();
  });
}
