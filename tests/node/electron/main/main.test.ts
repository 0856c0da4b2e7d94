// The composition root, end to end, under the fake Electron: what a user's Electron would be
// asked to do, in the order it would be asked.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_METHODS, channelOf } from '../../../../shared/ipc/contract';
import { CSP_HEADER } from '../../../../shared/security/csp';
import { FakeEvent, FakeWebContents, FakeWebFrame, fake, type BrowserWindow } from '../../../fakes/electron';

vi.mock('electron', () => import('../../../fakes/electron'));

const userData = mkdtempSync(join(tmpdir(), 'sijill-main-'));
let beforeReady: { calls: string[]; windows: number; ipcChannels: number; protocols: number };
let window: BrowserWindow;

beforeAll(async () => {
  fake.app.paths.userData = userData;
  fake.app.isPackaged = true;
  await import('../../../../electron/main/main');
  beforeReady = {
    calls: [...fake.calls],
    windows: fake.BrowserWindow.instances.length,
    ipcChannels: fake.ipcMain.handlers.size,
    protocols: fake.protocol.handlers.size,
  };
  await fake.app.becomeReady();
  const [only] = fake.BrowserWindow.instances;
  if (only === undefined) throw new Error('no window was created');
  window = only;
});

afterAll(() => {
  rmSync(userData, { recursive: true, force: true });
});

const trusted = () => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
function invoke(method: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const listener = fake.ipcMain.handlers.get(channelOf(method as never));
  if (listener === undefined) throw new Error(`no handler for ${method}`);
  return listener(event, ...args);
}

