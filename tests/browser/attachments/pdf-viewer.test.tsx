// PDFs shown from decrypted bytes in memory with pdf.js (features/attachments/pdf-pages.tsx):
// a small synthetic PDF, made here, is attached to a real vault, opened, and its pages drawn
// on a canvas with previous/next and zoom; closing and locking leave no page on screen. In
// Arabic the controls read right to left.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'vitest-browser-react';
import { resetDocumentLanguage } from '../support/document';
import { deleteTestDatabases } from '../vault/support/vault-harness';
import { inkOf, syntheticPdf } from '../../fixtures/synthetic-pdf';
import { draftFor } from './support';
import { renderPanel } from './render-panel';

afterEach(async () => {
  await cleanup();
  resetDocumentLanguage();
  await deleteTestDatabases();
});

/** Ink on the page canvas (none if it is empty). */
function canvasInk(canvas: HTMLCanvasElement | null): { ink: number; bar: number } {
  const context = canvas && canvas.width > 0 ? canvas.getContext('2d') : null;
  if (!canvas || !context) return { ink: 0, bar: 0 };
  return inkOf(context.getImageData(0, 0, canvas.width, canvas.height).data);
}

function pageCanvas(): HTMLCanvasElement | null {
  return document.querySelector<HTMLCanvasElement>('[data-testid="pdf-page-canvas"]');
}

describe('the PDF viewer', () => {
  it('draws the pages of a verified PDF, with previous/next and zoom, and leaves nothing at close or lock', async () => {
    const pdf = syntheticPdf(['Sednaya Prison - floor plan, page 1', 'Sednaya Prison - floor plan, page 2']);
    const { screen, harness } = await renderPanel({
      seed: async (vault, owner) => {
        await vault.client.attachments.importFile(new File([pdf], 'floor-plan.pdf', { type: 'application/pdf' }), draftFor(owner, 'floor-plan.pdf', 'application/pdf'));
      },
    });
    const row = screen.getByRole('article', { name: 'floor-plan.pdf' });
    await row.getByRole('button', { name: 'Open' }).click();
    const position = screen.getByTestId('pdf-page-position');
    await expect.element(position, { timeout: 30_000 }).toHaveTextContent('Page 1 of 2');
    await expect.poll(() => canvasInk(pageCanvas()).bar, { timeout: 30_000 }).toBeGreaterThan(100);
    const first = canvasInk(pageCanvas());
    // More ink than the bar alone: the line of text is drawn too.
    expect(first.ink).toBeGreaterThan(first.bar);
    expect(screen.getByRole('button', { name: 'Previous page' }).element()).toBeDisabled();

    await screen.getByRole('button', { name: 'Next page' }).click();
    await expect.element(position).toHaveTextContent('Page 2 of 2');
    expect(screen.getByRole('button', { name: 'Next page' }).element()).toBeDisabled();
    await expect.poll(() => canvasInk(pageCanvas()).bar).toBeGreaterThan(100);

    const width = pageCanvas()?.width ?? 0;
    await screen.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => pageCanvas()?.width ?? 0).toBeGreaterThan(width);
    await expect.poll(() => canvasInk(pageCanvas()).bar).toBeGreaterThan(100);

    await screen.getByRole('button', { name: 'Close' }).click();
    expect(pageCanvas()).toBeNull();

    await row.getByRole('button', { name: 'Open' }).click();
    await expect.element(position, { timeout: 30_000 }).toHaveTextContent('Page 1 of 2');
    const canvas = pageCanvas();
    await harness.client.lock('manual');
    await expect.poll(() => pageCanvas()).toBeNull();
    expect(canvas?.width).toBe(0);
    await harness.client.dispose();
  }, 90_000);

  it('puts "previous" first in the reading direction in Arabic, and explains a PDF it cannot draw', async () => {
    const { screen, harness } = await renderPanel({
      language: 'ar',
      seed: async (vault, owner) => {
        const good = syntheticPdf(['page one']);
        await vault.client.attachments.importFile(new File([good], 'plan.pdf', { type: 'application/pdf' }), draftFor(owner, 'plan.pdf', 'application/pdf'));
        const broken = new TextEncoder().encode('%PDF-1.4\nnot really a PDF\n');
        await vault.client.attachments.importFile(new File([broken], 'broken.pdf', { type: 'application/pdf' }), draftFor(owner, 'broken.pdf', 'application/pdf'));
      },
    });
    expect(document.documentElement.dir).toBe('rtl');
    await screen.getByRole('article', { name: 'plan.pdf' }).getByRole('button', { name: 'فتح' }).click();
    await expect.element(screen.getByTestId('pdf-page-position'), { timeout: 30_000 }).toHaveTextContent('الصفحة 1 من 1');
    const previous = screen.getByRole('button', { name: 'الصفحة السابقة' }).element().getBoundingClientRect();
    const next = screen.getByRole('button', { name: 'الصفحة التالية' }).element().getBoundingClientRect();
    expect(previous.left).toBeGreaterThan(next.left);
    await screen.getByRole('button', { name: 'إغلاق' }).click();

    await screen.getByRole('article', { name: 'broken.pdf' }).getByRole('button', { name: 'فتح' }).click();
    await expect.element(screen.getByRole('alert'), { timeout: 30_000 }).toHaveTextContent(/تعذّر عرض صفحاته/);
    expect(pageCanvas()).toBeNull();
    await harness.client.dispose();
  }, 90_000);
});
