import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake } from '../../../../fakes/electron';

vi.mock('electron', () => import('../../../../fakes/electron'));

const { createFileDialogs, showFatalError } = await import('../../../../../electron/main/adapters/dialogs');

const filters = [{ name: 'Sijill bundle', extensions: ['sijill'] }];

beforeEach(() => {
  fake.dialog.shown.length = 0;
});

describe('file dialogs adapter', () => {
  it('asks where to save, modal to the window, kept out of recent documents', async () => {
    const window = { id: 1 };
    fake.dialog.nextSave = { canceled: false, filePath: '/home/d/case.sijill' };
    // A stand-in for the BrowserWindow: the adapter only passes it through to the dialog.
    const dialogs = createFileDialogs(() => window as never);
    await expect(dialogs.chooseSaveTarget('T-1.sijill', filters)).resolves.toBe('/home/d/case.sijill');
    expect(fake.dialog.shown[0]).toEqual({
      kind: 'save',
      window,
      options: { defaultPath: 'T-1.sijill', filters, properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'] },
    });
  });

  it('returns null when saving is cancelled or no path is given', async () => {
    const dialogs = createFileDialogs(() => null);
    fake.dialog.nextSave = { canceled: true, filePath: '/x' };
    await expect(dialogs.chooseSaveTarget('a.sijill', filters)).resolves.toBeNull();
    fake.dialog.nextSave = { canceled: false, filePath: '' };
    await expect(dialogs.chooseSaveTarget('a.sijill', filters)).resolves.toBeNull();
    expect(fake.dialog.shown.every((call) => call.window === null)).toBe(true);
  });

  it('asks which file to open, one file only, kept out of recent documents', async () => {
    const dialogs = createFileDialogs(() => null);
    fake.dialog.nextOpen = { canceled: false, filePaths: ['/home/d/in.sijill', '/home/d/other.sijill'] };
    await expect(dialogs.chooseFileToOpen(filters)).resolves.toBe('/home/d/in.sijill');
    expect(fake.dialog.shown[0]?.options).toEqual({ filters, properties: ['openFile', 'dontAddToRecent'] });
    fake.dialog.nextOpen = { canceled: true, filePaths: [] };
    await expect(dialogs.chooseFileToOpen(filters)).resolves.toBeNull();
  });

  it('shows the fatal error in both languages without any case data', () => {
    showFatalError();
    const [title, content] = fake.dialog.errorBoxes[0] ?? ['', ''];
    expect(title).toContain('Sijill');
    expect(content).toMatch(/could not start/);
    expect(content).toMatch(/تعذّر/);
  });
});
