// Runs in: the Electron main process.
/**
 * Navigation guard applied to every web contents (app 'web-contents-created').
 *
 * The app is one page. A link, a form, a redirect or `window.open` that leaves it could
 * load a page that would then hold our preload bridge (or show testimony to a remote site),
 * so everything is refused except going back to the app's own entry page.
 */
import { isAppEntryUrl } from './app-origin';
import type { EmitterPort } from './ports';

/** An Electron event whose default action can be refused. */
export interface PreventableEvent {
  preventDefault(): void;
}

/** 'will-navigate' (main frame). Electron ≥ 25 puts the URL on the event; older ones pass it second. */
export interface NavigationEvent extends PreventableEvent {
  readonly url?: string;
}

/** 'will-frame-navigate' (any frame). */
export interface FrameNavigationEvent extends PreventableEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
}

/** The slice of Electron's WebContents the guard needs. */
export interface GuardedWebContents extends EmitterPort {
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/** True when a main-frame navigation to `url` may proceed. */
export function isNavigationAllowed(url: string | undefined): boolean {
  return url !== undefined && isAppEntryUrl(url);
}

/** Installs the navigation, new-window and webview guards on one web contents. */
export function guardWebContents(contents: GuardedWebContents): void {
  contents.on('will-navigate', (event: NavigationEvent, legacyUrl?: string) => {
    if (!isNavigationAllowed(event.url ?? legacyUrl)) event.preventDefault();
  });
  // Sub-frames have no business navigating anywhere (the CSP also sets frame-src 'none').
  contents.on('will-frame-navigate', (event: FrameNavigationEvent) => {
    if (!event.isMainFrame || !isNavigationAllowed(event.url)) event.preventDefault();
  });
  // app:// never redirects; any redirect is someone else's doing.
  contents.on('will-redirect', (event: PreventableEvent) => {
    event.preventDefault();
  });
  // webviewTag is off already; refuse here too in case a window is ever created without it.
  contents.on('will-attach-webview', (event: PreventableEvent) => {
    event.preventDefault();
  });
  // No pop-ups, no "open in browser": nothing may leave the app, not even a link.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
