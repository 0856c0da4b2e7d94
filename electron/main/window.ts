// Runs in: the Electron main process.
/**
 * The main window: its options (DESIGN.md §11) and how it is opened. main.ts passes the
 * BrowserWindow constructor in, so tests can assert the exact options without Electron.
 */
import { APP_ENTRY_URL } from './app-origin';
import type { EmitterPort } from './ports';

/** Painted before the page draws, so resizing never flashes white on a dark screen or vice versa. */
export const WINDOW_BACKGROUND = '#f5f5f4';

/** BrowserWindow options of the main window. */
export function mainWindowOptions(options: { preload: string; isPackaged: boolean }) {
  return {
    title: 'Sijill',
    width: 1280,
    height: 860,
    minWidth: 800,
    minHeight: 600,
    // Shown on 'ready-to-show', so no half-drawn page is ever on screen.
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // The spell checker sees every word typed and fetches dictionaries from the network.
      spellcheck: false,
      devTools: !options.isPackaged,
      experimentalFeatures: false,
      // Dropping a file must never navigate the window to it.
      navigateOnDragDrop: false,
      safeDialogs: true,
      enableWebSQL: false,
      autoplayPolicy: 'user-gesture-required',
    },
  } as const;
}

/** The options object type, for the constructor main.ts passes in. */
export type MainWindowOptions = ReturnType<typeof mainWindowOptions>;

/** The slice of Electron's BrowserWindow used here. */
export interface MainWindowPort extends EmitterPort {
  once(event: string, listener: () => void): unknown;
  show(): void;
  setContentProtection(enable: boolean): void;
  loadURL(url: string): Promise<void>;
  readonly webContents: EmitterPort;
}

/** 'did-start-navigation' details (the fields we read). */
interface StartNavigationEvent {
  readonly isMainFrame?: boolean;
  readonly isSameDocument?: boolean;
}

/** What opening the window needs besides the constructor. */
export interface OpenWindowSettings {
  readonly preload: string;
  readonly isPackaged: boolean;
  /** The page is gone or replaced: release its open files and unfinished saves. */
  readonly onPageGone: () => void;
  /** The app page could not be loaded at all. */
  readonly onLoadFailed: () => void;
}

/** Creates the main window, hardens it and loads the app page. */
export function openMainWindow<W extends MainWindowPort>(create: (options: MainWindowOptions) => W, settings: OpenWindowSettings): W {
  const window = create(mainWindowOptions(settings));
  // Screenshots, screen recording and screen sharing get a black rectangle, not testimony.
  window.setContentProtection(true);
  window.once('ready-to-show', () => {
    window.show();
  });
  window.on('closed', settings.onPageGone);
  window.webContents.on('render-process-gone', settings.onPageGone);
  window.webContents.on('did-start-navigation', (event: StartNavigationEvent) => {
    if (event.isMainFrame === true && event.isSameDocument !== true) settings.onPageGone();
  });
  window.loadURL(APP_ENTRY_URL).catch(settings.onLoadFailed);
  return window;
}
