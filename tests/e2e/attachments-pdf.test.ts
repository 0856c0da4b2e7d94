// A PDF in the real app (browser build, the app's CSP): attached to a testimony, opened, its
// pages drawn by the bundled pdf.js from decrypted bytes in memory. While it is viewed no
// request leaves 127.0.0.1 (pdf.js fetches no fonts, CMaps or wasm), nothing breaks the CSP
// (no eval, worker from 'self'), and locking takes the page off the screen.
import { afterEach, describe, expect, it } from 'vitest';
import { inkOf, syntheticPdf } from '../fixtures/synthetic-pdf';
import { attachmentPanel, lock, newTestimonyWithPanel } from './attachments-steps';
import { isLocal, openApp, type Journey } from './harness';

let journey: Journey | undefined;

afterEach(async () => {
  await journey?.dispose();
  journey = undefined;
});

describe('viewing a PDF attachment', () => {
  it('draws its pages from memory with no request leaving 127.0.0.1 and no CSP violation', async () => {
    journey = await openApp();
    const { page } = journey;
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.evaluate(() => {
      const report = (window as unknown as { reportViolation: (text: string) => void }).reportViolation;
      document.addEventListener('securitypolicyviolation', (event) => report(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await newTestimonyWithPanel(page);
    const panel = attachmentPanel(page);
    const pdf = syntheticPdf(['Sednaya Prison - sketch of the wing', 'Second page']);
    await panel.locator('input[type="file"]').setInputFiles({ name: 'wing-sketch.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    const row = panel.getByRole('article', { name: 'wing-sketch.pdf' });
    await row.waitFor({ timeout: 30_000 });
    const before = journey.requests.length;
    await row.getByRole('button', { name: 'Open' }).click();
    await page.getByTestId('pdf-page-position').filter({ hasText: 'Page 1 of 2' }).waitFor({ timeout: 30_000 });
    const pixels = async () =>
      page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="pdf-page-canvas"]');
        const context = canvas && canvas.width > 0 ? canvas.getContext('2d') : null;
        return canvas && context ? [...context.getImageData(0, 0, canvas.width, canvas.height).data] : [];
      });
    await expect.poll(async () => inkOf(Uint8ClampedArray.from(await pixels())).bar, { timeout: 30_000 }).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.getByTestId('pdf-page-position').filter({ hasText: 'Page 2 of 2' }).waitFor();
    await expect.poll(async () => inkOf(Uint8ClampedArray.from(await pixels())).bar, { timeout: 30_000 }).toBeGreaterThan(100);

    // pdf.js's own script and worker were loaded, from the app's origin only.
    const during = journey.requests.slice(before);
    expect(during.some((url) => /pdf/i.test(url))).toBe(true);
    expect(journey.requests.filter((url) => !isLocal(url))).toEqual([]);

    await lock(page);
    expect(await page.locator('[data-testid="pdf-page-canvas"]').count()).toBe(0);
    expect(violations).toEqual([]);
    expect(journey.problems).toEqual([]);
    expect(journey.requests.filter((url) => !isLocal(url))).toEqual([]);
  }, 120_000);
});
