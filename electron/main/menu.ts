// Runs in: the Electron main process.
/**
 * The application menu: only what a desktop app is expected to have (copy and paste need the
 * Edit menu on macOS). Packaged builds get no reload and no DevTools entries; Electron's
 * default View menu has both, so it is always replaced.
 */

/** The menu roles this app uses (a subset of Electron's). */
export type MenuRole =
  | 'appMenu'
  | 'fileMenu'
  | 'editMenu'
  | 'viewMenu'
  | 'windowMenu'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools';

/** A menu template entry, compatible with Electron's MenuItemConstructorOptions. */
export interface MenuTemplateItem {
  role?: MenuRole;
  type?: 'separator';
  submenu?: MenuTemplateItem[];
}

/** Builds the menu template for `Menu.buildFromTemplate`. */
export function appMenuTemplate(options: { isPackaged: boolean; platform: string }): MenuTemplateItem[] {
  const view: MenuTemplateItem[] = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }];
  if (!options.isPackaged) {
    view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  }
  return [
    // appMenu exists only on macOS; elsewhere File holds Quit.
    { role: options.platform === 'darwin' ? 'appMenu' : 'fileMenu' },
    { role: 'editMenu' },
    // An explicit submenu replaces Electron's default View menu.
    { role: 'viewMenu', submenu: view },
    { role: 'windowMenu' },
  ];
}
