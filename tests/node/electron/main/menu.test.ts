import { describe, expect, it } from 'vitest';
import { appMenuTemplate, type MenuTemplateItem } from '../../../../electron/main/menu';

function roles(items: MenuTemplateItem[]): string[] {
  return items.flatMap((item) => [...(item.role === undefined ? [] : [item.role]), ...roles(item.submenu ?? [])]);
}

describe('application menu', () => {
  it.each(['darwin', 'win32', 'linux'])('has no DevTools or reload in packaged builds on %s', (platform) => {
    const template = appMenuTemplate({ isPackaged: true, platform });
    expect(roles(template)).not.toContain('toggleDevTools');
    expect(roles(template)).not.toContain('reload');
    // Electron's default View menu contains DevTools: ours must always bring its own.
    const view = template.find((item) => item.role === 'viewMenu');
    expect(view?.submenu?.length).toBeGreaterThan(0);
  });

  it('keeps the Edit menu (copy and paste shortcuts need it on macOS)', () => {
    expect(roles(appMenuTemplate({ isPackaged: true, platform: 'darwin' }))).toContain('editMenu');
  });

  it('uses the app menu on macOS and a File menu elsewhere', () => {
    expect(appMenuTemplate({ isPackaged: true, platform: 'darwin' })[0]?.role).toBe('appMenu');
    expect(appMenuTemplate({ isPackaged: true, platform: 'win32' })[0]?.role).toBe('fileMenu');
  });

  it('offers DevTools and reload in development builds', () => {
    const all = roles(appMenuTemplate({ isPackaged: false, platform: 'linux' }));
    expect(all).toContain('toggleDevTools');
    expect(all).toContain('reload');
  });
});
