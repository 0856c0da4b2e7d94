// Runs in: the Electron main process.
/**
 * Permission decisions. Everything is denied except one thing: the microphone (audio only,
 * never the camera or the screen) for the app's own page, so a documenter can record a
 * testimony. Pure functions; session-policy.ts installs them.
 */
import { isAppOrigin } from './app-origin';

/** What Electron tells a permission request handler (the fields we read). */
export interface PermissionRequestDetails {
  readonly requestingUrl?: string;
  readonly isMainFrame?: boolean;
  readonly mediaTypes?: readonly string[];
  readonly securityOrigin?: string;
}

/** What Electron tells a permission check handler (the fields we read). */
export interface PermissionCheckDetails {
  readonly requestingUrl?: string;
  readonly isMainFrame?: boolean;
  readonly mediaType?: string;
  readonly securityOrigin?: string;
  readonly embeddingOrigin?: string;
}

/** Decides `setPermissionRequestHandler` requests (getUserMedia and friends). */
export function allowPermissionRequest(permission: string, details: PermissionRequestDetails): boolean {
  if (permission !== 'media') return false;
  const types = details.mediaTypes ?? [];
  if (types.length === 0 || !types.every((type) => type === 'audio')) return false;
  if (details.isMainFrame !== true) return false;
  if (details.requestingUrl === undefined || !isAppOrigin(details.requestingUrl)) return false;
  return details.securityOrigin === undefined || isAppOrigin(details.securityOrigin);
}

/** Decides `setPermissionCheckHandler` checks (synchronous "is this granted?" queries). */
export function allowPermissionCheck(permission: string, requestingOrigin: string, details: PermissionCheckDetails): boolean {
  if (permission !== 'media' || details.mediaType !== 'audio') return false;
  if (!isAppOrigin(requestingOrigin)) return false;
  // Set only for cross-origin sub-frames, which we never have: its presence alone is suspect.
  if (details.embeddingOrigin !== undefined) return false;
  return details.securityOrigin === undefined || isAppOrigin(details.securityOrigin);
}
