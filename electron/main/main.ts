// Runs in: the Electron main process (entry point, built to out/main/main.js).
/**
 * The composition root: the only main-process file besides adapters/ that imports Electron.
 * It wires Electron's objects into plain functions and holds no logic of its own.
 *
 * Order matters. Before `ready`: scheme privileges and the sandbox switch (Chromium reads both
 * at start-up), the single-instance lock, the web-contents guard. After `ready`: session policy,
 * the app:// handler and the IPC handlers — all before the window exists, so the page's first
 * request and first IPC call already meet them.
 */
import { app, BrowserWindow, ipcMain, Menu, powerMonitor, protocol, session } from 'electron';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelOf } from '../../shared/ipc/contract';
import { createFileDialogs, showFatalError } from './adapters/dialogs';
import { nodeAssetReader, nodeFileSystem } from './adapters/node-fs';
import { createAppProtocolHandler } from './app-protocol';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-origin';
import { createInvokeHandlers } from './handlers';
import { registerIpcHandlers } from './ipc';
import { appLayout } from './layout';
import { forwardLockSignals } from './lock-signals';
import { appMenuTemplate } from './menu';
import { guardWebContents } from './navigation';
import { installSessionPolicy } from './session-policy';
import { createTrustedSenderCheck } from './trusted-sender';
import { openMainWindow } from './window';

const layout = appLayout(dirname(fileURLToPath(import.meta.url)));
let mainWindow: BrowserWindow | null = null;

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

/** The main window until its 'closed' event (after which Electron has destroyed it). */
function liveWindow(): BrowserWindow | null {
  return mainWindow;
}

function focusMainWindow(): void {
  const window = liveWindow();
  if (window === null) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

function failAndQuit(): void {
  showFatalError();
  app.quit();
}

/** Everything that needs `ready`. Runs once. */
function start(): void {
  // Anything but an explicit "not packaged" gets the packaged (strict) settings.
  const isPackaged = app.isPackaged !== false;
  installSessionPolicy(session.defaultSession, { allowDevTools: !isPackaged });
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: layout.rendererRoot, assets: nodeAssetReader }));

  const { handlers, releaseAll } = createInvokeHandlers({
    fs: nodeFileSystem,
    dialogs: createFileDialogs(liveWindow),
    keyringDirectory: () => app.getPath('userData'),
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: process.platform,
      isPackaged,
      versions: process.versions,
    }),
  });
  const isOurWebContents = (sender: unknown): boolean => sender === liveWindow()?.webContents;
  registerIpcHandlers(ipcMain, handlers, createTrustedSenderCheck(isOurWebContents));

  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({ isPackaged, platform: process.platform })));
  forwardLockSignals(powerMonitor, (signal) => {
    liveWindow()?.webContents.send(channelOf('lockSignal'), signal);
  });

  mainWindow = openMainWindow((options) => new BrowserWindow(options), {
    preload: layout.preload,
    isPackaged,
    onPageGone: () => void releaseAll(),
    onLoadFailed: failAndQuit,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// A second copy would race this one on the keyring file and the database.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  // Every web contents, including any Electron or a bug creates later, gets the guard.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents);
  });
  // Closing the window ends the session everywhere, macOS included: no vault lingers in the dock.
  app.on('window-all-closed', () => {
    app.quit();
  });
  app.whenReady().then(start).catch(failAndQuit);
}
