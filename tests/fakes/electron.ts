// Runs in: Node, in tests only. A stand-in for the 'electron' module.
/**
 * Importing the real 'electron' package downloads its binary, which cannot happen here, so
 * every test that loads main.ts, the preload or an adapter mocks it with this module:
 *
 *   vi.mock('electron', () => import('../../../fakes/electron'));
 *   import { fake } from '../../../fakes/electron';
 *
 * It behaves like Electron where order matters (scheme privileges and enableSandbox only
 * before ready, protocol.handle only after, one ipcMain handler per channel, a new window
 * emits app 'web-contents-created') and records everything else for assertions. Vitest gives
 * every test file a fresh copy.
 */
import { EventEmitter } from 'node:events';

/** Everything order-sensitive the code under test did, in order. */
export const calls: string[] = [];

/** An Electron event: `preventDefault` plus whatever fields the event carries. */
export class FakeEvent {
  defaultPrevented = false;
  [field: string]: unknown;

  constructor(fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }

  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebFrame {
  constructor(
    public url: string,
    public parent: FakeWebFrame | null = null,
  ) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  readonly mainFrame = new FakeWebFrame('about:blank');
  readonly sent: unknown[][] = [];
  windowOpenHandler: WindowOpenHandler | null = null;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, ...args]);
  }
}

type Listener = (...args: never[]) => unknown;

class FakeApp extends EventEmitter {
  isPackaged = true;
  isReady = false;
  singleInstanceLockAvailable = true;
  quitCalls = 0;
  readonly paths: Record<string, string> = {};
  #resolveReady: () => void = () => undefined;
  readonly #whenReady = new Promise<void>((resolve) => {
    this.#resolveReady = resolve;
  });

  whenReady(): Promise<void> {
    return this.#whenReady;
  }

  /** Test control: Electron finished starting. Resolves after the ready callbacks ran. */
  async becomeReady(): Promise<void> {
    calls.push('app.ready');
    this.isReady = true;
    this.emit('ready');
    this.#resolveReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  enableSandbox(): void {
    if (this.isReady) throw new Error('enableSandbox must be called before ready');
    calls.push('app.enableSandbox');
  }

  requestSingleInstanceLock(): boolean {
    calls.push('app.requestSingleInstanceLock');
    return this.singleInstanceLockAvailable;
  }

  quit(): void {
    calls.push('app.quit');
    this.quitCalls += 1;
  }

  getPath(name: string): string {
    const path = this.paths[name];
    if (path === undefined) throw new Error(`fake app has no path ${name}`);
    return path;
  }

  getName(): string {
    return 'Sijill';
  }

  getVersion(): string {
    return '0.1.0';
  }
}

export const app = new FakeApp();

export class BrowserWindow extends EventEmitter {
  static readonly instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  contentProtection = false;
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;
  loadedUrl: string | null = null;

  constructor(readonly options: Record<string, unknown>) {
    super();
    if (!app.isReady) throw new Error('BrowserWindow before ready');
    calls.push('new BrowserWindow');
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }

  setContentProtection(enable: boolean): void {
    this.contentProtection = enable;
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focused = true;
  }

  restore(): void {
    this.minimized = false;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  loadURL(url: string): Promise<void> {
    calls.push(`loadURL ${url}`);
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }

  /** Test control: the user closed the window. */
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: Listener | null = null;
  permissionCheckHandler: Listener | null = null;
  devicePermissionHandler: Listener | null = null;
  displayMediaRequestHandler: Listener | null = null;
  spellCheckerEnabled = true;
  readonly webRequest = {
    beforeRequest: null as BeforeRequestListener | null,
    onBeforeRequest(listener: BeforeRequestListener): void {
      this.beforeRequest = listener;
    },
  };

  setPermissionRequestHandler(handler: Listener): void {
    calls.push('session.setPermissionRequestHandler');
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: Listener): void {
    this.permissionCheckHandler = handler;
  }

  setDevicePermissionHandler(handler: Listener): void {
    this.devicePermissionHandler = handler;
  }

  setDisplayMediaRequestHandler(handler: Listener): void {
    this.displayMediaRequestHandler = handler;
  }

  setSpellCheckerEnabled(enable: boolean): void {
    this.spellCheckerEnabled = enable;
  }

  /** Test helper: what the installed onBeforeRequest listener answers for `url`. */
  isCancelled(url: string): boolean {
    const listener = this.webRequest.beforeRequest;
    if (listener === null) throw new Error('no onBeforeRequest listener');
    let cancel: boolean | undefined;
    listener({ url }, (response) => {
      cancel = response.cancel === true;
    });
    if (cancel === undefined) throw new Error('listener did not answer synchronously');
    return cancel;
  }
}

export const session = { defaultSession: new FakeSession() };

type ProtocolHandler = (request: Request) => Promise<Response>;

export const protocol = {
  privilegedSchemes: [] as unknown[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    if (app.isReady) throw new Error('registerSchemesAsPrivileged must be called before ready');
    calls.push('protocol.registerSchemesAsPrivileged');
    protocol.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!app.isReady) throw new Error('protocol.handle must be called after ready');
    if (protocol.handlers.has(scheme)) throw new Error(`scheme ${scheme} already handled`);
    calls.push(`protocol.handle ${scheme}`);
    protocol.handlers.set(scheme, handler);
  },
};

type InvokeListener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

export const ipcMain = {
  handlers: new Map<string, InvokeListener>(),
  handle(channel: string, listener: InvokeListener): void {
    if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    ipcMain.handlers.set(channel, listener);
  },
};

export const powerMonitor = new EventEmitter();

type DialogResult = { canceled: boolean; filePath?: string; filePaths?: string[] };

export const dialog = {
  nextSave: { canceled: true } as DialogResult,
  nextOpen: { canceled: true, filePaths: [] } as DialogResult,
  shown: [] as { kind: string; window: unknown; options: unknown }[],
  errorBoxes: [] as [string, string][],
  showSaveDialog(...args: unknown[]): Promise<DialogResult> {
    dialog.shown.push(dialogCall('save', args));
    return Promise.resolve(dialog.nextSave);
  },
  showOpenDialog(...args: unknown[]): Promise<DialogResult> {
    dialog.shown.push(dialogCall('open', args));
    return Promise.resolve(dialog.nextOpen);
  },
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push([title, content]);
  },
};

function dialogCall(kind: string, args: unknown[]): { kind: string; window: unknown; options: unknown } {
  return args.length >= 2 ? { kind, window: args[0], options: args[1] } : { kind, window: null, options: args[0] };
}

export const Menu = {
  applicationMenu: null as { template: unknown } | null,
  buildFromTemplate(template: unknown): { template: unknown } {
    return { template };
  },
  setApplicationMenu(menu: { template: unknown } | null): void {
    Menu.applicationMenu = menu;
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`${key} exposed twice`);
    contextBridge.exposed.set(key, api);
  },
};

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: unknown[][] = [];
  reply: unknown = undefined;

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push([channel, ...args]);
    return Promise.resolve(this.reply);
  }
}

export const ipcRenderer = new FakeIpcRenderer();

/** Everything above, for tests to inspect and steer. */
export const fake = { calls, app, BrowserWindow, session, protocol, ipcMain, powerMonitor, dialog, Menu, contextBridge, ipcRenderer };
