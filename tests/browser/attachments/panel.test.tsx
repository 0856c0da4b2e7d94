// The attachment panel over the real vault: picker and drag-and-drop, progress and cancel, the
// SHA-256 shown to reviewers, "verify integrity", the image viewer (nothing shown from a
// refused stream; URLs revoked on close and at lock), delete, and Arabic right-to-left.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'vitest-browser-react';
import { resetDocumentLanguage } from '../support/document';
import { deleteTestDatabases, PASSPHRASE } from '../vault/support/vault-harness';
import { countRows, draftFor, patternBytes, rowLog, sha256Hex, tamper } from './support';
import { drop, pick, pngFile, renderPanel } from './render-panel';

afterEach(async () => {
  await cleanup();
  resetDocumentLanguage();
  await deleteTestDatabases();
});

const MiB = 1024 * 1024;

describe('the attachment panel', () => {
  it('attaches several files from the picker and by drag and drop, and shows their SHA-256', async () => {
    const { screen, harness } = await renderPanel();
    await expect.element(screen.getByText('No attachments yet.')).toBeVisible();
    const a = patternBytes(70_000, 1);
    const b = patternBytes(10, 2);
    pick([new File([a], 'شهادة-صوتية.ogg', { type: 'audio/ogg' }), new File([b], 'notes.txt', { type: 'text/plain' })]);
    await expect.element(screen.getByRole('article', { name: 'notes.txt' })).toBeVisible();
    drop([new File([patternBytes(5, 3)], 'dropped.bin')]);
    await expect.element(screen.getByRole('article', { name: 'dropped.bin' })).toBeVisible();

    const hashes = [...document.querySelectorAll('[data-testid="attachment-sha256"]')].map((node) => node.getAttribute('data-sha256'));
    expect(hashes).toEqual([await sha256Hex(a), await sha256Hex(b), await sha256Hex(patternBytes(5, 3))]);
    // File names are user text: isolated for bidi wherever they are shown.
    expect(document.querySelector('.attachment-row__name bdi')?.textContent).toBe('شهادة-صوتية.ogg');

    await screen.getByRole('article', { name: 'notes.txt' }).getByRole('button', { name: 'Verify integrity' }).click();
    await expect.element(screen.getByRole('article', { name: 'notes.txt' }).getByRole('status')).toHaveTextContent(/every chunk decrypted and the SHA-256 matches/);
    await harness.client.dispose();
  });

  it('cancels an import from its progress bar and keeps nothing of it', async () => {
    const { screen, harness } = await renderPanel();
    pick([new File([patternBytes(48 * MiB)], 'large-scan.tiff', { type: 'image/tiff' })]);
    const cancel = screen.getByRole('button', { name: 'Cancel large-scan.tiff' });
    await expect.element(screen.getByRole('progressbar')).toBeVisible();
    await cancel.click();
    await expect.element(screen.getByText(/Nothing of it was kept/)).toBeVisible();
    expect(await countRows(harness.databaseName, 'chunks')).toBe(0);
    expect(await countRows(harness.databaseName, 'blobs')).toBe(0);
    await harness.client.dispose();
  });

  it('shows an image only after it verified, and revokes its URL on close and at lock', async () => {
    const { screen, harness, revoked } = await renderPanel();
    pick([await pngFile('injury-photo.png')]);
    const row = screen.getByRole('article', { name: 'injury-photo.png' });
    await row.getByRole('button', { name: 'Open' }).click();
    const image = screen.getByRole('img', { name: 'Attached image injury-photo.png' });
    await expect.element(image).toBeVisible();
    const first = image.element().getAttribute('src') ?? '';
    expect(first).toMatch(/^blob:/);
    await expect.poll(() => (image.element() as HTMLImageElement).naturalWidth).toBe(8);
    await screen.getByRole('button', { name: 'Close' }).click();
    expect(revoked).toContain(first);

    await row.getByRole('button', { name: 'Open' }).click();
    await expect.element(screen.getByRole('img')).toBeVisible();
    const second = screen.getByRole('img').element().getAttribute('src') ?? '';
    await harness.client.lock('manual');
    expect(revoked).toContain(second);
    await harness.client.dispose();
  });

  it('shows nothing of a damaged image, only the reason', async () => {
    const log = rowLog();
    const { screen, harness, owner } = await renderPanel({ harness: { engine: { attachments: log.seams } } });
    pick([await pngFile('cell-drawing.png')]);
    await expect.element(screen.getByRole('article', { name: 'cell-drawing.png' })).toBeVisible();
    const [info] = (await harness.client.attachments.list(owner)).attachments;
    if (!info) throw new Error('the image was not listed');
    await tamper(harness.databaseName, (chunks) => chunks.delete(log.rowId(info.id, 0)));
    await screen.getByRole('button', { name: 'Open' }).click();
    // Row 0 of a one-chunk file is its FINAL chunk: the stream is cut before FINAL.
    await expect.element(screen.getByRole('alert')).toHaveTextContent('The stored file is incomplete: its end is missing.');
    expect(document.querySelector('img')).toBeNull();
    await harness.client.dispose();
  });

  it('read-only (a sealed testimony): opens and verifies, but offers no attach, record or delete', async () => {
    const ids: (readonly string[])[] = [];
    const { screen, harness } = await renderPanel({
      props: { readOnly: true, onAttachmentsChange: (list) => ids.push(list) },
      seed: async (vault, owner) => {
        await vault.client.attachments.importFile(new File([patternBytes(20)], 'sealed.txt', { type: 'text/plain' }), draftFor(owner, 'sealed.txt', 'text/plain'));
      },
    });
    const row = screen.getByRole('article', { name: 'sealed.txt' });
    await expect.element(row).toBeVisible();
    expect(ids.at(-1)).toHaveLength(1);
    expect(document.querySelector('input[type="file"]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Start recording' }).query()).toBeNull();
    expect(row.getByRole('button', { name: 'Delete' }).query()).toBeNull();
    await row.getByRole('button', { name: 'Verify integrity' }).click();
    await expect.element(row.getByRole('status')).toHaveTextContent(/SHA-256 matches/);
    await harness.client.dispose();
  });

  it('deletes after confirmation, and reads right to left in Arabic', async () => {
    const { screen, harness } = await renderPanel({ language: 'ar' });
    expect(document.documentElement.dir).toBe('rtl');
    pick([new File([patternBytes(100)], 'report.pdf', { type: 'application/pdf' })]);
    const row = screen.getByRole('article', { name: 'report.pdf' });
    await expect.element(row).toBeVisible();
    await row.getByRole('button', { name: 'فتح' }).click();
    // Not a PDF inside: decrypted and verified, but pdf.js cannot draw it, and the viewer says so.
    await expect.element(screen.getByRole('alert'), { timeout: 30_000 }).toHaveTextContent(/تعذّر عرض صفحاته/);
    await row.getByRole('button', { name: 'حذف' }).click();
    await screen.getByRole('button', { name: 'نعم، احذفه' }).click();
    await expect.element(screen.getByText('لا مرفقات بعد.')).toBeVisible();
    expect(await countRows(harness.databaseName, 'chunks')).toBe(0);
    await harness.client.lock('manual');
    await harness.client.unlock(PASSPHRASE);
    await harness.client.dispose();
  });
});