describe('main process start-up', () => {
  it('does the pre-ready work first and creates nothing before ready', () => {
    expect(beforeReady.calls).toEqual(['protocol.registerSchemesAsPrivileged', 'app.enableSandbox', 'app.requestSingleInstanceLock']);
    expect(beforeReady).toMatchObject({ windows: 0, ipcChannels: 0, protocols: 0 });
    expect(fake.protocol.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false, corsEnabled: false }) },
    ]);
  });

  it('installs session policy, protocol and IPC before the window loads its page', () => {
    const order = fake.calls.filter((call) => !beforeReady.calls.includes(call));
    expect(order.indexOf('session.setPermissionRequestHandler')).toBeLessThan(order.indexOf('new BrowserWindow'));
    expect(order.indexOf('protocol.handle app')).toBeLessThan(order.indexOf('new BrowserWindow'));
    expect(order.at(-1)).toBe('loadURL app://sijill/index.html');
    expect(fake.ipcMain.handlers.size).toBe(INVOKE_METHODS.length);
  });

  it('opens one hardened, hidden window on the app page, with content protection', () => {
    expect(fake.BrowserWindow.instances).toHaveLength(1);
    const preferences = window.options['webPreferences'] as Record<string, unknown>;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      allowRunningInsecureContent: false,
      devTools: false,
    });
    const preload = String(preferences['preload']);
    expect(isAbsolute(preload)).toBe(true);
    expect(preload.endsWith(join('preload', 'preload.cjs'))).toBe(true);
    expect(window.options).toMatchObject({ show: false, title: 'Sijill', backgroundColor: expect.any(String) });
    expect(window.contentProtection).toBe(true);
    expect(window.loadedUrl).toBe('app://sijill/index.html');
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('guards the window and every later web contents', () => {
    const later = new FakeWebContents();
    fake.app.emit('web-contents-created', new FakeEvent(), later);
    for (const contents of [window.webContents, later]) {
      const navigation = new FakeEvent({ url: 'https://example.org/' });
      contents.emit('will-navigate', navigation, 'https://example.org/');
      expect(navigation.defaultPrevented).toBe(true);
      expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
      const webview = new FakeEvent();
      contents.emit('will-attach-webview', webview, {}, {});
      expect(webview.defaultPrevented).toBe(true);
    }
  });

  it('hardens the default session', () => {
    const session = fake.session.defaultSession;
    const grant = vi.fn();
    session.permissionRequestHandler?.(...([window.webContents, 'media', grant, { requestingUrl: 'app://sijill/index.html', isMainFrame: true, mediaTypes: ['audio'] }] as never[]));
    session.permissionRequestHandler?.(...([window.webContents, 'media', grant, { requestingUrl: 'app://sijill/index.html', isMainFrame: true, mediaTypes: ['video'] }] as never[]));
    expect(grant.mock.calls).toEqual([[true], [false]]);
    expect(session.permissionCheckHandler?.(...([null, 'geolocation', 'app://sijill', {}] as never[]))).toBe(false);
    expect(session.devicePermissionHandler?.(...([{}] as never[]))).toBe(false);
    expect(session.displayMediaRequestHandler).not.toBeNull();
    expect(session.spellCheckerEnabled).toBe(false);
    for (const url of ['http://a.example/', 'https://a.example/', 'ws://a.example/', 'wss://a.example/', 'file:///etc/passwd']) expect(session.isCancelled(url)).toBe(true);
    expect(session.isCancelled('app://sijill/index.html')).toBe(false);
    const download = new FakeEvent();
    session.emit('will-download', download, {}, window.webContents);
    expect(download.defaultPrevented).toBe(true);
  });

  it('serves app:// through a handler that refuses traversal and sends the CSP', async () => {
    const handler = fake.protocol.handlers.get('app');
    if (handler === undefined) throw new Error('app:// is not handled');
    for (const url of ['app://sijill/..%2F..%2Fpackage.json', 'app://evil/index.html']) {
      const response = await handler(new Request(url));
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CSP_HEADER);
    }
  });

  it('answers IPC from the app page only', async () => {
    await expect(invoke('appInfo', trusted())).resolves.toMatchObject({ name: 'Sijill', version: '0.1.0', packaged: true });
    const subFrame = new FakeWebFrame('app://sijill/index.html', window.webContents.mainFrame);
    await expect(invoke('appInfo', { sender: window.webContents, senderFrame: subFrame })).rejects.toThrow('untrusted-sender');
    await expect(invoke('appInfo', { sender: new FakeWebContents(), senderFrame: new FakeWebFrame('app://sijill/index.html') })).rejects.toThrow('untrusted-sender');
    await expect(invoke('appInfo', { sender: window.webContents, senderFrame: new FakeWebFrame('https://example.org/') })).rejects.toThrow('untrusted-sender');
  });

  it('keeps the keyring in userData', async () => {
    await invoke('writeKeyring', trusted(), new Uint8Array([5, 6]));
    expect(readdirSync(userData)).toEqual(['keyring.sjk']);
    await expect(invoke('readKeyring', trusted())).resolves.toEqual(new Uint8Array([5, 6]));
    await invoke('wipeKeyring', trusted());
    expect(readdirSync(userData)).toEqual([]);
  });

  it('sets a menu without DevTools in packaged builds', () => {
    const menu = JSON.stringify(fake.Menu.applicationMenu);
    expect(menu).toContain('editMenu');
    expect(menu).not.toContain('toggleDevTools');
  });

  it('forwards suspend and screen lock to the page as lock signals', () => {
    window.webContents.sent.length = 0;
    fake.powerMonitor.emit('suspend');
    fake.powerMonitor.emit('lock-screen');
    expect(window.webContents.sent).toEqual([
      [channelOf('lockSignal'), 'suspend'],
      [channelOf('lockSignal'), 'lock-screen'],
    ]);
  });

  it('brings the existing window forward when a second copy starts', () => {
    window.minimized = true;
    window.focused = false;
    fake.app.emit('second-instance', new FakeEvent(), [], '/');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('deletes unfinished saves when the window closes, then quits', async () => {
    const target = join(userData, 'case.sijill');
    fake.dialog.nextSave = { canceled: false, filePath: target };
    await expect(invoke('saveFileBegin', trusted(), { suggestedName: 'case.sijill', filters: [] })).resolves.toMatchObject({ status: 'ready' });
    expect(readdirSync(userData)).toHaveLength(1);
    window.close();
    await vi.waitFor(() => expect(readdirSync(userData)).toEqual([]));
    expect(existsSync(target)).toBe(false);
    expect(() => fake.powerMonitor.emit('suspend')).not.toThrow();
    fake.app.emit('window-all-closed');
    expect(fake.app.quitCalls).toBe(1);
  });
});
