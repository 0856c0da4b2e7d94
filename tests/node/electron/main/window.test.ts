import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { mainWindowOptions, openMainWindow, type MainWindowOptions } from '../../../../electron/main/window';
import { FakeEvent, FakeWebContents } from '../../../fakes/electron';

class StubWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly log: string[] = [];
  constructor(readonly options: MainWindowOptions) {
    super();
  }
  show(): void {
    this.log.push('show');
  }
  setContentProtection(enable: boolean): void {
    this.log.push(`contentProtection ${enable}`);
  }
  loadURL(url: string): Promise<void> {
    this.log.push(`load ${url}`);
    return this.failLoad ? Promise.reject(new Error('ERR_FILE_NOT_FOUND')) : Promise.resolve();
  }
  failLoad = false;
}

describe('main window options', () => {
  it('lock the renderer down (DESIGN.md §11)', () => {
    const options = mainWindowOptions({ preload: '/app/out/preload/preload.cjs', isPackaged: true });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      enableWebSQL: false,
    });
    expect(options.webPreferences).not.toHaveProperty('partition');
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('start hidden, titled and painted', () => {
    const options = mainWindowOptions({ preload: '/p.cjs', isPackaged: true });
    expect(options.show).toBe(false);
    expect(options.title).toBe('Sijill');
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('allow DevTools only when not packaged', () => {
    expect(mainWindowOptions({ preload: '/p.cjs', isPackaged: false }).webPreferences.devTools).toBe(true);
    expect(mainWindowOptions({ preload: '/p.cjs', isPackaged: true }).webPreferences.devTools).toBe(false);
  });
});

describe('openMainWindow', () => {
  function open(settings: Partial<{ onPageGone: () => void; onLoadFailed: () => void; failLoad: boolean }> = {}) {
    let window: StubWindow | undefined;
    const result = openMainWindow(
      (options) => {
        window = new StubWindow(options);
        window.failLoad = settings.failLoad ?? false;
        return window;
      },
      { preload: '/p.cjs', isPackaged: true, onPageGone: settings.onPageGone ?? vi.fn(), onLoadFailed: settings.onLoadFailed ?? vi.fn() },
    );
    expect(result).toBe(window);
    return result;
  }

  it('turns content protection on before loading, and shows the window only when ready', () => {
    const window = open();
    expect(window.log).toEqual(['contentProtection true', 'load app://sijill/index.html']);
    window.emit('ready-to-show');
    expect(window.log).toContain('show');
  });

  it('reports the page gone when the window closes, the renderer dies or the page is replaced', () => {
    const onPageGone = vi.fn();
    const window = open({ onPageGone });
    window.emit('closed');
    window.webContents.emit('render-process-gone', new FakeEvent(), { reason: 'crashed' });
    window.webContents.emit('did-start-navigation', new FakeEvent({ isMainFrame: true, isSameDocument: false }));
    window.webContents.emit('did-start-navigation', new FakeEvent({ isMainFrame: true, isSameDocument: true }));
    window.webContents.emit('did-start-navigation', new FakeEvent({ isMainFrame: false, isSameDocument: false }));
    expect(onPageGone).toHaveBeenCalledTimes(3);
  });

  it('reports a page that cannot be loaded', async () => {
    const onLoadFailed = vi.fn();
    open({ onLoadFailed, failLoad: true });
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledOnce());
  });
});
