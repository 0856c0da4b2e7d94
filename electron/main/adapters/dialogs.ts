// Runs in: the Electron main process.
/**
 * Native dialogs. One of the only files that touch Electron's `dialog`; the handlers get
 * FileDialogsPort and never see Electron.
 *
 * `dontAddToRecent` keeps case files out of the operating system's recent-documents lists,
 * which anyone looking at a seized laptop reads first.
 */
import { dialog, type BrowserWindow } from 'electron';
import type { FileDialogsPort } from '../ports';

/** File dialogs attached to the main window (modal), or free-standing when there is none. */
export function createFileDialogs(getWindow: () => BrowserWindow | null): FileDialogsPort {
  return {
    async chooseSaveTarget(suggestedName, filters) {
      const options: Electron.SaveDialogOptions = {
        defaultPath: suggestedName,
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
      };
      const window = getWindow();
      const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
      return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
    },
    async chooseFileToOpen(filters) {
      const options: Electron.OpenDialogOptions = { filters, properties: ['openFile', 'dontAddToRecent'] };
      const window = getWindow();
      const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/**
 * Tells the user the app cannot run; says nothing about case data. Main has no i18n, so the
 * one message carries both shipped languages.
 */
export function showFatalError(): void {
  dialog.showErrorBox('Sijill — سجل', 'Sijill could not start. Please reinstall it.\nتعذّر تشغيل سجل. يرجى إعادة تثبيته.');
}
